using System.Data.Common;

namespace ReverseLogistics.Storage.GroupCommit;

/// <summary>Writes a batch's commits one savepoint each, so a commit that conflicts or fails undoes only itself.</summary>
internal static class Savepoints
{
    private const string Name = "actor_commit";

    /// <summary>Records each commit's outcome or error on it, and returns the commits that were written.</summary>
    public static async Task<IReadOnlyList<ActorCommit>> WriteEachAsync(
        DbTransaction transaction, IEnumerable<PendingCommit> batch, Func<ActorCommit, Task<CommitOutcome>> write)
    {
        var written = new List<ActorCommit>();
        foreach (var pending in batch)
        {
            await transaction.SaveAsync(Name);
            try
            {
                var outcome = await write(pending.Commit);
                if (outcome == CommitOutcome.Committed)
                {
                    await transaction.ReleaseAsync(Name);
                    written.Add(pending.Commit);
                }
                else
                {
                    await UndoAsync(transaction);
                }
                pending.Record(outcome);
            }
            catch (Exception exception)
            {
                // If the undo fails too (the connection is gone), that error fails the whole batch.
                await UndoAsync(transaction);
                pending.RecordError(exception);
            }
        }
        return written;
    }

    private static async Task UndoAsync(DbTransaction transaction)
    {
        await transaction.RollbackAsync(Name);
        await transaction.ReleaseAsync(Name);
    }
}
