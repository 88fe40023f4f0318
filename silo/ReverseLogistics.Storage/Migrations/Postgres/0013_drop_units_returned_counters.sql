-- Returns stopped moving units_returned.* on 2026-12-03 (the return rate reads the reasons' units, which always summed to
-- the same) and nothing reads those rows any more. Deleting them takes the six names out of counters and its indexes;
-- their names lead the across-tenants index, so each is one range of it. VACUUM (autovacuum in time) makes the space
-- reusable.
DELETE FROM counters
WHERE name IN ('units_returned.all.day', 'units_returned.all.month',
               'units_returned.category.day', 'units_returned.category.month',
               'units_returned.sku.day', 'units_returned.sku.month');
