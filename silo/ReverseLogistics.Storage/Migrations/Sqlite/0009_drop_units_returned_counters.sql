-- Returns stopped moving units_returned.* on 2026-12-03 (the return rate reads the reasons' units, which always summed to
-- the same) and nothing reads those rows any more. Deleting them takes the six names out of counters and their index.
-- Their names lead the across-tenants index, so each is one range of it. A delta of theirs still in counter_log (a
-- process that crashed before its last fold) comes back as a row with the next fold; it is as unread as these.
DELETE FROM counters
WHERE name IN ('units_returned.all.day', 'units_returned.all.month',
               'units_returned.category.day', 'units_returned.category.month',
               'units_returned.sku.day', 'units_returned.sku.month');
