using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// Decides, without side effects, which lines of a return may proceed and what happens to the
/// return: the same answer for the CheckEligibility dry run and for CreateReturn.
/// </summary>
public static class ReturnEligibility
{
    public static EligibilityResult Check(ReturnPolicy policy, ReturnRequest request, DateTime now, CustomerHistory history)
    {
        ReturnRequestValidator.Validate(request);
        RequirePolicyCurrency(policy, request);

        var lines = request.Lines.Select((line, i) => CheckLine(policy, line, i, now)).ToList();
        var eligible = lines.Where(l => l.Eligible).Select(l => (Index: l.LineIndex, Line: request.Lines[l.LineIndex])).ToList();
        var refund = RefundCalculator.Compute(policy, request.RequestedResolution,
            eligible.Select(e => new RefundLine(e.Index, e.Line.Category, e.Line.UnitPrice, e.Line.Quantity, e.Line.ReasonCode)).ToList());
        var decision = Decide(policy, request, eligible.Select(e => e.Line).ToList(), history);
        return new EligibilityResult(lines, decision, refund);
    }

    private static LineEligibility CheckLine(ReturnPolicy policy, ReturnLine line, int index, DateTime now)
    {
        var problems = new List<Ineligibility>();
        var deadline = ReturnWindow.Deadline(policy, line);
        if (!ReturnWindow.IsOpen(policy, line, now))
            problems.Add(new(IneligibilityCode.OutsideWindow, $"The return window closed at the end of {deadline:yyyy-MM-dd} (UTC)."));
        if (policy.NonReturnableSkus.Contains(line.Sku))
            problems.Add(new(IneligibilityCode.NonReturnableSku, $"SKU '{line.Sku}' cannot be returned."));
        if (policy.NonReturnableCategories.Contains(line.Category))
            problems.Add(new(IneligibilityCode.NonReturnableCategory, $"Items in category '{line.Category}' cannot be returned."));
        if (policy.FindReason(line.ReasonCode) is null)
            problems.Add(new(IneligibilityCode.ReasonNotAllowed, $"Reason '{line.ReasonCode}' is not accepted."));
        else if (policy.RequiresPhoto(line.ReasonCode) && line.PhotoUrls.Count == 0)
            problems.Add(new(IneligibilityCode.PhotoRequired, $"Reason '{line.ReasonCode}' needs at least one photo."));
        if (line.Quantity > line.PurchasedQuantity)
            problems.Add(new(IneligibilityCode.QuantityAbovePurchased, $"Only {line.PurchasedQuantity} were bought; {line.Quantity} requested."));
        return new LineEligibility(index, deadline, problems);
    }

    private static ReturnDecision Decide(ReturnPolicy policy, ReturnRequest request, IReadOnlyList<ReturnLine> eligible, CustomerHistory history)
    {
        if (eligible.Count == 0)
            return new(DecisionKind.Reject, [new(DecisionReasonCode.NoEligibleLine, "No line of this return can be returned.")]);
        if (!policy.Resolutions.Allowed.Contains(request.RequestedResolution))
            return new(DecisionKind.Reject, [new(DecisionReasonCode.ResolutionNotAllowed, $"The merchant does not offer {request.RequestedResolution}.")]);

        var review = new List<DecisionReason>();
        var fraud = policy.Fraud;
        if (fraud.LookbackDays > 0 && history.RecentReturns > fraud.MaxReturns)
            review.Add(new(DecisionReasonCode.FraudThresholdExceeded,
                $"{history.RecentReturns} returns in the last {fraud.LookbackDays} days, more than {fraud.MaxReturns}."));

        var rule = policy.AutoApprove;
        if (!rule.Enabled)
            review.Add(new(DecisionReasonCode.AutoApproveDisabled, "The merchant reviews every return."));
        else
            review.AddRange(UnmetConditions(policy, rule, eligible, history));

        return review.Count > 0
            ? new(DecisionKind.ManualReview, review)
            : new(DecisionKind.AutoApprove, [new(DecisionReasonCode.AutoApproveRuleMatched, DescribeRule(rule))]);
    }

    private static IEnumerable<DecisionReason> UnmetConditions(ReturnPolicy policy, AutoApproveRule rule, IReadOnlyList<ReturnLine> eligible, CustomerHistory history)
    {
        var value = Money.Sum(eligible.Select(l => l.Value), policy.CurrencyCode);
        if (rule.MaxTotalValue is { } max && value.MinorUnits > max.MinorUnits)
            yield return new(DecisionReasonCode.ValueOverLimit, $"Value {value.MinorUnits} is over the auto-approve limit of {max.MinorUnits} {max.CurrencyCode} minor units.");
        if (rule.ReasonCodes.Count > 0)
            foreach (var code in eligible.Select(l => l.ReasonCode).Distinct().Where(c => !policy.ReasonIsWithin(c, rule.ReasonCodes)))
                yield return new(DecisionReasonCode.ReasonNeedsReview, $"Reason '{code}' is not auto-approved.");
        if (rule.RequireCustomerNotFlagged && history.Flagged)
            yield return new(DecisionReasonCode.CustomerFlagged, "The customer is flagged for review.");
    }

    private static string DescribeRule(AutoApproveRule rule)
    {
        var conditions = new List<string>();
        if (rule.MaxTotalValue is { } max) conditions.Add($"value at most {max.MinorUnits} {max.CurrencyCode} minor units");
        if (rule.ReasonCodes.Count > 0) conditions.Add($"reason in [{string.Join(", ", rule.ReasonCodes)}]");
        if (rule.RequireCustomerNotFlagged) conditions.Add("customer not flagged");
        return conditions.Count == 0 ? "Auto-approve: unconditional." : "Auto-approve: " + string.Join("; ", conditions) + ".";
    }

    private static void RequirePolicyCurrency(ReturnPolicy policy, ReturnRequest request)
    {
        var v = new Validator();
        for (var i = 0; i < request.Lines.Count; i++)
            v.Require(request.Lines[i].UnitPrice.CurrencyCode == policy.CurrencyCode, $"lines[{i}].unit_price.currency_code", $"must be the merchant's currency {policy.CurrencyCode}");
        v.ThrowIfInvalid();
    }
}
