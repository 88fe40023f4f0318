using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sqlite;
using ReverseLogistics.Testing;

namespace ReverseLogistics.FunctionalTests.Scheduling;

public sealed class SqliteDueIndexTests : DueIndexTests, IDisposable
{
    private readonly TemporaryDirectory directory = new();

    protected override string? SkipReason => null;

    protected override Task<IActorStore> OpenStoreAsync() => Task.FromResult<IActorStore>(new SqliteActorStore(directory.Path));

    public void Dispose() => directory.Dispose();
}
