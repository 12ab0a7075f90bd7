-- Issue 10, the caseload (docs/caseload.md). V7 added the household indexes for the stage filter and
-- the arrival sort: (municipality_id, stage) and (municipality_id, arrived_on).

-- The nationality filter, and the list of nationalities its menu offers, read from the index alone:
-- household_municipality_nationality (municipality_id, nationality), created by V10 for group settlement.

-- The overdue filter and the next-due sort ask, per household, for its live open tasks by due date
-- (household_id = ? AND status = 'OPEN' AND deleted = FALSE AND due_date < ?, or MIN(due_date)):
-- answered from this index alone, without reading a task row.
CREATE INDEX task_household_status_due ON task (household_id, status, deleted, due_date);
