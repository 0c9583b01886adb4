-- Supersedes V3's "the outbox keeps its foreign key". outbox rows, like complaint_event rows (V3), are written
-- only by the append's single statement, together with the complaint row they belong to (PostgresDialect), and
-- the store refuses before writing any message about another complaint or about an event not in the append
-- (ComplaintStore.checkAppend), so the key could not fail; checking it cost a lookup and a row lock on complaint
-- for every message, about a twelfth of the database's time per lifecycle in the storage benchmark. Complaints
-- are never deleted. SQLite keeps its foreign keys: there the append is several statements in one
-- transaction, and SQLite checks a key by an index lookup in its own process.
-- Dropping the key takes a brief exclusive lock on outbox and complaint: it waits for running transactions.
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_tracking_number_fkey;
