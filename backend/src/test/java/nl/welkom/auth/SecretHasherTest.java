package nl.welkom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.welkom.config.WelkomProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token's stored hash must be the same on every request and every thread, or the phone is signed out. */
class SecretHasherTest {

    @Test
    void aTokenHashesTheSameOnEveryCallAndEveryThreadAsHmacSha256WithTheServerSecret(@TempDir Path dataDir)
            throws Exception {
        SecretHasher hasher = new SecretHasher(new WelkomProperties(dataDir));
        String expected = hmac(ServerSecret.loadOrCreate(dataDir).key(), "token-of-the-haile-phone");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(threads.submit(() -> {
                    List<String> hashes = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        hasher.hash("another-token-" + i);
                        hashes.add(hasher.hash("token-of-the-haile-phone"));
                    }
                    return hashes;
                }));
            }
            for (Future<List<String>> run : runs) {
                run.get().forEach(hash -> assertEquals(expected, hash));
            }
        } finally {
            threads.shutdownNow();
        }
        assertNotEquals(hasher.hash("token-a"), hasher.hash("token-b"));
    }

    private static String hmac(byte[] key, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }
}
