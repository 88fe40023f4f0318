using System.Text.RegularExpressions;

namespace ReverseLogistics.Domain.Tenants;

public static partial class TenantIds
{
    /// <summary>The 3PL itself: owner of operator and handheld keys. Not a valid merchant id, so it cannot be taken.</summary>
    public const string Platform = "_platform";

    public const string Rule = "3-40 characters: lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen";

    public static bool IsValidMerchantId(string id) => MerchantId().IsMatch(id);

    [GeneratedRegex("^[a-z][a-z0-9-]{1,38}[a-z0-9]$")]
    private static partial Regex MerchantId();
}
