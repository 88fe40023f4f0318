using System.Security.Cryptography;

namespace ReverseLogistics.Cli.Import;

/// <summary>
/// Request ids of an import, derived from the file's content and the row's line: running the same file again
/// sends the same ids, so the platform answers rows it already has with their first result instead of creating them twice.
/// </summary>
public sealed class ImportRequestIds(byte[] content)
{
    private readonly string _file = Convert.ToHexStringLower(SHA256.HashData(content))[..32];

    public string For(int line) => $"import-{_file}-{line}";
}
