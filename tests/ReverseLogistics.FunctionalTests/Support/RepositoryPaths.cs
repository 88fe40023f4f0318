namespace ReverseLogistics.FunctionalTests.Support;

public static class RepositoryPaths
{
    /// <summary>The checkout's root: the nearest directory above the test binaries holding ReverseLogistics.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Interop => Path.Combine(Root, "tests", "interop");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ReverseLogistics.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No ReverseLogistics.sln above {AppContext.BaseDirectory}.");
    }
}
