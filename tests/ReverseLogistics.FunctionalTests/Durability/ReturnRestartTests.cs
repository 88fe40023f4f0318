using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Durability;

/// <summary>A return's whole record (policy snapshot, verdict, timeline) comes back intact after the silo restarts.</summary>
public sealed class ReturnRestartTests : IDisposable
{
    private const string OperatorKey = "rl-restart-operator-key";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("rl-restart-").FullName;

    private Task<InProcessSilo> StartAsync() => InProcessSilo.StartAsync(new SiloOptions { DataDirectory = _dataDirectory, OperatorKey = OperatorKey });

    [Fact]
    public async Task A_return_reads_the_same_after_a_restart()
    {
        Return created;
        ListReturnEventsResponse events;
        string merchantKey;
        await using (var silo = await StartAsync())
        {
            (_, merchantKey) = await NewMerchantAsync(silo.Client, OperatorKey);
            created = await silo.Client.Returns.CreateReturnAsync(NewReturn(lines: [Line(), Line(sku: "GIFT", category: "gift_cards")]), As(merchantKey));
            events = await silo.Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, As(merchantKey));
        }

        await using var restarted = await StartAsync();
        var read = await restarted.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, As(merchantKey));
        var readEvents = await restarted.Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, As(merchantKey));
        var listed = await restarted.Client.Returns.ListReturnsAsync(new ListReturnsRequest(), As(merchantKey));

        Assert.Equal(created, read);
        Assert.Equal(events, readEvents);
        Assert.Equal(created, Assert.Single(listed.Returns));
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
