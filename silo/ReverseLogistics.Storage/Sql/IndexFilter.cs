using System.Text;

namespace ReverseLogistics.Storage.Sql;

/// <summary>
/// The FROM and WHERE clauses of an <see cref="IndexQuery"/>, matching actors as <c>d.actor_id</c>
/// (with duplicates: select DISTINCT). Only aliases and parameter names are generated; names,
/// values and bounds are always parameters. Both dialects compare text byte-wise (SQLite BINARY,
/// PostgreSQL columns in the "C" collation), so ranges and id order agree.
/// </summary>
internal static class IndexFilter
{
    public static (StringBuilder Sql, List<(string Name, object? Value)> Parameters) FromWhere(IndexQuery query)
    {
        var parameters = new List<(string Name, object? Value)> { ("tenant_id", query.TenantId), ("actor_type", query.ActorType) };
        if (query.Conditions.Count == 0)
        {
            return (new StringBuilder("FROM actor_state d WHERE d.tenant_id = @tenant_id AND d.actor_type = @actor_type"), parameters);
        }

        // The rows of one condition drive the query through ix_actor_index_lookup; an equality is
        // usually the narrowest. The other conditions are checked per actor through the primary key.
        var conditions = query.Conditions.OrderBy(condition => condition is IndexEquals ? 0 : 1).ToList();
        var sql = new StringBuilder("FROM actor_index d WHERE d.tenant_id = @tenant_id AND d.actor_type = @actor_type");
        AppendMatch(sql, parameters, "d", 0, conditions[0]);
        for (var i = 1; i < conditions.Count; i++)
        {
            var alias = $"c{i}";
            sql.Append($" AND EXISTS (SELECT 1 FROM actor_index {alias} WHERE {alias}.tenant_id = d.tenant_id")
                .Append($" AND {alias}.actor_type = d.actor_type AND {alias}.actor_id = d.actor_id");
            AppendMatch(sql, parameters, alias, i, conditions[i]);
            sql.Append(')');
        }
        return (sql, parameters);
    }

    private static void AppendMatch(StringBuilder sql, List<(string, object?)> parameters, string alias, int i, IndexCondition condition)
    {
        sql.Append($" AND {alias}.name = @name_{i}");
        parameters.Add(($"name_{i}", condition.Name));
        switch (condition)
        {
            case IndexEquals equals:
                sql.Append($" AND {alias}.value = @value_{i}");
                parameters.Add(($"value_{i}", equals.Value));
                break;
            case IndexRange range:
                if (range.From is not null)
                {
                    sql.Append($" AND {alias}.value >= @from_{i}");
                    parameters.Add(($"from_{i}", range.From));
                }
                if (range.To is not null)
                {
                    sql.Append($" AND {alias}.value < @to_{i}");
                    parameters.Add(($"to_{i}", range.To));
                }
                break;
        }
    }
}
