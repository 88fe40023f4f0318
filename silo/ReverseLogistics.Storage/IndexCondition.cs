namespace ReverseLogistics.Storage;

/// <summary>
/// One condition of an <see cref="IndexQuery"/> on the actor's <see cref="IndexEntry"/> values
/// under <see cref="Name"/>: it holds when at least one of them matches.
/// </summary>
public abstract record IndexCondition(string Name)
{
    /// <summary>Some value under <paramref name="name"/> equals <paramref name="value"/>.</summary>
    public static IndexCondition Equal(string name, string value) => new IndexEquals(name, value);

    /// <summary>Some value under <paramref name="name"/> is at least <paramref name="from"/> and below <paramref name="to"/>, ordinally.</summary>
    public static IndexCondition Range(string name, string? from = null, string? to = null) => new IndexRange(name, from, to);
}
