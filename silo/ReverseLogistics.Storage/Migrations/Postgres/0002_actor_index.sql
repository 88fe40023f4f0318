-- Searchable attributes of actors (ActorCommit.Index), replaced with the actor's state in one
-- savepoint. Several values may share a name. Every column uses the "C" collation, so value
-- ranges and id order compare bytes, as SQLite's BINARY does, and the indexes serve them.

CREATE TABLE actor_index (
    tenant_id  text COLLATE "C" NOT NULL,
    actor_type text COLLATE "C" NOT NULL,
    actor_id   text COLLATE "C" NOT NULL,
    name       text COLLATE "C" NOT NULL,
    value      text COLLATE "C" NOT NULL,
    CONSTRAINT pk_actor_index PRIMARY KEY (tenant_id, actor_type, actor_id, name, value),
    CONSTRAINT fk_actor_index_actor_state FOREIGN KEY (tenant_id, actor_type, actor_id)
        REFERENCES actor_state (tenant_id, actor_type, actor_id)
);

-- Finds a tenant's actors of one type by name and value (or value range), ids in order.
CREATE INDEX ix_actor_index_lookup ON actor_index (tenant_id, actor_type, name, value, actor_id);
