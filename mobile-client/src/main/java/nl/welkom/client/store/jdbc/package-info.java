/**
 * {@link nl.welkom.client.store.jdbc.SqliteLocalStore}: the local store over JDBC and SQLite, for the
 * terminal companion and tests. Needs the optional {@code org.xerial:sqlite-jdbc} at run time.
 */
package nl.welkom.client.store.jdbc;
