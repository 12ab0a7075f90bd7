package nl.welkom.client;

import java.io.IOException;
import java.util.List;

import nl.welkom.client.store.LocalStore;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Accept-Language} from the stored language chain ({@code ar,en;q=0.9}) unless the
 * request already has one, so problem titles and the content fallback follow the reader.
 */
final class AcceptLanguageInterceptor implements Interceptor {

    private final LocalStore store;

    AcceptLanguageInterceptor(LocalStore store) {
        this.store = store;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        List<String> chainCodes = Shelf.chain(store);
        if (request.header("Accept-Language") != null || chainCodes.isEmpty()) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header("Accept-Language", headerValue(chainCodes)).build());
    }

    /** {@code [ar, en, fr]} → {@code ar,en;q=0.9,fr;q=0.8}; q never drops below 0.1. */
    static String headerValue(List<String> codes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
            if (i > 0) {
                int q = Math.max(1, 10 - i);
                sb.append(',').append(codes.get(i)).append(";q=0.").append(q);
            } else {
                sb.append(codes.get(i));
            }
        }
        return sb.toString();
    }
}
