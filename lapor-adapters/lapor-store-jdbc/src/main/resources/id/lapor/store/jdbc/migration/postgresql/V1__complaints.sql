-- lapor's complaint store on PostgreSQL. Each row keeps its record as JSON (what lapor reads back);
-- the plain columns are copies for queries, indexes and people reading the tables. Tracking numbers
-- sort byte by byte (collation "C"), as they do in Java and SQLite.

CREATE TABLE complaint (
    tracking_number        text         COLLATE "C" PRIMARY KEY,
    version                bigint       NOT NULL,
    state                  text         NOT NULL,
    responsible_unit       text,
    target_institution     text,
    region                 text         NOT NULL,
    category               text,
    kind                   text         NOT NULL,
    channel                text         NOT NULL,
    confidential           boolean      NOT NULL,
    submitted_at           timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL,
    next_due_at            timestamptz,
    clock_calendar         text,
    clock_calendar_version integer,
    complaint_json         jsonb        NOT NULL
);

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
    tracking_number text        COLLATE "C" NOT NULL REFERENCES complaint (tracking_number),
    version         bigint      NOT NULL,
    at              timestamptz NOT NULL,
    actor_role      text        NOT NULL,
    actor_id        text        NOT NULL,
    actor_unit      text,
    state           text        NOT NULL,
    event_type      text        NOT NULL,
    event_json      jsonb       NOT NULL,
    PRIMARY KEY (tracking_number, version)
);

CREATE FUNCTION lapor_refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'complaint_event is append-only: % of %/% refused', TG_OP, OLD.tracking_number, OLD.version;
END
$$;

CREATE TRIGGER complaint_event_append_only BEFORE UPDATE OR DELETE ON complaint_event
    FOR EACH ROW EXECUTE FUNCTION lapor_refuse_event_change();

CREATE TABLE channel_message (
    channel         text NOT NULL,
    message_id      text NOT NULL,
    tracking_number text COLLATE "C" NOT NULL REFERENCES complaint (tracking_number),
    PRIMARY KEY (channel, message_id)
);

CREATE TABLE outbox (
    id              text        PRIMARY KEY,
    event_id        text        NOT NULL,
    tracking_number text        COLLATE "C" NOT NULL REFERENCES complaint (tracking_number),
    recipient       text        NOT NULL,
    topic           text        NOT NULL,
    attributes      jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    parked_at       timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL
);

-- What the relay sends next, and what waits for an operator.
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_parked ON outbox (created_at) WHERE parked_at IS NOT NULL AND delivered_at IS NULL;

-- KeyedTrackingNumbers permutes [0, 9,000,000,000).
CREATE SEQUENCE tracking_number_sequence AS bigint MINVALUE 0 MAXVALUE 8999999999 START WITH 0 NO CYCLE;
