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
 * The server-wide change clock. Every write to a household or a task takes {@link #next()} inside
 * its own transaction and stores it as the row's {@code change_seq}; phones pull "everything
 * after N". Taking the value locks the counter row until the transaction ends, so writers
 * serialize on it and sequence order is commit order: a pull never misses a change committed
 * later with a lower number.
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
