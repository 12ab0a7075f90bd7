/**
 * Local storage behind {@link nl.welkom.client.store.LocalStore}: the in-memory fake here, the
 * SQLite implementation in {@code jdbc}. Every implementation passes {@code LocalStoreContractTest}.
 */
package nl.welkom.client.store;
