using System.Text.Json;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>rlctl events: a merchant's feed listed by position, and watched until stopped with where to resume.</summary>
[Collection(SiloCollection.Name)]
public sealed class RlctlEventTests(SiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    [Fact]
    public async Task A_list_pages_by_position_and_says_where_the_next_page_starts()
    {
        var (_, key) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var created = await silo.Client.Returns.CreateReturnAsync(Support.Returns.NewReturn(), As(key));
        var feed = (await silo.Client.Events.ListEventsAsync(new ListEventsRequest(), As(key))).Events;

        var first = await _rlctl.RunAsync("events", "list", "--limit", "1", "--address", silo.Address, "--key", key);
        var firstJson = await _rlctl.RunAsync("events", "list", "--limit", "1", "--address", silo.Address, "--key", key, "--json");
        var rest = await _rlctl.RunAsync("events", "list", "--after", feed[0].Position.ToString(), "--address", silo.Address, "--key", key, "--json");
        var createdOnly = await _rlctl.RunAsync("events", "list", "--type", "return.created", "--address", silo.Address, "--key", key, "--json");

        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Contains("position", first.OutputLines[1]);
        Assert.Equal([created.ReturnId],
            JsonDocument.Parse(firstJson.Output).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("returnId").GetString()));
        Assert.Equal($"More: rlctl events list --after {feed[0].Position}", first.OutputLines[^1]);
        Assert.Equal(0, rest.ExitCode);
        var page = JsonDocument.Parse(rest.Output).RootElement;
        Assert.Equal(feed.Skip(1).Select(e => e.EventId), page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventId").GetString()));
        Assert.True(page.GetProperty("atEnd").GetBoolean());
        Assert.Equal(["return.created"],
            JsonDocument.Parse(createdOnly.Output).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_watch_prints_one_json_object_per_event_and_says_where_to_resume_when_stopped()
    {
        var (_, key) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var created = await silo.Client.Returns.CreateReturnAsync(Support.Returns.NewReturn(), As(key));
        var feed = (await silo.Client.Events.ListEventsAsync(new ListEventsRequest(), As(key))).Events;

        var watched = await _rlctl.RunUntilAsync(output => output.Contains(feed[^1].EventId, StringComparison.Ordinal),
            "events", "watch", "--address", silo.Address, "--key", key, "--json");

        Assert.Equal(0, watched.ExitCode);
        var printed = watched.OutputLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(feed.Select(e => e.EventId), printed.Select(e => e.GetProperty("eventId").GetString()));
        Assert.All(printed, e => Assert.Equal(created.ReturnId, e.GetProperty("returnId").GetString()));
        Assert.Equal($"Stopped after position {feed[^1].Position}; resume with: rlctl events watch --after {feed[^1].Position}", watched.ErrorLines.Single());
    }

    [Fact]
    public async Task Watching_both_from_now_and_after_a_position_is_a_usage_error()
    {
        var result = await _rlctl.RunAsync("events", "watch", "--from-now", "--after", "3", "--address", silo.Address, "--key", "rl.nobody.key");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--from-now and --after exclude each other", result.Error);
    }

    public void Dispose() => _rlctl.Dispose();
}
