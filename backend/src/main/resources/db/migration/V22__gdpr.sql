-- Issue 13: the GDPR (docs/gdpr.md). An erased household keeps a blank row (a tombstone) so that the
-- scope changes telling phones to drop it, and its revoked devices, still have something to refer
-- to; erased_at marks it and HouseholdScope hides it from everyone.
ALTER TABLE household ADD COLUMN erased_at BIGINT;

-- Leases of jobs that must run on one backend instance at a time (the retention job). A lease is
-- taken with a conditional UPDATE (WHERE lease_until < now): the instance whose UPDATE changed the
-- row holds it until lease_until. One row per job, inserted here, never deleted.
CREATE TABLE job_lease (
    name            TEXT    NOT NULL PRIMARY KEY,
    holder          TEXT,
    lease_until     BIGINT  NOT NULL,
    last_run_at     BIGINT
);
INSERT INTO job_lease (name, holder, lease_until, last_run_at) VALUES ('gdpr.retention', NULL, 0, NULL);

-- HouseholdScope's officer condition now says "AND h.erased_at IS NULL": the caseload's list of
-- nationalities stays answerable from this index alone (CaseloadQueryPlanTest).
DROP INDEX household_municipality_nationality;
CREATE INDEX household_municipality_nationality ON household (municipality_id, nationality, erased_at);
