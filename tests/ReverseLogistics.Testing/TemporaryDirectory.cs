namespace ReverseLogistics.Testing;

/// <summary>A fresh directory for one test class, deleted afterwards.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("rl-storage-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
