-- States and event data were jsonb, but nothing queries inside them: the platform writes each one whole and reads it
-- back whole. jsonb made the server parse every state on every commit (7 % of its CPU under CreateReturn load) and
-- print it again on every read. As text they are stored and returned as written. This rewrites both tables once.
ALTER TABLE actor_state ALTER COLUMN state TYPE text USING state::text;
ALTER TABLE events ALTER COLUMN data TYPE text USING data::text;

DO $$
BEGIN
    ALTER TABLE actor_state ALTER COLUMN state SET COMPRESSION lz4;
    ALTER TABLE events ALTER COLUMN data SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available on this server; values stay compressed with pglz';
END $$;
