package nl.welkom.household;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The server-wide change clock. Every write to a household, a task or a scope takes {@link #next()}
 * inside its own transaction and stores it with the row ({@code change_seq}, {@code scope_change.seq});
 * phones pull "everything
 * after N". Taking the value locks the counter row until the transaction ends, so writers
 * serialize on it and sequence order is commit order: a pull never misses a change committed
 * later with a lower number.
 *
 * <p>Take one value per row written, also when one transaction writes several rows: a pull page
 * may end between two values, never inside one.
 */
@Singleton
public class ChangeSequence {
    private final CounterRepository counter;

    ChangeSequence(CounterRepository counter) {
        this.counter = counter;
    }

    /** The next sequence value; must be called inside the write transaction that uses it. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public long next() {
        counter.increment();
        return counter.current();
    }

    /**
     * The highest value taken by a committed write. Every write with a value up to it has
     * committed (writers hold the counter until they commit), so a pull bounded by it sees all of
     * them, whatever the isolation level.
     */
    public long last() {
        return counter.current();
    }

    @MappedEntity("change_sequence")
    record Counter(@Id int id, long lastSeq) {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface CounterRepository extends GenericRepository<Counter, Integer> {
        @Query("UPDATE change_sequence SET last_seq = last_seq + 1 WHERE id = 1")
        void increment();

        @Query("SELECT last_seq FROM change_sequence WHERE id = 1")
        long current();
    }
}
