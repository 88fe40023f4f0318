using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Server;

namespace ReverseLogistics.Silo.Errors;

/// <summary>Turns domain and actor errors into gRPC statuses, so services and actors never speak status codes.</summary>
public sealed class DomainErrorInterceptor : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, Func<ServerCallContext, Task> next)
    {
        try
        {
            await next(context);
        }
        catch (DomainException e)
        {
            throw new RpcException(StatusOf(e));
        }
        catch (ActorConflictException)
        {
            throw new RpcException(StatusCode.Aborted, "The object was changed concurrently; retry the request.");
        }
        catch (ActorActivationException)
        {
            // Loading failed (the store is unreachable, say); the next call loads afresh, so a retry may succeed.
            throw new RpcException(StatusCode.Unavailable, "The object could not be loaded; retry the request.");
        }
    }

    public static Status StatusOf(DomainException exception) => exception switch
    {
        InvalidInputException invalid => Status.InvalidArgument(invalid.Message,
            invalid.Violations.Select(v => (v.Field, v.Description)).ToArray()),
        NotFoundException => new Status(StatusCode.NotFound, exception.Message),
        AlreadyExistsException => new Status(StatusCode.AlreadyExists, exception.Message),
        PreconditionFailedException => new Status(StatusCode.FailedPrecondition, exception.Message),
        CapacityExhaustedException => new Status(StatusCode.ResourceExhausted, exception.Message),
        _ => new Status(StatusCode.Internal, exception.Message),
    };
}
