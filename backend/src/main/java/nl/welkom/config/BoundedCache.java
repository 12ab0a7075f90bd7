package nl.welkom.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micronaut.core.annotation.Nullable;

/**
 * A cache of at most {@code capacity} entries that starts empty again when full: for values that are
 * asked far more often than they change and whose keys are few (language chains, municipalities,
 * content versions), where an old key is simply asked no more. Safe for concurrent use; two callers
 * may make the same missing value at once, and the last one is kept (the value is made outside any
 * lock, since making it may read the database).
 */
public final class BoundedCache<K, V> {
    private final int capacity;
    private final Map<K, V> entries = new ConcurrentHashMap<>();

    public BoundedCache(int capacity) {
        this.capacity = capacity;
    }

    /** The value kept for {@code key}, or null. */
    public @Nullable V get(K key) {
        return entries.get(key);
    }

    /** The value kept for {@code key}, else the one {@code make} makes, which is then kept. */
    public V get(K key, Function<? super K, ? extends V> make) {
        V known = entries.get(key);
        if (known != null) {
            return known;
        }
        V made = make.apply(key);
        put(key, made);
        return made;
    }

    /** Keeps {@code value} for {@code key}, after forgetting every entry if the cache is full. */
    public void put(K key, V value) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, value);
    }

    /** Forgets every entry. */
    public void clear() {
        entries.clear();
    }
}
