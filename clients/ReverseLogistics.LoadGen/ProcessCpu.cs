using System.Diagnostics;
using System.Globalization;

namespace ReverseLogistics.LoadGen;

/// <summary>CPU time a process has used, user and system together, or null when it cannot be read.</summary>
internal static class ProcessCpu
{
    // USER_HZ, the unit of /proc/PID/stat's times: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan? Of(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            using var self = Process.GetCurrentProcess();
            return self.TotalProcessorTime;
        }
        try
        {
            // Fields after the command name, which is in parentheses and may hold spaces: state is the 3rd field,
            // utime the 14th and stime the 15th.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
