-- Claims on due work, as on PostgreSQL: a sweep sets claimed_until = now + lease on the due rows it
-- takes, in one statement (SQLite serialises writers, so no row locks are needed); a claim lapses by
-- itself; appends leave it alone. One process uses SQLite, but it may run several sweepers.
ALTER TABLE complaint ADD COLUMN claimed_until TEXT;

-- The sweep reads the due rows in (next_due_at, tracking_number) order and stops at its limit.
DROP INDEX complaint_due;
CREATE INDEX complaint_due ON complaint (next_due_at, tracking_number) WHERE next_due_at IS NOT NULL;
