using System.Globalization;

namespace ReverseLogistics.Bench;

/// <summary>
/// The CPU time of a PostgreSQL server running on this machine (Linux): its processes, those whose command is "postgres"
/// in /proc/PID/stat, added up, with what their ended children spent (the postmaster's cutime and cstime: autovacuum
/// workers and backends that came and went), so the total only grows and the difference between two readings is what
/// the server spent meanwhile. Without the ended children, an autovacuum worker ending during a round took its CPU out
/// of the sum, and a round could show less than nothing. (.NET's process list names backends by their rewritten titles,
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
            // "PID (comm) state ppid ...": utime, stime, cutime and cstime are the 14th to 17th fields, the 12th to 15th after the comm.
            var close = stat.LastIndexOf(')');
            if (close < 0 || stat[(stat.IndexOf('(') + 1)..close] != "postgres") continue;
            var fields = stat[(close + 2)..].Split(' ');
            processes++;
            for (var field = 11; field <= 14; field++) ticks += long.Parse(fields[field], CultureInfo.InvariantCulture);
        }
        return (processes, ticks);
    }
}
