-- Room on every page of counters for the updates that follow a counter's first delta: an update changes only the value,
-- which no index holds, so with space on its page it stays there (a HOT update) and writes neither index; on a full page
-- the new version moves to another page and both indexes get a new entry. Pages written before this migration keep no
-- room until a row on them moves or the table is rewritten (VACUUM FULL).
ALTER TABLE counters SET (fillfactor = 85);
