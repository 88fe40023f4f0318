-- Counters owned by actors (ActorCommit.Counters): each commit's deltas are added in the commit's own transaction,
-- only if the commit is written, summed per counter over a group-commit batch. The analytics' aggregates live here
-- (docs/analytics.md). Rows are small and updated in place, so the table keeps them in its key's b-tree.

CREATE TABLE counters (
    tenant_id TEXT NOT NULL,
    name      TEXT NOT NULL,
    key       TEXT NOT NULL,
    value     INTEGER NOT NULL,
    CONSTRAINT pk_counters PRIMARY KEY (tenant_id, name, key)
) STRICT, WITHOUT ROWID;

-- The operator's reads across tenants: one counter name, a range of keys, every tenant. An update changes only the
-- value, so only a counter's first delta writes this index.
CREATE INDEX ix_counters_across_tenants ON counters (name, key, tenant_id);
