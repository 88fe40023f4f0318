using System.Diagnostics;
using OpenTelemetry.Trace;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Observability;

/// <summary>A caller's W3C traceparent carries through the gRPC call to the store: one trace from the client to the commit.</summary>
public sealed class TracingTests
{
    private const string OperatorKey = "rl-test-operator-key-tracing";

    [Fact]
    public async Task The_callers_trace_reaches_the_store_commit_through_the_server_span()
    {
        var exported = new List<Activity>();
        await using var silo = await InProcessSilo.StartFreshAsync(new SiloOptions
        {
            OperatorKey = OperatorKey,
            Telemetry = new TelemetryOptions { ConfigureTracing = tracing => tracing.AddInMemoryExporter(exported) },
        });
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        var options = As(OperatorKey);
        options.Headers!.Add("traceparent", $"00-{traceId}-{callerSpan}-01");

        await silo.Client.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            RequestId = NewRequestId(), TenantId = "t-" + Guid.NewGuid().ToString("N")[..12], DisplayName = "Traced",
        }, options);

        List<Activity> trace = [];
        Assert.True(await Eventually.HoldsAsync(() =>
        {
            lock (exported) trace = exported.Where(a => a.TraceId == traceId).ToList();
            // The gRPC server span ends (and is exported) after the response, so wait for it by its parent.
            return Task.FromResult(trace.Any(a => a.Kind == ActivityKind.Server && a.ParentSpanId == callerSpan) && trace.Any(a => a.DisplayName == "store commit"));
        }));
        // The gRPC server span continues the caller's; grain calls below it are server spans of their own.
        var server = trace.Single(a => a.Kind == ActivityKind.Server && a.ParentSpanId == callerSpan);
        var commit = trace.First(a => a.DisplayName == "store commit");
        Assert.Contains(trace, a => a.Kind == ActivityKind.Server && a.ParentSpanId != callerSpan && DescendsFrom(a, server, trace));
        Assert.True(DescendsFrom(commit, server, trace), "the commit span sits under the server span");
        Assert.Equal("Committed", commit.GetTagItem("rl.commit.outcome"));
    }

    private static bool DescendsFrom(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(a => a.SpanId == current.ParentSpanId))
        {
            if (current.SpanId == ancestor.SpanId) return true;
        }
        return false;
    }
}
