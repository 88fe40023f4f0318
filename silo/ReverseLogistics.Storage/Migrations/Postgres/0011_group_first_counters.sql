-- The analytics' counters of SKUs and categories move from period-first keys ("2026-03-14|SKU-1|reason") to
-- group-first keys ("SKU-1", U+0001, "2026-03-14|reason") under new names ("reasons.sku.day" becomes
-- "reasons.by_sku.day"), so that one SKU's days, and a page of SKUs, are ranges of keys (docs/analytics.md, "Keys").
-- Values move unchanged. U+0001 in a part, not escaped before, is escaped as %01 now.
INSERT INTO counters (tenant_id, name, key, value)
SELECT tenant_id, new_name, replace(grp, chr(1), '%01') || chr(1) || period || replace(tail, chr(1), '%01'), value
FROM (
    SELECT tenant_id, value, new_name, period,
        CASE WHEN strpos(rest, '|') > 0 THEN substr(rest, 1, strpos(rest, '|') - 1) ELSE rest END AS grp,
        CASE WHEN strpos(rest, '|') > 0 THEN substr(rest, strpos(rest, '|')) ELSE '' END AS tail
    FROM (
        SELECT tenant_id, value,
            replace(replace(name, '.sku.', '.by_sku.'), '.category.', '.by_category.') AS new_name,
            substr(key, 1, CASE WHEN name LIKE '%.day' THEN 10 ELSE 7 END) AS period,
            substr(key, CASE WHEN name LIKE '%.day' THEN 12 ELSE 9 END) AS rest
        FROM counters
        WHERE name IN ('returns.sku.day', 'returns.sku.month', 'units_returned.sku.day', 'units_returned.sku.month', 'units_sold.sku.day', 'units_sold.sku.month', 'reasons.sku.day', 'reasons.sku.month',
    'returns.category.day', 'returns.category.month', 'units_returned.category.day', 'units_returned.category.month', 'units_sold.category.day', 'units_sold.category.month', 'reasons.category.day', 'reasons.category.month')
    ) AS old_keys
) AS new_keys;

DELETE FROM counters WHERE name IN ('returns.sku.day', 'returns.sku.month', 'units_returned.sku.day', 'units_returned.sku.month', 'units_sold.sku.day', 'units_sold.sku.month', 'reasons.sku.day', 'reasons.sku.month',
    'returns.category.day', 'returns.category.month', 'units_returned.category.day', 'units_returned.category.month', 'units_sold.category.day', 'units_sold.category.month', 'reasons.category.day', 'reasons.category.month');
