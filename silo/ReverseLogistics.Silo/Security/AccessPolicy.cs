using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using ReverseLogistics.Contracts;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Security;

/// <summary>Which roles may call an RPC, as its proto declares with the allowed_roles option.</summary>
public static class AccessPolicy
{
    /// <summary>The public API's RPCs by full method ("/reverselogistics.v1.ReturnsService/CreateReturn") and their roles.</summary>
    private static readonly FrozenDictionary<string, IReadOnlySet<ApiKeyRole>> PublicMethods = PublicContract.Files
        .SelectMany(f => f.Services).SelectMany(s => s.Methods)
        .Where(m => AllowedRoles(m) is not null)
        .ToFrozenDictionary(m => $"/{m.Service.FullName}/{m.Name}", m => AllowedRoles(m)!, StringComparer.Ordinal);

    /// <summary>The roles allowed to call <paramref name="fullMethod"/>, or null for RPCs outside the public API (health, reflection), which need no key.</summary>
    public static IReadOnlySet<ApiKeyRole>? AllowedRoles(string fullMethod) => PublicMethods.GetValueOrDefault(fullMethod);

    /// <summary>The roles <paramref name="method"/> declares, or null when it declares none.</summary>
    public static IReadOnlySet<ApiKeyRole>? AllowedRoles(MethodDescriptor method)
    {
        var roles = method.GetOptions()?.GetExtension(AccessExtensions.AllowedRoles);
        if (roles is null || roles.Count == 0) return null;
        return roles.Select(r => (ApiKeyRole)(int)r).ToHashSet();
    }

    /// <summary>Refuses a contract in which some RPC declares no roles: it would otherwise be open to anyone.</summary>
    public static void RequireDeclaredRoles(IEnumerable<FileDescriptor> files)
    {
        var undeclared = files.SelectMany(f => f.Services).SelectMany(s => s.Methods)
            .Where(m => AllowedRoles(m) is null)
            .Select(m => $"/{m.Service.FullName}/{m.Name}")
            .ToList();
        if (undeclared.Count > 0)
            throw new InvalidOperationException(
                $"Every RPC of the public API must declare (reverselogistics.v1.allowed_roles); these do not: {string.Join(", ", undeclared)}.");
    }
}
