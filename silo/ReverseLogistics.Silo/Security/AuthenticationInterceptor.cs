using Grpc.Core;
using ReverseLogistics.Silo.Interceptors;

namespace ReverseLogistics.Silo.Security;

/// <summary>
/// Establishes the caller of every public-API call from `authorization: Bearer &lt;key&gt;` and
/// checks their role against the RPC's allowed roles.
/// </summary>
public sealed class AuthenticationInterceptor(ApiKeyAuthenticator authenticator) : CallInterceptor
{
    protected override async Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        var allowed = AccessPolicy.AllowedRoles(context.Method);
        if (allowed is null)
        {
            await next();
            return;
        }

        var presented = ApiKeyAuthenticator.PresentedKey(context.RequestHeaders.GetValue("authorization"))
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Missing API key: send `authorization: Bearer <key>`."));
        var caller = await authenticator.AuthenticateAsync(presented, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The API key is unknown or revoked."));
        if (!allowed.Contains(caller.Role))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"{context.Method} is for {string.Join(" or ", allowed.Order())} keys; this is a {caller.Role} key."));

        context.SetCaller(caller);
        context.SetCredential(presented);
        await next();
    }
}
