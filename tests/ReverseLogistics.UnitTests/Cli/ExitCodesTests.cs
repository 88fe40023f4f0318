using Grpc.Core;
using ReverseLogistics.Cli.Errors;

namespace ReverseLogistics.UnitTests.Cli;

public sealed class ExitCodesTests
{
    [Theory]
    [InlineData(StatusCode.OK, 0)]
    [InlineData(StatusCode.Unauthenticated, 3)]
    [InlineData(StatusCode.PermissionDenied, 3)]
    [InlineData(StatusCode.NotFound, 4)]
    [InlineData(StatusCode.InvalidArgument, 5)]
    [InlineData(StatusCode.OutOfRange, 5)]
    [InlineData(StatusCode.FailedPrecondition, 6)]
    [InlineData(StatusCode.AlreadyExists, 6)]
    [InlineData(StatusCode.Aborted, 6)]
    [InlineData(StatusCode.Unavailable, 7)]
    [InlineData(StatusCode.DeadlineExceeded, 7)]
    [InlineData(StatusCode.ResourceExhausted, 8)]
    [InlineData(StatusCode.Internal, 1)]
    [InlineData(StatusCode.Unknown, 1)]
    [InlineData(StatusCode.Unimplemented, 1)]
    [InlineData(StatusCode.Cancelled, 1)]
    public void Each_status_maps_to_its_class(StatusCode code, int exitCode) => Assert.Equal(exitCode, ExitCodes.For(code));
}
