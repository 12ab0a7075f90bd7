package nl.welkom.client;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Counts response bytes as they arrive over the wire, for the sync progress a prepaid-data reader
 * sees, and the HTTP requests that went out. Attached to a request as its tag; {@link #INTERCEPTOR}
 * is a network interceptor, so it sees the body before OkHttp's transparent gzip decoding and every
 * attempt on the wire (a retry counts again).
 */
final class ByteCounter {

    static final Interceptor INTERCEPTOR = chain -> {
        ByteCounter counter = chain.request().tag(ByteCounter.class);
        if (counter != null) {
            counter.requests.incrementAndGet();
        }
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (counter == null || body == null) {
            return response;
        }
        return response.newBuilder().body(new CountingBody(body, counter)).build();
    };

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();

    long bytes() {
        return bytes.get();
    }

    int requests() {
        return requests.get();
    }

    private static final class CountingBody extends ResponseBody {
        private final ResponseBody delegate;
        private final BufferedSource source;

        CountingBody(ResponseBody delegate, ByteCounter counter) {
            this.delegate = delegate;
            this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
                @Override
                public long read(Buffer sink, long byteCount) throws IOException {
                    long read = super.read(sink, byteCount);
                    if (read > 0) {
                        counter.bytes.addAndGet(read);
                    }
                    return read;
                }
            });
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public BufferedSource source() {
            return source;
        }
    }
}
