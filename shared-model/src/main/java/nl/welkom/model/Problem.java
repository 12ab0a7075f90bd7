package nl.welkom.model;

/**
 * An RFC 9457 problem body ({@code application/problem+json}), the only error shape the backend
 * sends. {@code type} is a stable URI-like identifier a client may switch on
 * (for example {@code https://welkom.example/problems/activation-code-invalid}); {@code title} and
 * {@code detail} are for people and never contain personal data.
 */
public record Problem(String type, String title, int status, String detail) {
}
