package nl.welkom.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void aKeptValueIsMadeOnceAndAFullCacheStartsAgainInsteadOfGrowing() {
        BoundedCache<String, String> cache = new BoundedCache<>(2);
        AtomicInteger made = new AtomicInteger();

        assertEquals("ar,en,nl", cache.get("ar,en", key -> made.incrementAndGet() == 1 ? key + ",nl" : "again"));
        assertEquals("ar,en,nl", cache.get("ar,en", key -> "again"));
        cache.put("ti", "ti,nl");
        cache.put("so", "so,nl");

        assertEquals(1, made.get());
        assertNull(cache.get("ar,en"), "the full cache was emptied before the third key was kept");
        assertEquals("so,nl", cache.get("so"));
        cache.clear();
        assertNull(cache.get("so"));
    }
}
