using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grpc.Server;

namespace ReverseLogistics.Silo.Security;

public static class CallerExtensions
{
    private static readonly object Key = typeof(Caller);

    /// <summary>The authenticated caller; every RPC of the public API has one.</summary>
    public static Caller GetCaller(this ServerCallContext context) =>
        context.FindCaller() ?? throw new InvalidOperationException($"{context.Method} ran without an authenticated caller.");

    /// <summary>The authenticated caller, or null for calls that need no key (health, reflection).</summary>
    public static Caller? FindCaller(this ServerCallContext context) =>
        context.Items.TryGetValue(Key, out var caller) ? caller as Caller : null;

    internal static void SetCaller(this ServerCallContext context, Caller caller) => context.Items[Key] = caller;

    /// <summary>The API key the caller presented. Only for deriving per-caller keys; never log or store it.</summary>
    public static string GetCredential(this ServerCallContext context) =>
        context.Items.TryGetValue(CredentialKey, out var credential) && credential is string s
            ? s
            : throw new InvalidOperationException($"{context.Method} ran without a presented API key.");

    internal static void SetCredential(this ServerCallContext context, string credential) => context.Items[CredentialKey] = credential;

    private static readonly object CredentialKey = new();
}
