using System.CommandLine;

namespace ReverseLogistics.Cli;

/// <summary>The scan id and device name every handheld call carries: --scan-id (a new one by default) and --device (else RL_DEVICE or the profile's).</summary>
public sealed class HandheldStep
{
    private readonly Option<string> _scanId = new("--scan-id")
    {
        Description = "The scan's id (a new one when absent; reuse it to resend a scan safely)",
        DefaultValueFactory = _ => "scan-" + Guid.NewGuid().ToString("N"),
    };

    private readonly Option<string?> _device = new("--device") { Description = "The device's name, shown in timelines ($RL_DEVICE; the profile's `device`)" };

    public void AddTo(Command command)
    {
        command.Options.Add(_scanId);
        command.Options.Add(_device);
    }

    public (string ScanId, string DeviceId) Values(ParseResult result, Connection connection)
    {
        var device = result.GetValue(_device) is { Length: > 0 } flag ? flag : connection.Settings.Device.Value;
        if (device is null)
            throw new CliUsageException("No device name: pass --device, set RL_DEVICE or run `rlctl config set device NAME`.");
        return (result.GetValue(_scanId)!, device);
    }
}
