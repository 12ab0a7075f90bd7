/**
 * The Welkom client library: an offline-first client for the newcomer's phone.
 *
 * <p>Code map: {@link nl.welkom.client.Welkom} is the only entry point; {@code Api} speaks HTTP
 * (OkHttp + Gson), {@code SyncEngine} runs push → pull → content (docs/sync.md), {@code LocalView}
 * replays the outbox over the server copies, {@link nl.welkom.client.store} keeps everything on the
 * phone, notices about refused or conflicting edits included.
 *
 * <p>Architecture invariants:
 * <ul>
 *   <li>Screens read only the local store: no read method of {@code Welkom} touches the network.</li>
 *   <li>The store holds what the server sent; offline edits live only in the outbox until the
 *       server answers for them, and leave it only in the transaction that records the answer
 *       (with a notice when the reader must hear about it).</li>
 *   <li>Android API 26 only (checked by animal-sniffer): no {@code java.net.http}, no Java 9+
 *       library methods. Records from {@code shared-model} are fine (desugared by D8), but nothing
 *       here relies on a record constructor validating received JSON.</li>
 *   <li>No Android framework class, no SQL and no scheduling here: the app decides when to sync.</li>
 * </ul>
 */
package nl.welkom.client;
