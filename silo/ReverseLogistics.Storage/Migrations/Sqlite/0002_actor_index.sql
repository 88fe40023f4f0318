-- Searchable attributes of actors (ActorCommit.Index), replaced with the actor's state in one
-- savepoint. Several values may share a name. Text compares with SQLite's default BINARY
-- collation: byte order, like the "C" collation of the PostgreSQL schema.

CREATE TABLE actor_index (
    tenant_id  TEXT NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id   TEXT NOT NULL,
    name       TEXT NOT NULL,
    value      TEXT NOT NULL,
    CONSTRAINT pk_actor_index PRIMARY KEY (tenant_id, actor_type, actor_id, name, value),
    CONSTRAINT fk_actor_index_actor_state FOREIGN KEY (tenant_id, actor_type, actor_id)
        REFERENCES actor_state (tenant_id, actor_type, actor_id)
) STRICT, WITHOUT ROWID;

-- Finds a tenant's actors of one type by name and value (or value range), ids in order.
CREATE INDEX ix_actor_index_lookup ON actor_index (tenant_id, actor_type, name, value, actor_id);
