using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sqlite;
using ReverseLogistics.Tests.Storage;

namespace ReverseLogistics.Tests.Scheduling;

public sealed class SqliteDueIndexTests : DueIndexTests, IDisposable
{
    private readonly TemporaryDirectory directory = new();

    protected override string? SkipReason => null;

    protected override Task<IActorStore> OpenStoreAsync() => Task.FromResult<IActorStore>(new SqliteActorStore(directory.Path));

    public void Dispose() => directory.Dispose();
}
