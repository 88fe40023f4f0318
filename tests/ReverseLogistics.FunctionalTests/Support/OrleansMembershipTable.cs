using Npgsql;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>The Orleans membership table in PostgreSQL, read as an operator would: from outside the nodes.</summary>
public static class OrleansMembershipTable
{
    /// <summary>Orleans' SiloStatus.Active as the ADO.NET clustering provider stores it.</summary>
    public const int Active = 3;

    /// <summary>One silo incarnation: its silo port, its generation and its Orleans SiloStatus.</summary>
    public sealed record Member(int Port, int Generation, int Status)
    {
        public bool IsActive => Status == Active;
    }

    /// <summary>Every incarnation of <paramref name="clusterId"/>'s silos the table lists, dead ones included.</summary>
    public static async Task<IReadOnlyList<Member>> MembersAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT Port, Generation, Status FROM OrleansMembershipTable WHERE DeploymentId = @cluster ORDER BY Port, Generation", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        var members = new List<Member>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) members.Add(new Member(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2)));
        return members;
    }
}
