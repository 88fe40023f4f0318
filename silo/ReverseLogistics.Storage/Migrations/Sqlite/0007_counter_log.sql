-- Counter deltas as group-commit batches logged them, not yet added to counters (docs/analytics.md, "Folding the
-- counters"): one row per batch, its deltas summed per counter as a JSON array of [tenant, name, key, delta]. A fold adds
-- the rows to counters and deletes them in one transaction; until then reads add them to what counters holds.

CREATE TABLE counter_log (
    sequence INTEGER PRIMARY KEY,
    deltas   TEXT NOT NULL
) STRICT;
