-- complaint_event rows are written only by the append's single statement, together with the complaint
-- row they belong to (PostgresDialect), so this foreign key could never fail; checking it cost a lookup
-- and a row lock on complaint for every event row, about a tenth of the database's time per append.
-- Events stay append-only (the trigger of V1) and keyed by (tracking_number, version). The outbox, with
-- fewer rows per append, keeps its foreign key.
ALTER TABLE complaint_event DROP CONSTRAINT IF EXISTS complaint_event_tracking_number_fkey;
