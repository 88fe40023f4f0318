namespace ReverseLogistics.Cli.Settings;

/// <summary>One named profile of the profile file: where to connect, with which key, and how to print.</summary>
public sealed class Profile
{
    public string? Address { get; set; }
    public string? Key { get; set; }
    public string? Output { get; set; }
}
