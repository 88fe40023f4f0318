namespace ReverseLogistics.Silo.Hosting;

/// <summary>
/// One configurable setting and its three spellings: the key in appsettings.json (under "Silo"), the
/// environment variable and the command-line flag (null for secrets, which never go on a command line).
/// </summary>
public sealed record SiloSetting(string Key, string Variable, string? Flag, string Description)
{
    public string ConfigurationPath => $"Silo:{Key}";

    /// <summary>How an error message names it, so the reader finds it wherever it was set.</summary>
    public string Names => Flag is null ? $"{Variable} (Silo:{Key})" : $"{Flag} ({Variable}, Silo:{Key})";
}
