using Orleans;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.Silo.Security;

/// <summary>
/// On start: makes sure the 3PL's tenant exists and that someone can act as operator. With
/// RL_OPERATOR_KEY set, that key is the operator's; otherwise, when no operator key exists
/// yet, one is issued and written to &lt;data-dir&gt;/operator.key, readable by this user only.
/// </summary>
public sealed class OperatorKeyBootstrap(
    IGrainFactory grains, SecurityOptions security, SiloOptions silo, ILogger<OperatorKeyBootstrap> logger) : IHostedService
{
    public const string KeyFileName = "operator.key";
    private const int MaxAttempts = 5;

    private static readonly Caller Bootstrap = new(TenantIds.Platform, ApiKeyRole.Operator, "bootstrap");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var platform = grains.Tenant(TenantIds.Platform);
        if (await RetriedAsync(platform.EnsurePlatformAsync, cancellationToken))
            logger.LogInformation("Created the platform tenant");

        if (security.OperatorKey is not null)
        {
            logger.LogInformation("Operator key taken from RL_OPERATOR_KEY");
            return;
        }
        var issued = await RetriedAsync(() => platform.EnsureOperatorKeyAsync("bootstrap operator key", Bootstrap), cancellationToken);
        if (issued is null) return;

        var path = Path.GetFullPath(Path.Combine(silo.DataDirectory, KeyFileName));
        await WriteOwnerOnlyAsync(path, issued.Secret + "\n", cancellationToken);
        logger.LogWarning("Issued the first operator key ({KeyId}) and wrote it to {Path}; keep it secret", issued.Key.KeyId, path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Nodes started together on a new database may each activate the platform tenant before membership settles; the
    /// one whose commit loses gets <see cref="ConcurrentChangeException"/>, reloads, and finds the other's work done.
    /// </summary>
    private static async Task<T> RetriedAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().WaitAsync(cancellationToken);
            }
            catch (ConcurrentChangeException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private static async Task WriteOwnerOnlyAsync(string path, string content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content.AsMemory(), cancellationToken);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
