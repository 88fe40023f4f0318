using Grpc.Core;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Security;

/// <summary>The first start of an empty silo leaves its operator a working key, in a file only they can read.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OperatorKeyBootstrapTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("rl-bootstrap-").FullName;

    private string KeyFile => Path.Combine(_dataDirectory, OperatorKeyBootstrap.KeyFileName);

    [Fact]
    public async Task First_start_writes_a_working_operator_key_readable_by_the_owner_only()
    {
        await using (var silo = await InProcessSilo.StartAsync(new SiloOptions { DataDirectory = _dataDirectory }))
        {
            var key = (await File.ReadAllTextAsync(KeyFile)).Trim();

            var keys = await silo.Client.Tenants.ListApiKeysAsync(new ListApiKeysRequest(), As(key));

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
            Assert.Equal(Role.Operator, Assert.Single(keys.ApiKeys).Role);
        }

        var firstKey = await File.ReadAllTextAsync(KeyFile);
        await using (var restarted = await InProcessSilo.StartAsync(new SiloOptions { DataDirectory = _dataDirectory }))
        {
            var keys = await restarted.Client.Tenants.ListApiKeysAsync(new ListApiKeysRequest(), As(firstKey.Trim()));

            Assert.Single(keys.ApiKeys);
            Assert.Equal(firstKey, await File.ReadAllTextAsync(KeyFile));
        }
    }

    [Fact]
    public async Task An_operator_key_from_the_environment_is_used_instead()
    {
        await using var silo = await InProcessSilo.StartAsync(new SiloOptions { DataDirectory = _dataDirectory, OperatorKey = "rl-env-operator-key" });

        var keys = await silo.Client.Tenants.ListApiKeysAsync(new ListApiKeysRequest(), As("rl-env-operator-key"));
        var wrong = await Assert.ThrowsAsync<RpcException>(() =>
            silo.Client.Tenants.ListApiKeysAsync(new ListApiKeysRequest(), As("rl-env-operator-kez")).ResponseAsync);

        Assert.False(File.Exists(KeyFile));
        Assert.Empty(keys.ApiKeys);
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
