namespace ReverseLogistics.Storage;

/// <summary>
/// Keys in [<see cref="From"/>, <see cref="To"/>): from inclusive, to exclusive, compared ordinally byte by byte of
/// their UTF-8 (as <see cref="IndexRange"/>), so a fixed-width period at the start of a key ("2026-03-14|SKU-1")
/// makes a range of days or months one range of keys.
/// </summary>
public sealed record CounterRange(string From, string To)
{
    /// <summary>The one key <paramref name="key"/>: no key holds NUL, so nothing lies between it and itself followed by U+0001.</summary>
    public static CounterRange Exactly(string key) => new(key, key + "\u0001");

    /// <summary>Whether this range is <see cref="Exactly"/> one key.</summary>
    public bool IsOneKey => To.Length == From.Length + 1 && To[^1] == '\u0001' && To.StartsWith(From, StringComparison.Ordinal);

    /// <summary>Every key that starts with <paramref name="prefix"/> (which must not end in U+FFFF).</summary>
    public static CounterRange Prefix(string prefix) =>
        new(prefix, prefix[..^1] + (char)(prefix[^1] + 1));
}
