namespace ReverseLogistics.Silo.Hosting;

public enum StoreKind
{
    /// <summary>Embedded: SQLite files under the data directory, one node.</summary>
    Sqlite,
    /// <summary>Cluster mode: PostgreSQL shared by any number of nodes.</summary>
    Postgres,
}
