-- Counters owned by actors (ActorCommit.Counters): each commit's deltas are added in the commit's own transaction,
-- only if the commit is written, summed per counter over a group-commit batch and applied after the batch's commits in
-- key order (CounterStatement). The analytics' aggregates live here (docs/analytics.md). "C" collation: keys compare
-- by bytes, as in SQLite, and ranges of keys are ranges of the indexes.

CREATE TABLE counters (
    tenant_id text COLLATE "C" NOT NULL,
    name      text COLLATE "C" NOT NULL,
    key       text COLLATE "C" NOT NULL,
    value     bigint NOT NULL,
    CONSTRAINT pk_counters PRIMARY KEY (tenant_id, name, key)
);

-- The operator's reads across tenants: one counter name, a range of keys, every tenant. An update changes only the
-- value, which no index holds, so it can stay on its page (HOT) without touching either index.
CREATE INDEX ix_counters_across_tenants ON counters (name, key, tenant_id);
