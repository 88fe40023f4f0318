using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.FunctionalTests.EndToEnd;

/// <summary>The journey on the embedded store.</summary>
public sealed class SqliteReturnJourneyTests : ReturnJourneyTests
{
    protected override string? SkipReason => null;

    protected override SiloOptions StoreOptions() => new();
}
