-- Timers of the scheduler's sweeps: entries named "due" (value "kind@instant", see DueIndex)
-- found across all tenants, earliest first. Partial, so it holds only what has a timer running;
-- the sweeps' query names 'due' literally, which is what lets SQLite choose this index.
-- The Quartz job store itself lives in its own file (SqliteScheduler/), not in this database.

CREATE INDEX ix_actor_index_due ON actor_index (actor_type, value, tenant_id, actor_id) WHERE name = 'due';
