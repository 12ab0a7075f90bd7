package nl.welkom.client.android;

import org.robolectric.annotation.SQLiteMode;

/**
 * The contract once more on an SQLite older than Android 8's 3.18: Robolectric's legacy SQLite
 * (sqlite4java). Robolectric's native mode brings a newer SQLite (3.32) that would accept UPSERT,
 * window functions and the like; this run proves the store's SQL does not need them.
 */
@SuppressWarnings("deprecation") // LEGACY: deprecated as a default, kept by Robolectric for exactly this
@SQLiteMode(SQLiteMode.Mode.LEGACY)
public class AndroidStoreOldSqliteContractTest extends AndroidStoreContractTest {

    public AndroidStoreOldSqliteContractTest(String test) {
        super(test);
    }
}
