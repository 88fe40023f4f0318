using Grpc.Core;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Grains.Errors;
using ReverseLogistics.Silo.Errors;

namespace ReverseLogistics.UnitTests.Errors;

/// <summary>Which status a call answers when a grain or the domain refuses it (the grains themselves are tested in Grains.Tests).</summary>
public sealed class DomainErrorInterceptorTests
{
    public static TheoryData<Exception, StatusCode> Failures => new()
    {
        { new NotFoundException("Return 'r-1' not found."), StatusCode.NotFound },
        { new AlreadyExistsException("Tenant 'acme' already exists."), StatusCode.AlreadyExists },
        { new PreconditionFailedException("Return 'r-1' is cancelled."), StatusCode.FailedPrecondition },
        { new CapacityExhaustedException("Window full."), StatusCode.ResourceExhausted },
        { new InvalidInputException([new("lines[0].quantity", "at least 1")]), StatusCode.InvalidArgument },
        { new ConcurrentChangeException("acme/tenant/acme was changed by another activation"), StatusCode.Aborted },
        { new StoreUnavailableException("PostgreSQL is down"), StatusCode.Unavailable },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_failure_answers_its_status(Exception failure, StatusCode expected)
    {
        // The interceptor reads nothing from the call context: it only maps what the rest of the call throws.
        var answered = await Assert.ThrowsAsync<RpcException>(() => new DomainErrorInterceptor().UnaryServerHandler<string, string>(
            "request", context: null!, (_, _) => throw failure));

        Assert.Equal(expected, answered.StatusCode);
    }
}
