namespace ReverseLogistics.Domain.Network;

public static class PostalCodes
{
    /// <summary>Upper case without spaces or hyphens, so "sw1a 1aa" matches the prefix "SW1A".</summary>
    public static string Normalize(string postalCode) =>
        string.Create(postalCode.Count(char.IsLetterOrDigit), postalCode, (span, code) =>
        {
            var i = 0;
            foreach (var c in code)
                if (char.IsLetterOrDigit(c)) span[i++] = char.ToUpperInvariant(c);
        });
}
