package nl.welkom.auth;

/** The token check's statement for tests of other packages (the query-plan tests). */
public final class TokenChecks {
    private TokenChecks() {
    }

    /** The statement {@link AuthService} runs for {@code tokens} tokens with a route's question's columns and values. */
    public static String sqlWith(String questionColumns, int values, int tokens) {
        return AuthService.tokenCheckSql(questionColumns, values, tokens);
    }
}
