package nl.welkom.model.i18n;

/**
 * A gettext {@code Plural-Forms} rule ({@code nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : …);}),
 * evaluated as the C expression it is: integers, {@code n}, parentheses, {@code ?:}, {@code ||},
 * {@code &&}, comparisons, {@code + - * / %} and {@code !}. A rule that does not parse falls back to
 * the English rule (one and other), so a damaged header never breaks a screen.
 */
public final class PluralRule {

    /** English, Dutch, Somali, Swahili…: one and other. */
    public static final PluralRule ONE_OTHER = new PluralRule(2, "n != 1");

    private final int count;
    private final String expression;

    private PluralRule(int count, String expression) {
        this.count = count;
        this.expression = expression;
    }

    /**
     * Parses a {@code Plural-Forms} header value.
     *
     * @return the rule, or {@link #ONE_OTHER} when the value is missing or malformed
     */
    public static PluralRule parse(String header) {
        if (header == null) {
            return ONE_OTHER;
        }
        String nplurals = null;
        String plural = null;
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = part.substring(0, eq).trim();
            if (name.equals("nplurals")) {
                nplurals = part.substring(eq + 1).trim();
            } else if (name.equals("plural")) {
                plural = part.substring(eq + 1).trim();
            }
        }
        if (plural == null || plural.length() > 400) {
            return ONE_OTHER; // real rules are short; a huge one is damage, not a language
        }
        try {
            int n = Integer.parseInt(nplurals);
            PluralRule rule = new PluralRule(n, plural);
            for (long probe = 0; probe < 200; probe++) {
                int form = rule.evaluate(probe);
                if (form < 0 || form >= n) {
                    return ONE_OTHER;
                }
            }
            return rule;
        } catch (RuntimeException e) {
            return ONE_OTHER;
        }
    }

    /** How many plural forms the language has. */
    public int count() {
        return count;
    }

    /** The index of the plural form for {@code n}, 0 to {@code count() - 1}. */
    public int formFor(long n) {
        try {
            int form = evaluate(Math.abs(n));
            return form >= 0 && form < count ? form : count - 1;
        } catch (RuntimeException e) {
            return n == 1 ? 0 : Math.min(1, count - 1);
        }
    }

    private int evaluate(long n) {
        Parser p = new Parser(expression, n);
        long value = p.ternary();
        p.skipSpaces();
        if (p.pos != expression.length()) {
            throw new IllegalArgumentException("Unexpected '" + expression.charAt(p.pos) + "' in " + expression);
        }
        return (int) value;
    }

    /** Recursive descent over the C operators gettext allows, by precedence. */
    private static final class Parser {
        private final String s;
        private final long n;
        int pos;

        Parser(String s, long n) {
            this.s = s;
            this.n = n;
        }

        long ternary() {
            long condition = or();
            if (eat("?")) {
                long yes = ternary();
                expect(":");
                long no = ternary();
                return condition != 0 ? yes : no;
            }
            return condition;
        }

        long or() {
            long v = and();
            while (eat("||")) {
                long r = and();
                v = (v != 0 || r != 0) ? 1 : 0;
            }
            return v;
        }

        long and() {
            long v = equality();
            while (eat("&&")) {
                long r = equality();
                v = (v != 0 && r != 0) ? 1 : 0;
            }
            return v;
        }

        long equality() {
            long v = relation();
            while (true) {
                if (eat("==")) {
                    v = v == relation() ? 1 : 0;
                } else if (eat("!=")) {
                    v = v != relation() ? 1 : 0;
                } else {
                    return v;
                }
            }
        }

        long relation() {
            long v = additive();
            while (true) {
                if (eat("<=")) {
                    v = v <= additive() ? 1 : 0;
                } else if (eat(">=")) {
                    v = v >= additive() ? 1 : 0;
                } else if (eat("<")) {
                    v = v < additive() ? 1 : 0;
                } else if (eat(">")) {
                    v = v > additive() ? 1 : 0;
                } else {
                    return v;
                }
            }
        }

        long additive() {
            long v = multiplicative();
            while (true) {
                if (eat("+")) {
                    v += multiplicative();
                } else if (peekMinus()) {
                    pos++;
                    v -= multiplicative();
                } else {
                    return v;
                }
            }
        }

        long multiplicative() {
            long v = unary();
            while (true) {
                if (eat("*")) {
                    v *= unary();
                } else if (eat("/")) {
                    v /= unary();
                } else if (eat("%")) {
                    v %= unary();
                } else {
                    return v;
                }
            }
        }

        long unary() {
            if (eat("!")) {
                return unary() == 0 ? 1 : 0;
            }
            if (eat("(")) {
                long v = ternary();
                expect(")");
                return v;
            }
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == 'n') {
                pos++;
                return n;
            }
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("Expected a number or n at " + pos + " in " + s);
            }
            return Long.parseLong(s.substring(start, pos));
        }

        private boolean peekMinus() {
            skipSpaces();
            return pos < s.length() && s.charAt(pos) == '-';
        }

        boolean eat(String token) {
            skipSpaces();
            if (!s.startsWith(token, pos)) {
                return false;
            }
            // "!" must not eat the start of "!=", nor "<" of "<=" or ">" of ">=".
            boolean prefixOfLonger = token.length() == 1 && "!<>".indexOf(token.charAt(0)) >= 0
                    && pos + 1 < s.length() && s.charAt(pos + 1) == '=';
            if (prefixOfLonger) {
                return false;
            }
            pos += token.length();
            return true;
        }

        void expect(String token) {
            if (!eat(token)) {
                throw new IllegalArgumentException("Expected '" + token + "' at " + pos + " in " + s);
            }
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
