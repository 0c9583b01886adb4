-- Claims on due work, so that several nodes sweep at once and each takes complaints no other holds.
-- A sweep locks the due rows it takes, skipping rows another sweep has locked (FOR UPDATE SKIP LOCKED),
-- and sets claimed_until = now + lease on them, all in one statement. A claim lapses by itself: the
-- work of a node that died mid-sweep is taken up by another after the lease. Appends leave it alone.
-- Exactly-once does not rest on claims (firing is an append at the version read); they only spread work.
ALTER TABLE complaint ADD COLUMN claimed_until timestamptz;

-- The sweep reads the due rows in (next_due_at, tracking_number) order and stops at its limit, so an
-- empty sweep reads nothing and a full one reads about what it takes. claimed_until stays out of the
-- index: setting a claim then changes no indexed column and may be a heap-only (HOT) update.
DROP INDEX complaint_due;
CREATE INDEX complaint_due ON complaint (next_due_at, tracking_number) WHERE next_due_at IS NOT NULL;

-- The records are kept as json, not jsonb: lapor writes each record whole and reads it back whole, and
-- never looks inside it in SQL, so jsonb's conversion to its binary form on every write and back to text
-- on every read was work for nothing (about a fifth of the database's time per append). json keeps the
-- text as written, checked to be JSON; SQL that reads fields (->, ->>) works on it as before.
ALTER TABLE complaint ALTER COLUMN complaint_json TYPE json;
ALTER TABLE complaint_event ALTER COLUMN event_json TYPE json;
ALTER TABLE outbox ALTER COLUMN attributes TYPE json;
