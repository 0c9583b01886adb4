-- lapor's complaint store on SQLite. Each row keeps its record as JSON text (what lapor reads back);
-- the plain columns are copies for queries, indexes and people reading the tables. Instants are
-- ISO-8601 text in UTC with six fraction digits, so they sort as text.

CREATE TABLE complaint (
    tracking_number        TEXT     NOT NULL PRIMARY KEY,
    version                INTEGER  NOT NULL,
    state                  TEXT     NOT NULL,
    responsible_unit       TEXT,
    target_institution     TEXT,
    region                 TEXT     NOT NULL,
    category               TEXT,
    kind                   TEXT     NOT NULL,
    channel                TEXT     NOT NULL,
    confidential           INTEGER  NOT NULL,
    submitted_at           TEXT     NOT NULL,
    updated_at             TEXT     NOT NULL,
    next_due_at            TEXT,
    clock_calendar         TEXT,
    clock_calendar_version INTEGER,
    complaint_json         TEXT     NOT NULL
) STRICT;

-- An officer's queue: the units of a subtree, some states, nearest deadline first.
CREATE INDEX complaint_queue ON complaint (responsible_unit, state, next_due_at, submitted_at);
-- Statistics by period and unit (state included, so counting reads the index alone).
CREATE INDEX complaint_statistics ON complaint (submitted_at, responsible_unit, state);
-- Due work for the SLA sweep: the next unfired timer of a running clock.
CREATE INDEX complaint_due ON complaint (next_due_at) WHERE next_due_at IS NOT NULL;
-- Clocks to recompute when their calendar changes.
CREATE INDEX complaint_clock_calendar ON complaint (clock_calendar, tracking_number)
    WHERE clock_calendar IS NOT NULL;

CREATE TABLE complaint_event (
    tracking_number TEXT    NOT NULL REFERENCES complaint (tracking_number),
    version         INTEGER NOT NULL,
    at              TEXT    NOT NULL,
    actor_role      TEXT    NOT NULL,
    actor_id        TEXT    NOT NULL,
    actor_unit      TEXT,
    state           TEXT    NOT NULL,
    event_type      TEXT    NOT NULL,
    event_json      TEXT    NOT NULL,
    PRIMARY KEY (tracking_number, version)
) STRICT;

CREATE TRIGGER complaint_event_no_update BEFORE UPDATE ON complaint_event
BEGIN
    SELECT RAISE(ABORT, 'complaint_event is append-only: UPDATE refused');
END;

CREATE TRIGGER complaint_event_no_delete BEFORE DELETE ON complaint_event
BEGIN
    SELECT RAISE(ABORT, 'complaint_event is append-only: DELETE refused');
END;

CREATE TABLE channel_message (
    channel         TEXT NOT NULL,
    message_id      TEXT NOT NULL,
    tracking_number TEXT NOT NULL REFERENCES complaint (tracking_number),
    PRIMARY KEY (channel, message_id)
) STRICT;

CREATE TABLE outbox (
    id              TEXT    NOT NULL PRIMARY KEY,
    event_id        TEXT    NOT NULL,
    tracking_number TEXT    NOT NULL REFERENCES complaint (tracking_number),
    recipient       TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    attributes      TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    delivered_at    TEXT,
    parked_at       TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TEXT    NOT NULL
) STRICT;

-- What the relay sends next, and what waits for an operator.
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_parked ON outbox (created_at) WHERE parked_at IS NOT NULL AND delivered_at IS NULL;

-- KeyedTrackingNumbers permutes [0, 9,000,000,000); one row, advanced in its own transaction.
CREATE TABLE tracking_number_sequence (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    next_value INTEGER NOT NULL CHECK (next_value BETWEEN 0 AND 9000000000)
) STRICT;

INSERT INTO tracking_number_sequence (id, next_value) VALUES (1, 0);
