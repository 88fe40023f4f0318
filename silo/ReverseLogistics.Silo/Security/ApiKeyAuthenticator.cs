using ReverseLogistics.Grains.Tenants;
using System.Security.Cryptography;
using System.Text;
using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Silo.Security;

/// <summary>
/// Turns a presented key into a caller: the operator key from RL_OPERATOR_KEY when one is
/// configured, otherwise a key issued by a tenant, checked against that tenant's key ring.
/// </summary>
public sealed class ApiKeyAuthenticator(KeyRingCache keyRings, SecurityOptions options)
{
    public const string EnvironmentOperatorKeyId = "env-operator";

    private const string Scheme = "Bearer ";

    /// <summary>The key of an `authorization: Bearer &lt;key&gt;` header (the scheme in any case), or null when it carries none.</summary>
    public static string? PresentedKey(string? authorizationHeader) =>
        authorizationHeader is not null && authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? authorizationHeader[Scheme.Length..].Trim()
            : null;

    public async ValueTask<Caller?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (options.OperatorKey is { } operatorKey && FixedTimeEquals(presented, operatorKey))
            return new Caller(TenantIds.Platform, ApiKeyRole.Operator, EnvironmentOperatorKeyId);
        if (!ApiKeyCredential.TryParse(presented, out var credential)) return null;
        var ring = await keyRings.GetAsync(credential.TenantId, cancellationToken);
        return ring.Authenticate(credential);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
