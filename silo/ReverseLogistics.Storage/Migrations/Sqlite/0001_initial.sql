-- Actor state, the event log and idempotency records, shaped like the PostgreSQL schema:
-- every primary key leads with tenant_id. Timestamps are UTC text of one fixed width
-- (yyyy-MM-ddTHH:mm:ss.ffffffZ), so comparing them as text compares the instants.

CREATE TABLE actor_state (
    tenant_id      TEXT NOT NULL,
    actor_type     TEXT NOT NULL,
    actor_id       TEXT NOT NULL,
    version        INTEGER NOT NULL,
    event_sequence INTEGER NOT NULL,
    state          TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CONSTRAINT pk_actor_state PRIMARY KEY (tenant_id, actor_type, actor_id),
    CONSTRAINT ck_actor_state_version CHECK (version > 0),
    CONSTRAINT ck_actor_state_event_sequence CHECK (event_sequence >= 0),
    CONSTRAINT ck_actor_state_state CHECK (json_valid(state))
) STRICT, WITHOUT ROWID;

-- Append-only. position orders all events of the database: the single writer assigns
-- max + 1 inside its transaction, so positions follow commit order.
CREATE TABLE events (
    tenant_id   TEXT NOT NULL,
    stream_type TEXT NOT NULL,
    stream_id   TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    event_type  TEXT NOT NULL,
    data        TEXT NOT NULL,
    actor       TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    CONSTRAINT pk_events PRIMARY KEY (tenant_id, stream_type, stream_id, sequence),
    CONSTRAINT uq_events_position UNIQUE (position),
    CONSTRAINT ck_events_sequence CHECK (sequence > 0),
    CONSTRAINT ck_events_data CHECK (json_valid(data)),
    CONSTRAINT fk_events_actor_state FOREIGN KEY (tenant_id, stream_type, stream_id)
        REFERENCES actor_state (tenant_id, actor_type, actor_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_events_tenant_position ON events (tenant_id, position);

CREATE TABLE idempotency_records (
    tenant_id   TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    method      TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    response    BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (tenant_id, request_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at);
