using System.Globalization;

namespace ReverseLogistics.Bench;

/// <summary>
/// The CPU time of a PostgreSQL server running on this machine (Linux): its processes, those whose command is "postgres"
/// in /proc/PID/stat, added up. The pool keeps its backends open through a benchmark, so the difference between two
/// readings is what the server spent meanwhile. (.NET's process list names backends by their rewritten titles,
/// "postgres: checkpointer", so it finds only the postmaster.)
/// </summary>
internal sealed class LocalPostgresCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    private LocalPostgresCpu() { }

    /// <summary>Null when no PostgreSQL process is visible (the server runs elsewhere, or this is not Linux).</summary>
    public static LocalPostgresCpu? Find() => Ticks().Processes > 0 ? new LocalPostgresCpu() : null;

    public TimeSpan Total() => TimeSpan.FromSeconds(Ticks().Ticks / TicksPerSecond);

    private static (int Processes, long Ticks) Ticks()
    {
        if (!Directory.Exists("/proc")) return (0, 0);
        var (processes, ticks) = (0, 0L);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue; // it ended between being listed and being read
            }
            // "PID (comm) state ppid ...": utime and stime are the 14th and 15th fields, the 12th and 13th after the comm.
            var close = stat.LastIndexOf(')');
            if (close < 0 || stat[(stat.IndexOf('(') + 1)..close] != "postgres") continue;
            var fields = stat[(close + 2)..].Split(' ');
            processes++;
            ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        return (processes, ticks);
    }
}
