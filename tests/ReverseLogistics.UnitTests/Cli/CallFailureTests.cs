using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Cli.Errors;
using ReverseLogistics.Cli.Settings;

namespace ReverseLogistics.UnitTests.Cli;

public sealed class CallFailureTests
{
    private static readonly CliSettings Settings =
        new("default", "/tmp/rlctl.json", new Setting("127.0.0.1:7070", "default"), new Setting("rl.key", "--key"), OutputFormat.Table);

    private static RpcException Rich(Code code, string message, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        foreach (var detail in details) status.Details.Add(Any.Pack(detail));
        return status.ToRpcException();
    }

    private static JsonElement Json(Failure failure)
    {
        var error = new StringWriter();
        failure.WriteTo(error, json: true);
        return JsonDocument.Parse(error.ToString()).RootElement;
    }

    [Fact]
    public void A_call_the_platform_does_not_implement_exits_1_and_says_the_versions_differ()
    {
        var failure = CallFailure.Describe(new RpcException(new global::Grpc.Core.Status(StatusCode.Unimplemented, "")), Settings);

        Assert.Equal(1, failure.ExitCode);
        Assert.Equal(["Unimplemented: the platform at 127.0.0.1:7070 does not implement this call. " +
            "It runs an older version than this rlctl: upgrade the platform, or use the rlctl of its version."], failure.Lines);
        Assert.Equal("UNIMPLEMENTED", Json(failure).GetProperty("code").GetString());
    }

    [Fact]
    public void A_rate_limited_call_exits_8_and_says_how_long_to_wait()
    {
        var failure = CallFailure.Describe(Rich(Code.ResourceExhausted, "Tenant 'acme' is over its rate limit of 1 requests per second.",
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(250)) }), Settings);

        Assert.Equal(8, failure.ExitCode);
        Assert.Equal(["ResourceExhausted: Tenant 'acme' is over its rate limit of 1 requests per second. Wait 0.25 s and run the command again."], failure.Lines);
        var json = Json(failure);
        Assert.Equal(("RESOURCE_EXHAUSTED", 8, 0.25), (json.GetProperty("code").GetString(), json.GetProperty("exitCode").GetInt32(),
            json.GetProperty("retryDelaySeconds").GetDouble()));
        Assert.Equal("Tenant 'acme' is over its rate limit of 1 requests per second.", json.GetProperty("message").GetString());
    }

    [Fact]
    public void Without_a_retry_delay_resource_exhausted_gives_no_hint()
    {
        var failure = CallFailure.Describe(new RpcException(new global::Grpc.Core.Status(StatusCode.ResourceExhausted, "The window is full.")), Settings);

        Assert.Equal(["ResourceExhausted: The window is full."], failure.Lines);
        Assert.False(Json(failure).TryGetProperty("retryDelaySeconds", out _));
        Assert.False(Json(failure).TryGetProperty("hint", out _));
    }

    [Fact]
    public void Rejected_fields_are_lines_of_their_own_in_text_and_an_array_in_json()
    {
        var failure = CallFailure.Describe(Rich(Code.InvalidArgument, "tenant_id: too long", new BadRequest
        {
            FieldViolations = { new BadRequest.Types.FieldViolation { Field = "tenant_id", Description = "too long" } },
        }), Settings);

        Assert.Equal(["InvalidArgument: fix these fields and run the command again:", "  tenant_id: too long"], failure.Lines);
        var json = Json(failure);
        Assert.Equal(("INVALID_ARGUMENT", 5), (json.GetProperty("code").GetString(), json.GetProperty("exitCode").GetInt32()));
        var violation = Assert.Single(json.GetProperty("fieldViolations").EnumerateArray().ToList());
        Assert.Equal(("tenant_id", "too long"), (violation.GetProperty("field").GetString(), violation.GetProperty("description").GetString()));
    }

    [Fact]
    public void A_missing_key_is_a_message_and_a_hint_apart_in_json()
    {
        var failure = CallFailure.Describe(new RpcException(new global::Grpc.Core.Status(StatusCode.Unauthenticated, "no key")), Settings with { Key = new Setting(null, "none") });

        var json = Json(failure);
        Assert.Equal(("UNAUTHENTICATED", "no API key is configured.", 3), (json.GetProperty("code").GetString(), json.GetProperty("message").GetString(),
            json.GetProperty("exitCode").GetInt32()));
        Assert.Equal("Pass --key, set RL_KEY or run `rlctl config set key <key>`.", json.GetProperty("hint").GetString());
        Assert.Equal(["Unauthenticated: no API key is configured. Pass --key, set RL_KEY or run `rlctl config set key <key>`."], failure.Lines);
    }

    [Theory]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.Unavailable, "UNAVAILABLE")]
    public void Codes_in_json_carry_their_canonical_names(StatusCode code, string name) => Assert.Equal(name, CallFailure.CanonicalName(code));

    [Fact]
    public void A_usage_error_is_code_usage_exit_2()
    {
        var json = Json(Failure.Usage("There is no profile 'x'."));

        Assert.Equal(("USAGE", "There is no profile 'x'.", 2), (json.GetProperty("code").GetString(), json.GetProperty("message").GetString(),
            json.GetProperty("exitCode").GetInt32()));
    }
}
