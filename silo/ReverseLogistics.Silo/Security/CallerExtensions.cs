using Grpc.Core;
using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Silo.Security;

public static class CallerExtensions
{
    private static readonly object CallerKey = typeof(Caller);
    private static readonly object CredentialKey = new();

    /// <summary>The authenticated caller; every RPC of the public API has one.</summary>
    public static Caller GetCaller(this ServerCallContext context) =>
        context.FindCaller() ?? throw new InvalidOperationException($"{context.Method} ran without an authenticated caller.");

    /// <summary>The authenticated caller, or null for calls that need no key (health, reflection).</summary>
    public static Caller? FindCaller(this ServerCallContext context) =>
        context.UserState.TryGetValue(CallerKey, out var caller) ? caller as Caller : null;

    internal static void SetCaller(this ServerCallContext context, Caller caller) => context.UserState[CallerKey] = caller;

    /// <summary>The API key the caller presented. Only for deriving per-caller keys; never log or store it.</summary>
    public static string GetCredential(this ServerCallContext context) =>
        context.UserState.TryGetValue(CredentialKey, out var credential) && credential is string s
            ? s
            : throw new InvalidOperationException($"{context.Method} ran without a presented API key.");

    internal static void SetCredential(this ServerCallContext context, string credential) => context.UserState[CredentialKey] = credential;
}
