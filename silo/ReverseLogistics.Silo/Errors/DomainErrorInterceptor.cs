using Grpc.Core;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Grains.Errors;
using ReverseLogistics.Storage;
using ReverseLogistics.Silo.Interceptors;

namespace ReverseLogistics.Silo.Errors;

/// <summary>Turns domain and grain errors into gRPC statuses, so services and grains never speak status codes.</summary>
public sealed class DomainErrorInterceptor : CallInterceptor
{
    protected override async Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (DomainException e)
        {
            throw ToRpcException(e);
        }
        catch (ConcurrentChangeException)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "The object was changed concurrently; retry the request."));
        }
        catch (Exception e) when (e is StoreUnavailableException || StoreFaults.IsUnavailable(e))
        {
            // Each mutation commits in one transaction with its request id, so a retry is safe whatever happened.
            throw new RpcException(new Status(StatusCode.Unavailable, "The store of record is unavailable; retry the request with the same request_id."));
        }
        catch (Exception e) when (ClusterFaults.IsTransient(e))
        {
            // A silo failed or left while the call was on its way: the cluster moves its grains, and a retry finds them.
            throw new RpcException(new Status(StatusCode.Unavailable, "The cluster is moving the object to another silo; retry the request."));
        }
    }

    public static RpcException ToRpcException(DomainException exception) => exception switch
    {
        InvalidInputException invalid => RichStatus.InvalidArgument(invalid.Message, invalid.Violations.Select(v => (v.Field, v.Description))),
        NotFoundException => RichStatus.Plain(StatusCode.NotFound, exception.Message),
        AlreadyExistsException => RichStatus.Plain(StatusCode.AlreadyExists, exception.Message),
        PreconditionFailedException => RichStatus.Plain(StatusCode.FailedPrecondition, exception.Message),
        CapacityExhaustedException => RichStatus.Plain(StatusCode.ResourceExhausted, exception.Message),
        _ => RichStatus.Plain(StatusCode.Internal, exception.Message),
    };
}
