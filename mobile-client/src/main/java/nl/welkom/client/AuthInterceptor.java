package nl.welkom.client;

import java.io.IOException;
import java.util.Optional;

import nl.welkom.client.store.LocalStore;
import nl.welkom.model.auth.Session;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <token>} from the stored session, read per request so a new
 * activation takes effect at once. Requests tagged {@link Anonymous} (activation) go without a
 * token: a stale, revoked token must not spoil redeeming a new code.
 */
final class AuthInterceptor implements Interceptor {

    /** Tag marking a request that must not carry the token. */
    static final class Anonymous {
        static final Anonymous INSTANCE = new Anonymous();

        private Anonymous() {
        }
    }

    private final LocalStore store;

    AuthInterceptor(LocalStore store) {
        this.store = store;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header("Authorization") != null || request.tag(Anonymous.class) != null) {
            return chain.proceed(request);
        }
        Optional<Session> session = Shelf.SESSION.get(store);
        if (!session.isPresent() || session.get().token() == null) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder()
                .header("Authorization", "Bearer " + session.get().token())
                .build());
    }
}
