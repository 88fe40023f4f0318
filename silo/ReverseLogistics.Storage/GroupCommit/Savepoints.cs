using System.Data.Common;

namespace ReverseLogistics.Storage.GroupCommit;

/// <summary>
/// Writes a batch's commits one savepoint each, so a commit that conflicts or fails undoes only
/// itself. A written commit keeps its savepoint until COMMIT releases them all, which saves
/// PostgreSQL a round trip per commit.
/// </summary>
internal static class Savepoints
{
    /// <param name="write">Sets the named savepoint, then writes the commit after it.</param>
    /// <returns>The commits that were written; each commit's outcome or error is recorded on it.</returns>
    public static async Task<IReadOnlyList<ActorCommit>> WriteEachAsync(
        DbTransaction transaction, IEnumerable<PendingCommit> batch, Func<ActorCommit, string, Task<CommitOutcome>> write)
    {
        var written = new List<ActorCommit>();
        var index = 0;
        foreach (var pending in batch)
        {
            // A name per commit: undoing a commit whose savepoint was never set then fails
            // loudly, where a shared name would silently undo the commit before it.
            var savepoint = $"commit_{index++}";
            try
            {
                var outcome = await write(pending.Commit, savepoint);
                if (outcome == CommitOutcome.Committed) written.Add(pending.Commit);
                else await transaction.RollbackAsync(savepoint);
                pending.Record(outcome);
            }
            catch (Exception exception)
            {
                // If the undo fails too (no savepoint, or no connection), the whole batch fails.
                await transaction.RollbackAsync(savepoint);
                pending.RecordError(exception);
            }
        }
        return written;
    }
}
