using ReverseLogistics.Silo.Webhooks;
using ReverseLogistics.Storage;

namespace ReverseLogistics.UnitTests.Webhooks;

public sealed class DispatchRoundTests
{
    private static readonly DateTime Created = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ActorKey A1 = Endpoint("a", "we_1");
    private static readonly ActorKey A2 = Endpoint("a", "we_2");
    private static readonly ActorKey B1 = Endpoint("b", "we_3");
    private static readonly IReadOnlyList<DueActor> Idle = [new(A1, Created), new(A2, Created), new(B1, Created)];
    private static readonly Dictionary<string, long> Positions = new() { ["a"] = 10, ["b"] = 20 };

    private readonly DispatchRound round = new();

    [Fact]
    public void The_first_round_calls_every_due_endpoint()
    {
        Assert.Equal([A1, A2, B1], Keys(round.Select(Idle, Positions, NoneFailed)));
    }

    [Fact]
    public void Idle_endpoints_whose_tenants_log_did_not_move_are_not_called_again()
    {
        round.Select(Idle, Positions, NoneFailed);

        Assert.Empty(round.Select(Idle, Positions, NoneFailed));
    }

    [Fact]
    public void When_a_tenants_log_moves_its_endpoints_are_called_even_after_a_running_call()
    {
        round.Select(Idle, Positions, NoneFailed);

        var selected = round.Select(Idle, new Dictionary<string, long> { ["a"] = 11, ["b"] = 20 }, NoneFailed);

        Assert.Equal([(A1, true), (A2, true)], selected.OrderBy(s => s.Key.Id));
    }

    [Fact]
    public void An_endpoint_whose_due_time_changed_is_called()
    {
        round.Select(Idle, Positions, NoneFailed);
        var retryDue = Created.AddMinutes(5);

        var selected = round.Select([new(A1, Created), new(A2, retryDue), new(B1, Created)], Positions, NoneFailed);

        Assert.Equal([(A2, false)], selected);
    }

    [Fact]
    public void An_endpoint_whose_last_call_failed_is_called_next_round()
    {
        round.Select(Idle, Positions, NoneFailed);

        Assert.Equal([(B1, false)], round.Select(Idle, Positions, key => key == B1));
    }

    [Fact]
    public void Every_sixtieth_round_calls_every_due_endpoint()
    {
        for (var i = 1; i < DispatchRound.SweepEvery; i++) round.Select(Idle, Positions, NoneFailed);
        Assert.Empty(round.Select(Idle, Positions, NoneFailed)); // round 60, counting from 1

        Assert.Equal(3, round.Select(Idle, Positions, NoneFailed).Count);
    }

    [Fact]
    public void Each_round_starts_one_further_along_the_list()
    {
        var moving = new Dictionary<string, long>(Positions);
        var firsts = new List<ActorKey>();
        for (var i = 0; i < 3; i++)
        {
            moving["a"]++;
            moving["b"]++;
            firsts.Add(round.Select(Idle, moving, NoneFailed)[0].Key);
        }
        Assert.Equal([A1, A2, B1], firsts);
    }

    private static bool NoneFailed(ActorKey key) => false;

    private static IEnumerable<ActorKey> Keys(IEnumerable<(ActorKey Key, bool LogMoved)> selected) => selected.Select(s => s.Key);

    private static ActorKey Endpoint(string tenant, string id) => new(tenant, "webhook-endpoint", id);
}
