-- Cheaper commits (docs/performance.md, "The SQLite writer"):
-- * actor_state and idempotency_records hold rows of a few kilobytes (a return's state, a recorded result). A WITHOUT
--   ROWID table keeps them in its key's b-tree, about a kilobyte per page with the rest in overflow pages, so every
--   insert at a random key (request ids are random) rewrites a deep tree. As rowid tables, the rows are appended and
--   only their keys, in unique constraints, are placed in order.
-- * The json_valid checks go: only the platform's serializer writes state and events, and the check parsed every
--   state again on every commit.
-- * The across-tenants index keeps only the names that are looked up across tenants (CrossTenantIndex.Names), one
--   index tree less to write for every other entry.
-- The runner turns foreign keys off around migrations and checks them before committing (SqliteActorStore), the
-- procedure SQLite documents for rebuilding a table that others reference.

CREATE TABLE actor_state_rebuilt (
    tenant_id      TEXT NOT NULL,
    actor_type     TEXT NOT NULL,
    actor_id       TEXT NOT NULL,
    version        INTEGER NOT NULL,
    event_sequence INTEGER NOT NULL,
    state          TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CONSTRAINT uq_actor_state UNIQUE (tenant_id, actor_type, actor_id),
    CONSTRAINT ck_actor_state_version CHECK (version > 0),
    CONSTRAINT ck_actor_state_event_sequence CHECK (event_sequence >= 0)
) STRICT;
INSERT INTO actor_state_rebuilt (tenant_id, actor_type, actor_id, version, event_sequence, state, updated_at)
    SELECT tenant_id, actor_type, actor_id, version, event_sequence, state, updated_at FROM actor_state ORDER BY tenant_id, actor_type, actor_id;
DROP TABLE actor_state;
ALTER TABLE actor_state_rebuilt RENAME TO actor_state;

CREATE TABLE events_rebuilt (
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
    CONSTRAINT fk_events_actor_state FOREIGN KEY (tenant_id, stream_type, stream_id)
        REFERENCES actor_state (tenant_id, actor_type, actor_id)
) STRICT, WITHOUT ROWID;
INSERT INTO events_rebuilt (tenant_id, stream_type, stream_id, sequence, position, event_type, data, actor, occurred_at, recorded_at)
    SELECT tenant_id, stream_type, stream_id, sequence, position, event_type, data, actor, occurred_at, recorded_at FROM events;
DROP TABLE events;
ALTER TABLE events_rebuilt RENAME TO events;
CREATE INDEX ix_events_tenant_position ON events (tenant_id, position);

CREATE TABLE idempotency_records_rebuilt (
    tenant_id   TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    method      TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    response    BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    CONSTRAINT uq_idempotency_records UNIQUE (tenant_id, request_id)
) STRICT;
INSERT INTO idempotency_records_rebuilt (tenant_id, request_id, method, fingerprint, response, created_at)
    SELECT tenant_id, request_id, method, fingerprint, response, created_at FROM idempotency_records ORDER BY created_at;
DROP TABLE idempotency_records;
ALTER TABLE idempotency_records_rebuilt RENAME TO idempotency_records;
CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at);

DROP INDEX ix_actor_index_across_tenants;
CREATE INDEX ix_actor_index_across_tenants ON actor_index (actor_type, name, value, tenant_id, actor_id) WHERE name IN ('id', 'tracking');
