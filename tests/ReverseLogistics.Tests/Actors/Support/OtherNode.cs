using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Tests.Actors.Support;

/// <summary>Writes a counter straight to the store, as another silo node would.</summary>
public static class OtherNode
{
    public static async Task<long> UpdateCounterAsync(IActorStore store, ActorKey key, Func<int, int> change)
    {
        var record = await store.ReadAsync(key, CancellationToken.None);
        var state = record is null ? new CounterState() : JsonSerializer.Deserialize<CounterState>(record.State, DomainJson.Options)!;
        state.Count = change(state.Count);
        var commit = new ActorCommit(key, record?.Version ?? 0, record?.EventSequence ?? 0, JsonSerializer.Serialize(state, DomainJson.Options), []);
        var result = await store.CommitAsync(commit, CancellationToken.None);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        return result.Version;
    }

    public static async Task<int> StoredCountAsync(IActorStore store, ActorKey key)
    {
        var record = await store.ReadAsync(key, CancellationToken.None);
        return record is null ? 0 : JsonSerializer.Deserialize<CounterState>(record.State, DomainJson.Options)!.Count;
    }
}
