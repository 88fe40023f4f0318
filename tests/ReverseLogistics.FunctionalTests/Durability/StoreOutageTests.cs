using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Npgsql;
using ReverseLogistics.Client;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ReverseLogistics.FunctionalTests.Durability;

/// <summary>
/// A cluster-mode silo whose PostgreSQL drops off the network (through a relay the test cuts): writes answer
/// UNAVAILABLE, which clients retry, never UNKNOWN; the node reports not ready; nothing is half-written; and once
/// the server is back, the retried request commits exactly once.
/// </summary>
public sealed class StoreOutageTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    private const string OperatorKey = "rl-outage-operator-key";

    [SkippableFact]
    public async Task Writes_answer_unavailable_and_the_node_is_not_ready_while_postgres_is_unreachable_then_the_retry_commits_once()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        var direct = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync());
        await using var relay = new TcpRelay(direct.Host!, direct.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = relay.Port };
        await using var silo = await InProcessSilo.StartFreshAsync(new SiloOptions
        {
            Store = StoreKind.Postgres, PostgresConnectionString = throughRelay.ConnectionString, OperatorKey = OperatorKey,
            AdminPort = 0, HealthCheckPeriod = TimeSpan.FromSeconds(1),
        });
        using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.AdminPort}") };
        var (_, merchantKey) = await NewMerchantAsync(silo.Client, OperatorKey);
        var merchant = As(merchantKey);
        var first = await silo.Client.Returns.CreateReturnAsync(NewReturn("cust-outage"), merchant);
        using var watching = new CancellationTokenSource();
        using var watch = silo.Client.Health.Watch(new HealthCheckRequest(), new CallOptions(cancellationToken: watching.Token, deadline: DateTime.MaxValue));
        await using var health = watch.ResponseStream.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await health.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, health.Current.Status);

        relay.Cut();

        var during = NewReturn("cust-outage");
        var refused = await Assert.ThrowsAsync<RpcException>(() => silo.Client.Returns.CreateReturnAsync(during, merchant).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
        var approve = new ApproveReturnRequest { RequestId = NewRequestId(), ReturnId = first.ReturnId };
        var refusedApproval = await Assert.ThrowsAsync<RpcException>(() => silo.Client.Returns.ApproveReturnAsync(approve, merchant).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, refusedApproval.StatusCode);
        using (var ready = await admin.GetAsync("/readyz")) Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.True(await health.MoveNextAsync());
        Assert.Equal(ServingStatus.NotServing, health.Current.Status);

        relay.Restore();

        // A real client retries UNAVAILABLE: the first attempts may still meet connections the outage broke.
        using var retrying = new PlatformClient(new PlatformClientOptions { Address = silo.Address, MaxAttempts = 10 });
        var created = await retrying.Returns.CreateReturnAsync(during, merchant);
        var again = await retrying.Returns.CreateReturnAsync(during, merchant);
        Assert.Equal(created.ReturnId, again.ReturnId);
        var listed = await retrying.Returns.ListReturnsAsync(new ListReturnsRequest { CustomerReference = "cust-outage" }, merchant);
        Assert.Equal([first.ReturnId, created.ReturnId], listed.Returns.Select(r => r.ReturnId).Order(StringComparer.Ordinal));
        Assert.True(await health.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, health.Current.Status);
        watching.Cancel();
    }
}
