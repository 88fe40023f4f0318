using System.Text;
using Google.Protobuf;
using Google.Rpc;
using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Client;
using ReverseLogistics.Testing.V1;
using ReverseLogistics.Tests.Support;
using Outcome = ReverseLogistics.Testing.V1.Probe.Types.Outcome;
using Status = ReverseLogistics.Grpc.Status;

namespace ReverseLogistics.Tests.Grpc;

/// <summary>The C# client against a real silo over HTTP/2: every call shape and protocol feature.</summary>
[Collection(SiloCollection.Name)]
public sealed class ClientTests(SiloFixture silo)
{
    private GrpcChannel Channel => silo.Channel;

    [Fact]
    public async Task Unary_call_returns_the_response()
    {
        var response = await Channel.Unary(Conformance.Echo, new EchoRequest { Message = "hello" });

        Assert.Equal("hello", response.Message);
    }

    [Fact]
    public async Task Metadata_round_trips_in_headers_and_trailers()
    {
        var blob = new byte[] { 0, 1, 2, 250, 255 };
        var headers = new Metadata().Add("x-echo-trace", "abc-123").Add("x-echo-blob-bin", blob).Add("x-other", "not echoed");

        using var call = Channel.Unary(Conformance.Echo, new EchoRequest { Message = "m" }, new CallOptions { Headers = headers });
        await call;
        var responseHeaders = await call.ResponseHeadersAsync;

        Assert.Equal("abc-123", responseHeaders.GetValue("x-echo-trace"));
        Assert.Equal(blob, responseHeaders.GetBytes("x-echo-blob-bin"));
        Assert.Null(responseHeaders.GetValue("x-other"));
        Assert.Equal("abc-123", call.GetTrailers().GetValue("x-echo-trace"));
        Assert.Equal(blob, call.GetTrailers().GetBytes("x-echo-blob-bin"));
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Error_status_carries_message_and_field_violations()
    {
        var request = new FailRequest { Code = (int)StatusCode.InvalidArgument, Message = "Ungültige Anfrage: 退货" };
        request.FieldViolations.Add(new FieldViolation { Field = "lines[0].quantity", Description = "must be positive" });

        var error = await Assert.ThrowsAsync<RpcException>(() => Channel.Unary(Conformance.Fail, request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("Ungültige Anfrage: 退货", error.Status.Detail);
        var violation = Assert.Single(error.Status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("lines[0].quantity", violation.Field);
        Assert.Equal("must be positive", violation.Description);
    }

    [Fact]
    public async Task Deadline_ends_the_call_and_cancels_the_handler()
    {
        var probeId = Guid.NewGuid().ToString();
        using var call = Channel.Unary(Conformance.Hold, new HoldRequest { ProbeId = probeId }, CallOptions.WithTimeout(TimeSpan.FromSeconds(2)));
        // Hold answers headers as soon as its handler runs, so the deadline below is known to hit a running handler.
        await call.ResponseHeadersAsync;

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        var probe = await Channel.Unary(Conformance.GetProbe, new GetProbeRequest { ProbeId = probeId }, CallOptions.WithTimeout(TimeSpan.FromSeconds(30)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains(probe.Outcome, new[] { Outcome.DeadlineExceeded, Outcome.ClientCancelled });
    }

    [Fact]
    public async Task Cancelling_a_call_reaches_the_handler()
    {
        var probeId = Guid.NewGuid().ToString();
        using var call = Channel.Unary(Conformance.Hold, new HoldRequest { ProbeId = probeId });
        await call.ResponseHeadersAsync;

        call.Cancel();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        var probe = await Channel.Unary(Conformance.GetProbe, new GetProbeRequest { ProbeId = probeId }, CallOptions.WithTimeout(TimeSpan.FromSeconds(30)));
        Assert.Equal(Outcome.ClientCancelled, probe.Outcome);
    }

    [Fact]
    public async Task Server_stream_delivers_every_message_in_order()
    {
        using var call = Channel.ServerStreaming(Conformance.Countdown, new CountdownRequest { Count = 5, PayloadSize = 10 });

        var indexes = new List<int>();
        await foreach (var response in call.ResponseStream)
        {
            Assert.Equal(10, response.Payload.Length);
            indexes.Add(response.Index);
        }

        Assert.Equal([0, 1, 2, 3, 4], indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Server_stream_that_fails_after_messages_delivers_them_then_the_error()
    {
        using var call = Channel.ServerStreaming(Conformance.Countdown,
            new CountdownRequest { Count = 3, FailWithCode = (int)StatusCode.FailedPrecondition });

        var received = 0;
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call.ResponseStream) received++;
        });

        Assert.Equal(3, received);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task Abandoning_a_server_stream_cancels_the_handler()
    {
        var probeId = Guid.NewGuid().ToString();
        var call = Channel.ServerStreaming(Conformance.Countdown, new CountdownRequest { Count = 2, HoldOpen = true, ProbeId = probeId });

        await foreach (var response in call.ResponseStream)
        {
            if (response.Index == 1) break;
        }

        var probe = await Channel.Unary(Conformance.GetProbe, new GetProbeRequest { ProbeId = probeId }, CallOptions.WithTimeout(TimeSpan.FromSeconds(30)));
        Assert.Equal(Outcome.ClientCancelled, probe.Outcome);
    }

    [Fact]
    public async Task Client_stream_collects_every_request()
    {
        using var call = Channel.ClientStreaming(Conformance.Collect);
        foreach (var word in new[] { "a", "b", "c" })
            await call.RequestStream.WriteAsync(new EchoRequest { Message = word, Payload = ByteString.CopyFromUtf8(word + word) });
        await call.RequestStream.CompleteAsync();

        var response = await call;

        Assert.Equal(3, response.Count);
        Assert.Equal("a,b,c", response.Joined);
        Assert.Equal(6, response.TotalPayloadBytes);
    }

    [Fact]
    public async Task Bidirectional_stream_answers_each_request_as_it_arrives()
    {
        using var call = Channel.DuplexStreaming(Conformance.Chat);
        await using var responses = call.ResponseStream.GetAsyncEnumerator();

        foreach (var (word, index) in new[] { ("one", 0), ("two", 1), ("three", 2) })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = word });
            Assert.True(await responses.MoveNextAsync());
            Assert.Equal(word, responses.Current.Message);
            Assert.Equal(index, responses.Current.Index);
        }
        await call.RequestStream.CompleteAsync();

        Assert.False(await responses.MoveNextAsync());
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Request_larger_than_4_MiB_is_resource_exhausted()
    {
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) };

        var error = await Assert.ThrowsAsync<RpcException>(() => Channel.Unary(Conformance.Echo, request).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Large_response_within_the_limit_arrives_whole()
    {
        var response = await Channel.Unary(Conformance.Echo, new EchoRequest { ResponsePayloadSize = 3 * 1024 * 1024 });

        Assert.Equal(3 * 1024 * 1024, response.Payload.Length);
    }

    [Fact]
    public async Task Response_larger_than_the_client_limit_is_resource_exhausted()
    {
        using var channel = GrpcChannel.ForAddress(silo.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 1024 });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.Unary(Conformance.Echo, new EchoRequest { ResponsePayloadSize = 4096 }).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Gzip_compressed_calls_round_trip()
    {
        var text = string.Concat(Enumerable.Repeat("compressible ", 1000));

        using var call = Channel.Unary(Conformance.Echo, new EchoRequest { Message = text, Payload = ByteString.CopyFrom(Encoding.UTF8.GetBytes(text)) },
            new CallOptions { Compression = "gzip" });
        var response = await call;

        Assert.Equal(text, response.Message);
        Assert.Equal(text.Length, response.Payload.Length);
    }

    [Fact]
    public async Task Unknown_method_is_unimplemented()
    {
        var method = Method<EchoRequest, EchoResponse>.FromPath("/reverselogistics.testing.v1.ConformanceService/Nope", EchoResponse.Parser);

        var error = await Assert.ThrowsAsync<RpcException>(() => Channel.Unary(method, new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task Many_concurrent_calls_share_one_channel()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
            (await Channel.Unary(Conformance.Echo, new EchoRequest { Message = $"m{i}" })).Message));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"m{i}"), replies);
    }

    [Fact]
    public async Task An_unreachable_server_is_unavailable()
    {
        using var channel = GrpcChannel.ForAddress("127.0.0.1:1");

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.Unary(Conformance.Echo, new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task An_expired_deadline_fails_without_waiting()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Channel.Unary(Conformance.Echo, new EchoRequest(), new CallOptions { Deadline = DateTime.UtcNow.AddSeconds(-1) }).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public void Status_invalid_argument_builds_field_violations()
    {
        var status = Status.InvalidArgument("bad", ("a", "x"), ("b", "y"));

        var rpcStatus = status.ToRpcStatus()!;
        Assert.Equal((int)StatusCode.InvalidArgument, rpcStatus.Code);
        Assert.Equal(["a", "b"], rpcStatus.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }
}
