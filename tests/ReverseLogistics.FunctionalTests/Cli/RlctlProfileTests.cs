using System.Runtime.Versioning;
using System.Text.Json;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>rlctl's profile file ($RL_CONFIG here, in a temporary directory): written by `rlctl config`, read by every command.</summary>
[Collection(SiloCollection.Name)]
public sealed class RlctlProfileTests(SiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    [Fact]
    public async Task The_profile_file_supplies_the_address_and_the_key()
    {
        var setAddress = await _rlctl.RunAsync("config", "set", "address", silo.Address);
        var setKey = await _rlctl.RunAsync("config", "set", "key", SiloFixture.OperatorKey);

        var tenants = await _rlctl.RunAsync("tenants", "list", "--json");

        Assert.Equal((0, 0), (setAddress.ExitCode, setKey.ExitCode));
        Assert.Equal((0, ""), (tenants.ExitCode, tenants.Error));
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(tenants.Output).RootElement.ValueKind);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_profile_file_is_readable_by_its_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        await _rlctl.RunAsync("config", "set", "key", "secret-key");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_rlctl.ConfigPath));
        Assert.Contains("secret-key", await File.ReadAllTextAsync(_rlctl.ConfigPath));
    }

    [Fact]
    public async Task A_flag_beats_the_environment_which_beats_the_profile_which_beats_the_default()
    {
        var unreachable = $"127.0.0.1:{FreePorts.Next()}";
        var alsoUnreachable = $"127.0.0.1:{FreePorts.Next()}";

        var byDefault = await _rlctl.RunAsync("config", "get", "address", "--json");
        await _rlctl.RunAsync("config", "set", "address", unreachable);
        var byProfile = await _rlctl.RunAsync("config", "get", "address", "--json");
        _rlctl.Variables["RL_ADDRESS"] = alsoUnreachable;
        var byVariable = await _rlctl.RunAsync("config", "get", "address", "--json");
        var byFlag = await _rlctl.RunAsync("config", "get", "address", "--address", silo.Address, "--json");
        var called = await _rlctl.RunAsync("health", "--address", silo.Address);
        var calledByVariable = await _rlctl.RunAsync("health");

        Assert.Equal(("127.0.0.1:7070", "default"), Setting(byDefault));
        Assert.Equal((unreachable, $"profile 'default' in {_rlctl.ConfigPath}"), Setting(byProfile));
        Assert.Equal((alsoUnreachable, "RL_ADDRESS"), Setting(byVariable));
        Assert.Equal((silo.Address, "--address"), Setting(byFlag));
        Assert.Equal(0, called.ExitCode);
        Assert.Equal(7, calledByVariable.ExitCode);
        Assert.Contains(alsoUnreachable, calledByVariable.Error);
    }

    [Fact]
    public async Task The_output_format_follows_the_same_precedence()
    {
        await _rlctl.RunAsync("config", "set", "address", silo.Address);
        await _rlctl.RunAsync("config", "set", "output", "json");

        var byProfile = await _rlctl.RunAsync("health");
        _rlctl.Variables["RL_OUTPUT"] = "table";
        var byVariable = await _rlctl.RunAsync("health");
        var byFlag = await _rlctl.RunAsync("health", "--output", "json");

        Assert.Equal("SERVING", JsonDocument.Parse(byProfile.Output).RootElement.GetProperty("status").GetString());
        Assert.Contains("Serving", byVariable.Output);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(byVariable.Output));
        Assert.Equal("SERVING", JsonDocument.Parse(byFlag.Output).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Named_profiles_are_chosen_by_flag_variable_or_config_use()
    {
        var nowhere = $"127.0.0.1:{FreePorts.Next()}";
        await _rlctl.RunAsync("config", "set", "address", nowhere);
        await _rlctl.RunAsync("config", "set", "address", silo.Address, "--profile", "test");

        var byDefault = await _rlctl.RunAsync("health");
        var byFlag = await _rlctl.RunAsync("health", "--profile", "test");
        _rlctl.Variables["RL_PROFILE"] = "test";
        var byVariable = await _rlctl.RunAsync("health");
        _rlctl.Variables.Remove("RL_PROFILE");
        var use = await _rlctl.RunAsync("config", "use", "test");
        var byUse = await _rlctl.RunAsync("health");
        var useMissing = await _rlctl.RunAsync("config", "use", "missing");

        Assert.Equal(7, byDefault.ExitCode);
        Assert.Equal([0, 0, 0, 0], new[] { byFlag.ExitCode, byVariable.ExitCode, use.ExitCode, byUse.ExitCode });
        Assert.Equal(4, useMissing.ExitCode);
    }

    [Fact]
    public async Task Config_list_shows_every_profile_without_its_key()
    {
        await _rlctl.RunAsync("config", "set", "key", "rl.acme.k1.very-secret-part-1234");
        await _rlctl.RunAsync("config", "set", "address", "10.0.0.1:7070", "--profile", "prod");
        await _rlctl.RunAsync("config", "unset", "address", "--profile", "prod");

        var json = await _rlctl.RunAsync("config", "list", "--json");
        var table = await _rlctl.RunAsync("config", "list");

        var document = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("default", document.GetProperty("currentProfile").GetString());
        var profiles = document.GetProperty("profiles").EnumerateArray().ToList();
        Assert.Equal(["default", "prod"], profiles.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("…1234", profiles[0].GetProperty("key").GetString());
        Assert.False(profiles[1].TryGetProperty("address", out _));
        Assert.DoesNotContain("very-secret", json.Output + table.Output);
        Assert.Contains("prod", table.Output);
    }

    private static (string?, string?) Setting(Rlctl.Result result)
    {
        var root = JsonDocument.Parse(result.Output).RootElement;
        return (root.GetProperty("value").GetString(), root.GetProperty("source").GetString());
    }

    public void Dispose() => _rlctl.Dispose();
}
