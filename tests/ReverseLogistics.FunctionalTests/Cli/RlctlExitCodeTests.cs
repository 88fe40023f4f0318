using System.Text.Json;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>rlctl's exit code for each kind of failure, and a message that says what to do (docs/rlctl.md).</summary>
[Collection(SiloCollection.Name)]
public sealed class RlctlExitCodeTests(SiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    private Task<Rlctl.Result> AsOperator(params string[] args) => _rlctl.RunAsync(["--address", silo.Address, "--key", SiloFixture.OperatorKey, .. args]);

    [Fact]
    public async Task A_call_without_a_key_exits_3_and_says_how_to_give_one()
    {
        var result = await _rlctl.RunAsync("tenants", "list", "--address", silo.Address);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("Unauthenticated: no API key is configured. Pass --key, set RL_KEY or run `rlctl config set key <key>`.", result.ErrorLines.Single());
        Assert.DoesNotContain("authorization", result.Error);
    }

    [Fact]
    public async Task An_unknown_key_exits_3_and_names_where_the_key_came_from()
    {
        _rlctl.Variables["RL_KEY"] = "not-a-key";

        var result = await _rlctl.RunAsync("tenants", "list", "--address", silo.Address);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("Unauthenticated: the API key from RL_KEY was refused", result.Error);
    }

    [Fact]
    public async Task A_merchant_key_on_an_operator_command_exits_3()
    {
        var (_, merchantKey) = await TenantAdmin.NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);

        var result = await _rlctl.RunAsync("tenants", "list", "--address", silo.Address, "--key", merchantKey);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("PermissionDenied:", result.Error);
    }

    [Fact]
    public async Task A_missing_object_exits_4()
    {
        var result = await AsOperator("tenants", "get", "no-such-tenant");

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("NotFound:", result.Error);
    }

    [Fact]
    public async Task Invalid_input_exits_5_with_each_field_on_its_own_line()
    {
        var result = await AsOperator("tenants", "create", "Bad Id", "--name", " ");

        Assert.Equal(5, result.ExitCode);
        Assert.Equal("InvalidArgument: fix these fields and run the command again:", result.ErrorLines[0]);
        Assert.Contains(result.ErrorLines, line => line.StartsWith("tenant_id: ", StringComparison.Ordinal));
        Assert.Contains(result.ErrorLines, line => line.StartsWith("display_name: ", StringComparison.Ordinal));
        Assert.Equal(3, result.ErrorLines.Length);
    }

    [Fact]
    public async Task A_request_id_reused_for_another_request_exits_6()
    {
        var requestId = Guid.NewGuid().ToString("N");
        var first = await AsOperator("keys", "create", "--role", "Operator", "--description", "first", "--request-id", requestId);

        var reused = await AsOperator("keys", "create", "--role", "Operator", "--description", "second", "--request-id", requestId);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(6, reused.ExitCode);
        Assert.StartsWith("FailedPrecondition:", reused.Error);
    }

    [Fact]
    public async Task An_address_where_nothing_listens_exits_7_naming_it_and_how_to_change_it()
    {
        var address = $"127.0.0.1:{FreePorts.Next()}";
        _rlctl.Variables["RL_ADDRESS"] = address;

        var result = await _rlctl.RunAsync("health");

        Assert.Equal(7, result.ExitCode);
        Assert.StartsWith($"Unavailable: cannot reach the platform at {address} (from RL_ADDRESS)", result.Error);
        Assert.Contains("--address, RL_ADDRESS or `rlctl config set address HOST:PORT`", result.Error);
    }

    [Theory]
    [InlineData("tenants get")] // a missing argument
    [InlineData("keys create --role Nonsense")] // a value that does not parse
    [InlineData("tenants list --output xml")] // not among the formats
    [InlineData("no-such-command")]
    public async Task A_command_line_that_does_not_parse_exits_2(string commandLine)
    {
        var result = await AsOperator(commandLine.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual("", result.Error);
    }

    [Fact]
    public async Task Settings_that_make_no_sense_exit_2_before_any_call()
    {
        _rlctl.Variables["RL_OUTPUT"] = "yaml";
        var badFormat = await _rlctl.RunAsync("health", "--address", silo.Address);
        _rlctl.Variables.Clear();
        var badAddress = await _rlctl.RunAsync("health", "--address", "ftp://127.0.0.1:1");
        var unknownProfile = await _rlctl.RunAsync("health", "--profile", "nowhere");

        Assert.Equal((2, "The output format 'yaml' (from RL_OUTPUT) is neither table nor json."), (badFormat.ExitCode, badFormat.ErrorLines.Single()));
        Assert.Equal(2, badAddress.ExitCode);
        Assert.StartsWith("The address 'ftp://127.0.0.1:1' (from --address)", badAddress.Error);
        Assert.Equal(2, unknownProfile.ExitCode);
        Assert.StartsWith("There is no profile 'nowhere'", unknownProfile.Error);
    }

    [Fact]
    public async Task Over_the_rate_limit_a_call_exits_8_and_says_how_long_to_wait_in_text_and_in_json()
    {
        var (_, merchant) = await TenantAdmin.NewMerchantAsync(silo.Client, SiloFixture.OperatorKey, new RateLimit { RequestsPerSecond = 1, Burst = 1 });

        var text = await UntilFailingAsync("returns", "list", "--address", silo.Address, "--key", merchant);
        var json = await UntilFailingAsync("returns", "list", "--address", silo.Address, "--key", merchant, "--json");

        Assert.Equal(8, text.ExitCode);
        Assert.Matches(@"^ResourceExhausted: .+ Wait [0-9.]+ s and run the command again\.$", text.ErrorLines.Single());
        Assert.Equal((8, ""), (json.ExitCode, json.Output));
        var error = JsonDocument.Parse(json.Error).RootElement;
        Assert.Equal(("RESOURCE_EXHAUSTED", 8), (error.GetProperty("code").GetString(), error.GetProperty("exitCode").GetInt32()));
        Assert.InRange(error.GetProperty("retryDelaySeconds").GetDouble(), 0.001, 60);
        Assert.StartsWith("Wait ", error.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task With_json_output_every_failure_is_one_json_document_on_stderr()
    {
        var missing = await AsOperator("tenants", "get", "no-such-tenant", "--json");
        var invalid = await AsOperator("tenants", "create", "Bad Id", "--name", " ", "--output", "json");
        _rlctl.Variables["RL_OUTPUT"] = "json";
        var noKey = await _rlctl.RunAsync("tenants", "list", "--address", silo.Address);
        var missingArgument = await AsOperator("tenants", "get");
        var unknownProfile = await _rlctl.RunAsync("health", "--profile", "nowhere", "--json");

        Assert.Equal((4, "NOT_FOUND"), Error(missing));
        Assert.Equal((5, "INVALID_ARGUMENT"), Error(invalid));
        Assert.Equal(["display_name", "tenant_id"], Document(invalid).GetProperty("fieldViolations").EnumerateArray()
            .Select(v => v.GetProperty("field").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal((3, "UNAUTHENTICATED"), Error(noKey));
        Assert.Equal("no API key is configured.", Document(noKey).GetProperty("message").GetString());
        Assert.Contains("--key", Document(noKey).GetProperty("hint").GetString());
        Assert.Equal((2, "USAGE"), Error(missingArgument));
        Assert.Equal((2, "USAGE"), Error(unknownProfile));
        Assert.StartsWith("There is no profile 'nowhere'", Document(unknownProfile).GetProperty("message").GetString());
    }

    /// <summary>The exit code, and the error document's code, which must agree with it; nothing on stdout.</summary>
    private static (int ExitCode, string? Code) Error(Rlctl.Result result)
    {
        Assert.Equal("", result.Output);
        var document = Document(result);
        Assert.Equal(result.ExitCode, document.GetProperty("exitCode").GetInt32());
        return (result.ExitCode, document.GetProperty("code").GetString());
    }

    private static JsonElement Document(Rlctl.Result result) => JsonDocument.Parse(result.Error).RootElement;

    /// <summary>Runs the command until it fails (a rate limit of one call a second soon says no); at most ten times.</summary>
    private async Task<Rlctl.Result> UntilFailingAsync(params string[] args)
    {
        var result = await _rlctl.RunAsync(args);
        for (var i = 1; i < 10 && result.ExitCode == 0; i++) result = await _rlctl.RunAsync(args);
        return result;
    }

    public void Dispose() => _rlctl.Dispose();
}
