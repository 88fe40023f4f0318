using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Server;

namespace ReverseLogistics.Silo.Security;

/// <summary>
/// Establishes the caller of every public-API call from `authorization: Bearer &lt;key&gt;` and
/// checks their role against the RPC's allowed roles.
/// </summary>
public sealed class AuthenticationInterceptor(ApiKeyAuthenticator authenticator) : IServerInterceptor
{
    private const string Scheme = "Bearer ";

    public async Task InterceptAsync(ServerCallContext context, Func<ServerCallContext, Task> next)
    {
        var allowed = context.MethodDescriptor is { } method ? AccessPolicy.AllowedRoles(method) : null;
        if (allowed is null)
        {
            await next(context);
            return;
        }

        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            throw new RpcException(StatusCode.Unauthenticated, "Missing API key: send `authorization: Bearer <key>`.");
        var presented = header[Scheme.Length..].Trim();
        var caller = await authenticator.AuthenticateAsync(presented, context.CancellationToken)
            ?? throw new RpcException(StatusCode.Unauthenticated, "The API key is unknown or revoked.");
        if (!allowed.Contains(caller.Role))
            throw new RpcException(StatusCode.PermissionDenied,
                $"{context.Method} is for {string.Join(" or ", allowed.Order())} keys; this is a {caller.Role} key.");

        context.SetCaller(caller);
        context.SetCredential(presented);
        await next(context);
    }
}
