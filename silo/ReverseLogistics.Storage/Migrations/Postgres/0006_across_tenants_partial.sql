-- The across-tenants index keeps only the names that are looked up across tenants (CrossTenantIndex.Names), one
-- index tree less to write for every other entry. The lookup names its index entry literally, so the planner can
-- match the predicate.
DROP INDEX ix_actor_index_across_tenants;
CREATE INDEX ix_actor_index_across_tenants ON actor_index (actor_type, name, value, tenant_id, actor_id) WHERE name IN ('id', 'tracking');
