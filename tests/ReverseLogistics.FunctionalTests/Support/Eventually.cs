namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>Waits, bounded, for what another node learns through notifications, which travel asynchronously.</summary>
public static class Eventually
{
    /// <summary>True once <paramref name="condition"/> holds; false if it still does not after 30 seconds.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!guard.IsCancellationRequested)
        {
            if (await condition()) return true;
            // A polling interval that keeps a merchant under its rate limit, not a timing assumption.
            await Task.Delay(20, CancellationToken.None);
        }
        return false;
    }
}
