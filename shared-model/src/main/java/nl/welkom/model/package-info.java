/**
 * Welkom's wire format: plain records and enums exchanged between the backend and every client.
 *
 * <p>Architecture invariant: nothing here depends on a framework (no Micronaut, Gson, OkHttp,
 * JDBC or Android) and everything compiles against Android API 26. Serialization lives at the
 * edges: {@code @SerdeImport} in the backend, Gson in the client. Timestamps travel as ISO-8601
 * strings ({@code 2026-11-23T13:00:00Z}), dates as {@code 2026-11-23}, ids as UUID strings, so that
 * every JSON library reads them without adapters.
 *
 * <p>Records here carry no validation in compact constructors: on Android records are desugared
 * and Gson bypasses constructors, so validation must happen where data is received.
 */
package nl.welkom.model;
