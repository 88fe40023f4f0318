-- Actor state, the event log and idempotency records. Every primary key leads with tenant_id
-- so the schema can be sharded by tenant later. Identifiers use the "C" collation: ordering
-- is by bytes, whatever the database's locale, as in SQLite, and the primary keys serve it.

CREATE TABLE actor_state (
    tenant_id      text COLLATE "C" NOT NULL,
    actor_type     text COLLATE "C" NOT NULL,
    actor_id       text COLLATE "C" NOT NULL,
    version        bigint NOT NULL,
    event_sequence bigint NOT NULL,
    state          jsonb NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT pk_actor_state PRIMARY KEY (tenant_id, actor_type, actor_id),
    CONSTRAINT ck_actor_state_version CHECK (version > 0),
    CONSTRAINT ck_actor_state_event_sequence CHECK (event_sequence >= 0)
);

-- Append-only. position orders all events of the database; commits take an advisory lock
-- while appending so positions also follow commit order (a reader never sees a gap fill in).
CREATE TABLE events (
    tenant_id   text COLLATE "C" NOT NULL,
    stream_type text COLLATE "C" NOT NULL,
    stream_id   text COLLATE "C" NOT NULL,
    sequence    bigint NOT NULL,
    position    bigint GENERATED ALWAYS AS IDENTITY,
    event_type  text NOT NULL,
    data        jsonb NOT NULL,
    actor       text NOT NULL,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    CONSTRAINT pk_events PRIMARY KEY (tenant_id, stream_type, stream_id, sequence),
    CONSTRAINT uq_events_position UNIQUE (position),
    CONSTRAINT ck_events_sequence CHECK (sequence > 0),
    CONSTRAINT fk_events_actor_state FOREIGN KEY (tenant_id, stream_type, stream_id)
        REFERENCES actor_state (tenant_id, actor_type, actor_id)
);

CREATE INDEX ix_events_tenant_position ON events (tenant_id, position);

CREATE TABLE idempotency_records (
    tenant_id   text COLLATE "C" NOT NULL,
    request_id  text COLLATE "C" NOT NULL,
    method      text NOT NULL,
    fingerprint text NOT NULL,
    response    bytea NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (tenant_id, request_id)
);

CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at);
