namespace ReverseLogistics.Silo.Hosting;

/// <summary>
/// Holds &lt;data-dir&gt;/silo.lock exclusively while the node runs, so a second node started on the same
/// directory refuses to start instead of sharing its files.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "silo.lock";

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    /// <summary>Creates the directory when missing and takes its lock, or explains in one line why not.</summary>
    public static DataDirectoryLock Acquire(string directory)
    {
        var path = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(path);
            var file = new FileStream(Path.Combine(path, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            file.Write(System.Text.Encoding.UTF8.GetBytes($"{Environment.ProcessId}\n"));
            file.Flush();
            return new DataDirectoryLock(file);
        }
        catch (UnauthorizedAccessException)
        {
            throw new StartupException($"Cannot write to the data directory '{path}': permission denied; choose another with --data-dir or fix its owner.");
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new StartupException($"The data directory '{path}' is a file; choose a directory with --data-dir.");
        }
        catch (IOException e) when (File.Exists(Path.Combine(path, FileName)))
        {
            throw new StartupException($"Another silo is using the data directory '{path}' ({FileName} is locked); stop it or choose another --data-dir.", e);
        }
        catch (IOException e)
        {
            throw new StartupException($"Cannot use the data directory '{path}': {e.Message}", e);
        }
    }

    public void Dispose() => _file.Dispose();
}
