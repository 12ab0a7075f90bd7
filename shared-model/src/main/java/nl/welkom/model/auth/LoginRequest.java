package nl.welkom.model.auth;

/** {@code POST /api/auth/login}: password login for staff and volunteers. */
public record LoginRequest(String username, String password) {
}
