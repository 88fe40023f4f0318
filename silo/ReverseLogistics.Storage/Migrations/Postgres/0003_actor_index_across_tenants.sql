-- Finds actors of one type by an index entry in any tenant (IActorStore.FindAcrossTenantsAsync):
-- a warehouse handheld scans a parcel without knowing whose return it is. Covers the query.
CREATE INDEX ix_actor_index_across_tenants ON actor_index (actor_type, name, value, tenant_id, actor_id);
