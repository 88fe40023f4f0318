namespace ReverseLogistics.Cli.Settings;

/// <summary>One named profile of the profile file: where to connect, with which key, how to print, and the handheld's device name.</summary>
public sealed class Profile
{
    public string? Address { get; set; }
    public string? Key { get; set; }
    public string? Output { get; set; }
    public string? Device { get; set; }
}
