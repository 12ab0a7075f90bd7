package nl.welkom.client;

import java.io.IOException;
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
 * sees. Attached to a request as its tag; {@link #INTERCEPTOR} is a network interceptor, so it sees
 * the body before OkHttp's transparent gzip decoding.
 */
final class ByteCounter {

    static final Interceptor INTERCEPTOR = chain -> {
        Response response = chain.proceed(chain.request());
        ByteCounter counter = chain.request().tag(ByteCounter.class);
        ResponseBody body = response.body();
        if (counter == null || body == null) {
            return response;
        }
        return response.newBuilder().body(new CountingBody(body, counter)).build();
    };

    private final AtomicLong bytes = new AtomicLong();

    long bytes() {
        return bytes.get();
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
