using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.FunctionalTests.Hosting;

/// <summary>What an operator reads beside the code names every setting the silo reads: the checkout's files, read as they are.</summary>
public sealed class SettingsDocumentationTests
{
    [Fact]
    public void The_systemd_example_environment_lists_every_variable()
    {
        var example = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "systemd", "silo.env.example"));

        Assert.All(SiloSettings.All, setting => Assert.Contains(setting.Variable + "=", example));
    }

    [Fact]
    public void The_configuration_guide_lists_every_setting()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "configuration.md"));

        Assert.All(SiloSettings.All, setting =>
        {
            Assert.Contains($"| `{setting.Key}` | `{setting.Variable}` |", guide);
            if (setting.Flag is not null) Assert.Contains($"`{setting.Flag}`", guide);
        });
    }
}
