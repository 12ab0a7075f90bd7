package nl.welkom.casefile;

import java.util.List;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** The codes of the {@code language} table, in its order: the languages a household or member may be recorded with. */
@JdbcRepository(dialect = Dialect.ANSI)
interface LanguageCodes extends GenericRepository<LanguageCodes.Row, String> {

    @Query("SELECT code, name, sort_order FROM language ORDER BY sort_order")
    List<Row> ordered();

    default List<String> codes() {
        return ordered().stream().map(Row::code).toList();
    }

    /** Code to English name ({@code prs} → {@code Dari}), for languages the JDK has no name for. */
    default java.util.Map<String, String> names() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        ordered().forEach(row -> names.put(row.code(), row.name()));
        return names;
    }

    @MappedEntity("language")
    record Row(@Id String code, String name, int sortOrder) {
    }
}
