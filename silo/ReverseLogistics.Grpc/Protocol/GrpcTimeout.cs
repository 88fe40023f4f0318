using System.Globalization;

namespace ReverseLogistics.Grpc.Protocol;

/// <summary>The grpc-timeout header: at most 8 digits followed by a unit (H, M, S, m, u, n).</summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? header, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(header) || header.Length < 2 || header.Length > 9) return false;
        if (!long.TryParse(header.AsSpan(0, header.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return false;
        long? ticks = header[^1] switch
        {
            'H' => value * TimeSpan.TicksPerHour,
            'M' => value * TimeSpan.TicksPerMinute,
            'S' => value * TimeSpan.TicksPerSecond,
            'm' => value * TimeSpan.TicksPerMillisecond,
            'u' => value * 10,
            'n' => value / 100,
            _ => null,
        };
        if (ticks is null) return false;
        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }

    /// <summary>Formats with the finest unit that fits in 8 digits, rounding up so a deadline never shrinks.</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero) return "1n";
        var ticks = timeout.Ticks;
        if (ticks <= MaxValue / 100) return $"{ticks * 100}n";
        (long TicksPerUnit, char Unit)[] units =
        [
            (10, 'u'),
            (TimeSpan.TicksPerMillisecond, 'm'),
            (TimeSpan.TicksPerSecond, 'S'),
            (TimeSpan.TicksPerMinute, 'M'),
            (TimeSpan.TicksPerHour, 'H'),
        ];
        foreach (var (ticksPerUnit, unit) in units)
        {
            var value = ticks / ticksPerUnit + (ticks % ticksPerUnit == 0 ? 0 : 1);
            if (value <= MaxValue) return $"{value}{unit}";
        }
        return $"{MaxValue}H";
    }
}
