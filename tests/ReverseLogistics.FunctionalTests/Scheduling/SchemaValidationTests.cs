using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Scheduling;
using ReverseLogistics.Storage.Sqlite;
using ReverseLogistics.Testing;

namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>Quartz validates the schema our migrations own and never creates it.</summary>
public sealed class SchemaValidationTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    [Fact]
    public async Task Without_the_migrations_the_scheduler_refuses_to_start_and_creates_nothing()
    {
        var options = new SiloOptions { DataDirectory = directory.Path };
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddQuartz(quartz => SchedulerServiceExtensions.ConfigureQuartz(quartz, options))
            .BuildServiceProvider();

        var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.Start();
        });
        Assert.Contains("qrtz_", refused.ToString(), StringComparison.OrdinalIgnoreCase);

        await using var connection = new SqliteConnection($"Data Source={SqliteSchedulerDatabase.PathIn(directory.Path)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name LIKE 'qrtz%'";
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }
}
