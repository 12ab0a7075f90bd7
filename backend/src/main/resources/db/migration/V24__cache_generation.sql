-- Caches that several backend instances keep of the same rows (docs/postgresql.md, "Several instances"):
-- whoever changes the rows bumps the generation; every instance compares it at most every few seconds
-- and drops its cache when it moved. No household data.
CREATE TABLE cache_generation (
    name TEXT NOT NULL PRIMARY KEY,
    generation BIGINT NOT NULL
);

INSERT INTO cache_generation (name, generation) VALUES ('content', 0);
