using System.Text;

namespace ReverseLogistics.Silo.Paging;

/// <summary>Opaque page tokens carrying the last id of the previous page (keyset paging).</summary>
public static class PageTokens
{
    public static string Encode(string lastId) => Convert.ToBase64String(Encoding.UTF8.GetBytes(lastId));

    /// <summary>The id a token carries; null for an empty token. Throws when the token is not one we issued.</summary>
    public static string? Decode(string token, Func<string, bool> isValidId)
    {
        if (token.Length == 0) return null;
        try
        {
            var id = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (isValidId(id)) return id;
        }
        catch (FormatException)
        {
            // Reported below like any other foreign token.
        }
        throw new Domain.Errors.InvalidInputException([new("page_token", "not a token from a previous page")]);
    }
}
