using System.Globalization;

namespace ReverseLogistics.Domain.Returns;

/// <summary>How times read in a return's timeline and messages.</summary>
public static class ReturnText
{
    /// <summary>ISO 8601 UTC with fixed width, so ordinal order is time order (the return's index sorts by it too).</summary>
    public static string Timestamp(DateTime at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
