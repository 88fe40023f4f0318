using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using ReverseLogistics.Storage;

namespace ReverseLogistics.UnitTests.Storage;

/// <summary>Which failures of the store clients may retry (UNAVAILABLE) and which are faults of ours.</summary>
public sealed class StoreFaultsTests
{
    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("53300")] // too many connections
    [InlineData("53100")] // disk full
    [InlineData("57P01")] // admin shutdown
    [InlineData("40001")] // serialization failure
    public void Postgres_outages_and_overload_are_retryable(string sqlState) =>
        Assert.True(StoreFaults.IsUnavailable(new PostgresException("down", "FATAL", "FATAL", sqlState)));

    [Theory]
    [InlineData("23505")] // unique violation: a bug of ours, not an outage
    [InlineData("42P01")] // undefined table
    public void Postgres_errors_of_ours_are_not(string sqlState) =>
        Assert.False(StoreFaults.IsUnavailable(new PostgresException("bug", "ERROR", "ERROR", sqlState)));

    [Fact]
    public void A_server_that_does_not_answer_is_retryable() =>
        Assert.True(StoreFaults.IsUnavailable(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));

    [Theory]
    [InlineData(5, true)] // busy
    [InlineData(13, true)] // disk full
    [InlineData(10, true)] // I/O error
    [InlineData(19, false)] // constraint: ours
    [InlineData(1, false)] // SQL error: ours
    public void Sqlite_faults_are_retryable_only_when_the_file_or_disk_is_the_cause(int code, bool retryable) =>
        Assert.Equal(retryable, StoreFaults.IsUnavailable(new SqliteException("sqlite", code)));

    [Fact]
    public void A_fault_wrapped_by_the_runtime_is_still_found() =>
        Assert.True(StoreFaults.IsUnavailable(new InvalidOperationException("activation failed", new SqliteException("full", 13))));
}
