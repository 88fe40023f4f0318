namespace ReverseLogistics.Storage.Sql;

/// <summary>One versioned schema script, embedded as <c>Migrations/&lt;dialect&gt;/&lt;version&gt;_&lt;name&gt;.sql</c>.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>The dialect's migrations in version order.</summary>
    public static IReadOnlyList<Migration> For(string dialect)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"Migrations/{dialect}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var separator = fileName.IndexOf('_');
            if (separator < 1 || !int.TryParse(fileName[..separator], out var version))
            {
                throw new InvalidOperationException($"Migration {resource} is not named <version>_<name>.sql.");
            }
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd()));
        }
        var duplicate = migrations.GroupBy(migration => migration.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two {dialect} migrations have version {duplicate.Key}.");
        return migrations.OrderBy(migration => migration.Version).ToList();
    }
}
