package nl.welkom.client.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Collections;

import javax.crypto.spec.SecretKeySpec;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.RobolectricTestRunner;
import org.robolectric.RuntimeEnvironment;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.SQLiteMode;

import android.content.Context;
import android.database.Cursor;
import android.database.sqlite.SQLiteDatabase;
import android.database.sqlite.SQLiteException;

import nl.welkom.client.store.LocalStoreException;
import nl.welkom.client.store.StoredDocument;
import nl.welkom.client.store.StoredRecord;

/** What only the Android store has to get right, beyond the shared contract. */
@RunWith(RobolectricTestRunner.class)
@Config(sdk = {26, 34})
public class AndroidLocalStoreTest {

    private Context app;
    private AndroidLocalStore store;

    @Before
    public void open() {
        app = RuntimeEnvironment.getApplication();
        store = AndroidLocalStore.open(app, "welkom.db");
    }

    @After
    public void close() {
        store.close();
    }

    @Test
    public void theStoreIsAFileInTheAppsPrivateDatabaseFolderWithSchemaFour() {
        File file = app.getDatabasePath("welkom.db");
        assertTrue(file.getPath(), file.isFile());
        store.close();
        try (SQLiteDatabase db = SQLiteDatabase.openDatabase(file.getPath(), null, SQLiteDatabase.OPEN_READONLY);
                Cursor c = db.rawQuery("SELECT sqlite_version()", null)) {
            assertEquals(AndroidLocalStore.SCHEMA_VERSION, db.getVersion());
            c.moveToFirst();
            System.out.println("[android] SQLite under Robolectric: " + c.getString(0));
        }
        store = AndroidLocalStore.open(app, "welkom.db");
    }

    @Test
    public void writesAreSyncedToDiskInFullLikeTheJdbcStore() {
        store.putDocument(StoredDocument.of("x", "{}"));
        store.close();
        store = AndroidLocalStore.open(app, "welkom.db");
        assertEquals("the helper configures each open", 2L, store.pragma("synchronous"));
    }

    @Test
    public void aDocumentLargerThanACursorWindowIsKeptAndReadWhole() {
        StringBuilder big = new StringBuilder();
        // Ge'ez (3 bytes in UTF-8), Arabic (2), an emoji (4, a surrogate pair in Java) and ASCII, past 3 MB.
        while (big.length() < 3_200_000) {
            big.append("ሰላም مرحبا \uD83D\uDE4F hallo ");
        }
        String body = "{\"pack\":\"" + big + "\"}";
        store.putDocument(new StoredDocument("content", "", "ti,en", "\"e1\"", "v9", body));
        store.putRecords(Collections.singletonList(new StoredRecord("task", "t-1", "h-1", body)));

        StoredDocument read = store.document("content", "").get();
        assertEquals(body.length(), read.body().length());
        assertEquals(body, read.body());
        assertEquals("v9", read.version());
    }

    @Test
    public void aDatabaseWrittenByANewerAppIsRefusedNotGuessedAt() {
        store.close();
        File file = app.getDatabasePath("welkom.db");
        try (SQLiteDatabase db = SQLiteDatabase.openDatabase(file.getPath(), null, SQLiteDatabase.OPEN_READWRITE)) {
            db.setVersion(AndroidLocalStore.SCHEMA_VERSION + 1);
        }
        LocalStoreException refused = assertThrows(LocalStoreException.class, () -> AndroidLocalStore.open(app, "welkom.db"));
        assertTrue(refused.getMessage(), refused.getMessage().contains("newer"));
        store = AndroidLocalStore.open(app, "other.db");
    }

    @Test
    public void aClosedStoreFailsWithAStoreException() {
        store.close();
        assertThrows(LocalStoreException.class, () -> store.syncCursor());
        assertThrows(LocalStoreException.class, () -> store.inTransaction(() -> { }));
        store = AndroidLocalStore.open(app, "welkom.db");
    }

    /** Why {@link AndroidStoreOldSqliteContractTest} proves something: its SQLite is older than 3.18. */
    @Test
    @SuppressWarnings("deprecation")
    @SQLiteMode(SQLiteMode.Mode.LEGACY)
    public void theLegacySqliteIsOlderThanAndroid8sAndRefusesUpsert() {
        try (SQLiteDatabase db = SQLiteDatabase.create(null);
                Cursor c = db.rawQuery("SELECT sqlite_version()", null)) {
            c.moveToFirst();
            String[] version = c.getString(0).split("\\.");
            System.out.println("[android] legacy SQLite under Robolectric: " + c.getString(0));
            assertEquals("3", version[0]);
            assertTrue(c.getString(0), Integer.parseInt(version[1]) < 18);
            db.execSQL("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)");
            assertThrows(SQLiteException.class, () -> db.execSQL(
                    "INSERT INTO t (k, v) VALUES ('a', 'b') ON CONFLICT(k) DO UPDATE SET v = excluded.v"));
        }
    }

    /** A software AES key standing in for the Keystore's, which Robolectric does not have. */
    static Sealer softwareSealer() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        return new Sealer(() -> spec);
    }

    @Test
    public void withASealerTheDeviceTokenNeverReachesTheFileInTheClear() throws Exception {
        store.close();
        Sealer sealer = softwareSealer();
        store = AndroidLocalStore.open(app, "sealed.db", sealer);
        String session = "{\"token\":\"device-token-7f3a9c\",\"role\":\"NEWCOMER\"}";
        store.putDocument(StoredDocument.of("session", session));
        store.putDocument(StoredDocument.of("languages", "[\"ti\"]"));

        assertEquals(session, store.document("session", "").get().body());
        store.close();
        String file = new String(Files.readAllBytes(app.getDatabasePath("sealed.db").toPath()), StandardCharsets.ISO_8859_1);
        assertFalse("the token is not in the file", file.contains("device-token-7f3a9c"));
        assertTrue("other documents stay readable", file.contains("[\"ti\"]"));

        store = AndroidLocalStore.open(app, "sealed.db", sealer);
        assertEquals("the same key opens it after a restart", session, store.document("session", "").get().body());
    }

    @Test
    public void aDatabaseCopiedToAnotherPhoneHasNoSessionButKeepsTheRest() {
        store.close();
        store = AndroidLocalStore.open(app, "sealed.db", softwareSealer());
        store.putDocument(StoredDocument.of("session", "{\"token\":\"t\"}"));
        store.putDocument(StoredDocument.of("languages", "[\"ar\"]"));
        store.close();

        store = AndroidLocalStore.open(app, "sealed.db", softwareSealer());
        assertFalse("another key cannot open the session: activate again", store.document("session", "").isPresent());
        assertEquals("[\"ar\"]", store.document("languages", "").get().body());
        store.close();
        store = AndroidLocalStore.open(app, "sealed.db");
        assertFalse("nor can a store without a sealer", store.document("session", "").isPresent());
    }
}
