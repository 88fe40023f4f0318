using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Policies;

/// <summary>Checks a whole policy and reports every bad field at once, named as in the request ("policy.window_days").</summary>
public static class PolicyValidator
{
    public const int MaxWindowDays = 3650;
    public const int MaxLabelValidDays = 365;
    public const int MaxInspectionSlaHours = 24 * 60;
    public const int MaxRefundSettlementDays = 60;

    public static void Validate(ReturnPolicy policy, string prefix = "policy")
    {
        var v = new Validator();
        var currency = policy.CurrencyCode;
        v.Require(Money.IsValidCurrencyCode(currency), $"{prefix}.currency_code", "an ISO 4217 code, three upper-case letters");
        v.Require(policy.WindowDays is >= 0 and <= MaxWindowDays, $"{prefix}.window_days", $"between 0 and {MaxWindowDays}");
        RequireNamesUnique(v, policy.NonReturnableSkus, $"{prefix}.non_returnable_skus");
        RequireNamesUnique(v, policy.NonReturnableCategories, $"{prefix}.non_returnable_categories");
        ValidateReasons(v, policy, $"{prefix}.reasons");
        ValidateFees(v, policy, prefix);
        ValidateResolutions(v, policy.Resolutions, $"{prefix}.resolutions");
        ValidateAutoApprove(v, policy, $"{prefix}.auto_approve");
        v.Require(policy.Fraud.LookbackDays is >= 0 and <= MaxWindowDays, $"{prefix}.fraud.lookback_days", $"between 0 and {MaxWindowDays}");
        v.Require(policy.Fraud.MaxReturns >= 0, $"{prefix}.fraud.max_returns", "not negative");
        var grades = policy.GradeRefunds;
        RequirePercent(v, grades.APercent, $"{prefix}.grade_refunds.a_percent");
        RequirePercent(v, grades.BPercent, $"{prefix}.grade_refunds.b_percent");
        RequirePercent(v, grades.CPercent, $"{prefix}.grade_refunds.c_percent");
        RequirePercent(v, grades.DPercent, $"{prefix}.grade_refunds.d_percent");
        RequirePercent(v, grades.ScrapPercent, $"{prefix}.grade_refunds.scrap_percent");
        v.Require(policy.LabelValidDays is >= 1 and <= MaxLabelValidDays, $"{prefix}.label_valid_days", $"between 1 and {MaxLabelValidDays}");
        v.Require(policy.InspectionSlaHours is >= 1 and <= MaxInspectionSlaHours, $"{prefix}.inspection_sla_hours", $"between 1 and {MaxInspectionSlaHours}");
        v.Require(policy.RefundSettlementDays is >= 0 and <= MaxRefundSettlementDays, $"{prefix}.refund_settlement_days", $"between 0 and {MaxRefundSettlementDays}");
        v.ThrowIfInvalid();
    }

    private static void ValidateReasons(Validator v, ReturnPolicy policy, string path)
    {
        v.Require(policy.Reasons.Count > 0, path, "at least one reason");
        var codes = policy.Reasons.Select(r => r.Code).ToHashSet();
        for (var i = 0; i < policy.Reasons.Count; i++)
        {
            var reason = policy.Reasons[i];
            v.Require(!string.IsNullOrWhiteSpace(reason.Code), $"{path}[{i}].code", "required");
            v.Require(policy.Reasons.Take(i).All(r => r.Code != reason.Code), $"{path}[{i}].code", $"duplicate code '{reason.Code}'");
            if (reason.ParentCode is null) continue;
            v.Require(codes.Contains(reason.ParentCode), $"{path}[{i}].parent_code", $"unknown reason code '{reason.ParentCode}'");
            v.Require(!HasCycle(policy, reason), $"{path}[{i}].parent_code", "reasons must not be their own ancestors");
        }
    }

    private static bool HasCycle(ReturnPolicy policy, ReasonRule reason)
    {
        var seen = new HashSet<string> { reason.Code };
        for (var parent = reason.ParentCode; parent is not null; parent = policy.FindReason(parent)?.ParentCode)
            if (!seen.Add(parent)) return true;
        return false;
    }

    private static void ValidateFees(Validator v, ReturnPolicy policy, string prefix)
    {
        var restocking = policy.RestockingFee;
        RequirePercent(v, restocking.DefaultPercent, $"{prefix}.restocking_fee.default_percent");
        for (var i = 0; i < restocking.CategoryOverrides.Count; i++)
        {
            var o = restocking.CategoryOverrides[i];
            var path = $"{prefix}.restocking_fee.category_overrides[{i}]";
            v.Require(!string.IsNullOrWhiteSpace(o.Category), $"{path}.category", "required");
            v.Require(restocking.CategoryOverrides.Take(i).All(p => p.Category != o.Category), $"{path}.category", $"duplicate category '{o.Category}'");
            RequirePercent(v, o.Percent, $"{path}.percent");
        }
        RequireNamesUnique(v, policy.ReturnShipping.FreeCategories, $"{prefix}.return_shipping.free_categories");
        RequireAmount(v, policy.ReturnShipping.Fee, policy.CurrencyCode, $"{prefix}.return_shipping.fee");
    }

    private static void ValidateResolutions(Validator v, ResolutionOptions options, string path)
    {
        v.Require(options.Allowed.Count > 0, $"{path}.allowed", "at least one resolution");
        v.Require(options.Allowed.Distinct().Count() == options.Allowed.Count, $"{path}.allowed", "no duplicates");
        v.Require(options.Allowed.All(Enum.IsDefined), $"{path}.allowed", "unknown resolution");
        RequirePercent(v, options.StoreCreditBonusPercent, $"{path}.store_credit_bonus_percent");
    }

    private static void ValidateAutoApprove(Validator v, ReturnPolicy policy, string path)
    {
        var rule = policy.AutoApprove;
        if (rule.MaxTotalValue is { } max) RequireAmount(v, max, policy.CurrencyCode, $"{path}.max_total_value");
        for (var i = 0; i < rule.ReasonCodes.Count; i++)
            v.Require(policy.FindReason(rule.ReasonCodes[i]) is not null, $"{path}.reason_codes[{i}]", $"unknown reason code '{rule.ReasonCodes[i]}'");
    }

    private static void RequireAmount(Validator v, Money amount, string currency, string path)
    {
        v.Require(amount.MinorUnits >= 0, $"{path}.minor_units", "not negative");
        // With a malformed policy currency (reported on its own), only the amount's own format is checked.
        var matches = Money.IsValidCurrencyCode(currency) ? amount.CurrencyCode == currency : Money.IsValidCurrencyCode(amount.CurrencyCode);
        v.Require(matches, $"{path}.currency_code", $"must be the policy currency {currency}");
    }

    private static void RequirePercent(Validator v, decimal percent, string path) =>
        v.Require(percent is >= 0 and <= 100, path, "between 0 and 100");

    private static void RequireNamesUnique(Validator v, IReadOnlyList<string> names, string path)
    {
        for (var i = 0; i < names.Count; i++)
        {
            v.Require(!string.IsNullOrWhiteSpace(names[i]), $"{path}[{i}]", "must not be blank");
            v.Require(names.Take(i).All(n => n != names[i]), $"{path}[{i}]", $"duplicate '{names[i]}'");
        }
    }
}
