namespace ReverseLogistics.Text;

/// <summary>
/// Strings in the order both databases give text keys (UTF-8 bytes, SQLite's BINARY and PostgreSQL's "C" collation), which
/// is code point order: UTF-16's ordinal order except where a surrogate meets a character from U+E000 up.
/// </summary>
/// <remarks>
/// Compiled into the domain (which orders groups as the store orders their keys) and into the store, as a linked file:
/// the two share no reference, and neither should take one for ten lines.
/// </remarks>
internal sealed class CodePointOrder : IComparer<string>
{
    public static readonly CodePointOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length || common == y.Length) return x.Length.CompareTo(y.Length);
        char a = x[common], b = y[common];
        if (char.IsSurrogate(a) != char.IsSurrogate(b) && (a >= '\uE000' || b >= '\uE000')) return char.IsSurrogate(a) ? 1 : -1;
        return a.CompareTo(b);
    }
}
