using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Policies;

/// <summary>Maps return policies between the wire and the domain; the domain validates.</summary>
public static class PolicyMapper
{
    public static ReturnPolicy ToDomain(Proto.ReturnPolicy policy) => new()
    {
        CurrencyCode = policy.CurrencyCode,
        WindowDays = policy.WindowDays,
        NonReturnableSkus = [.. policy.NonReturnableSkus],
        NonReturnableCategories = [.. policy.NonReturnableCategories],
        Reasons = [.. policy.Reasons.Select(r => new ReasonRule
        {
            Code = r.Code,
            ParentCode = r.ParentCode.Length == 0 ? null : r.ParentCode,
            Label = r.Label,
            RequiresPhoto = r.RequiresPhoto,
            WaivesFees = r.WaivesFees,
        })],
        RestockingFee = new RestockingFeeRule
        {
            DefaultPercent = Percent(policy.RestockingFee?.DefaultPercent ?? 0),
            CategoryOverrides = [.. (policy.RestockingFee?.CategoryOverrides ?? []).Select(o => new CategoryPercent(o.Category, Percent(o.Percent)))],
        },
        ReturnShipping = new ReturnShippingRule
        {
            FreeCategories = [.. policy.ReturnShipping?.FreeCategories ?? []],
            Fee = policy.ReturnShipping?.Fee is { } fee ? ToDomain(fee) : Money.Zero(policy.CurrencyCode),
        },
        Resolutions = new ResolutionOptions
        {
            Allowed = [.. (policy.Resolutions?.Allowed ?? []).Select(r => (Resolution)(int)r)],
            StoreCreditBonusPercent = Percent(policy.Resolutions?.StoreCreditBonusPercent ?? 0),
        },
        AutoApprove = new AutoApproveRule
        {
            Enabled = policy.AutoApprove?.Enabled ?? false,
            MaxTotalValue = policy.AutoApprove?.MaxTotalValue is { } max ? ToDomain(max) : null,
            ReasonCodes = [.. policy.AutoApprove?.ReasonCodes ?? []],
            RequireCustomerNotFlagged = policy.AutoApprove?.RequireCustomerNotFlagged ?? false,
        },
        Fraud = new FraudRule { LookbackDays = policy.Fraud?.LookbackDays ?? 0, MaxReturns = policy.Fraud?.MaxReturns ?? 0 },
        GradeRefunds = policy.GradeRefunds is { } grades
            ? new GradeRefunds
            {
                APercent = Percent(grades.APercent),
                BPercent = Percent(grades.BPercent),
                CPercent = Percent(grades.CPercent),
                DPercent = Percent(grades.DPercent),
                ScrapPercent = Percent(grades.ScrapPercent),
            }
            : new GradeRefunds(),
        LabelValidDays = policy.LabelValidDays == 0 ? ReturnPolicy.Default.LabelValidDays : policy.LabelValidDays,
        InspectionSlaHours = policy.InspectionSlaHours == 0 ? ReturnPolicy.Default.InspectionSlaHours : policy.InspectionSlaHours,
        RefundSettlementDays = policy.RefundSettlementDays,
    };

    public static Proto.ReturnPolicy ToProto(ReturnPolicy policy, long revision, DateTime? updatedAt)
    {
        var proto = new Proto.ReturnPolicy
        {
            CurrencyCode = policy.CurrencyCode,
            WindowDays = policy.WindowDays,
            RestockingFee = new Proto.RestockingFee { DefaultPercent = (double)policy.RestockingFee.DefaultPercent },
            ReturnShipping = new Proto.ReturnShipping { Fee = ToProto(policy.ReturnShipping.Fee) },
            Resolutions = new Proto.Resolutions { StoreCreditBonusPercent = (double)policy.Resolutions.StoreCreditBonusPercent },
            AutoApprove = new Proto.AutoApproval
            {
                Enabled = policy.AutoApprove.Enabled,
                MaxTotalValue = policy.AutoApprove.MaxTotalValue is { } max ? ToProto(max) : null,
                RequireCustomerNotFlagged = policy.AutoApprove.RequireCustomerNotFlagged,
            },
            Fraud = new Proto.FraudCheck { LookbackDays = policy.Fraud.LookbackDays, MaxReturns = policy.Fraud.MaxReturns },
            GradeRefunds = new Proto.GradeRefunds
            {
                APercent = (double)policy.GradeRefunds.APercent,
                BPercent = (double)policy.GradeRefunds.BPercent,
                CPercent = (double)policy.GradeRefunds.CPercent,
                DPercent = (double)policy.GradeRefunds.DPercent,
                ScrapPercent = (double)policy.GradeRefunds.ScrapPercent,
            },
            LabelValidDays = policy.LabelValidDays,
            InspectionSlaHours = policy.InspectionSlaHours,
            RefundSettlementDays = policy.RefundSettlementDays,
            Revision = revision,
            UpdateTime = updatedAt is { } at ? Timestamp.FromDateTime(at) : null,
        };
        proto.NonReturnableSkus.AddRange(policy.NonReturnableSkus);
        proto.NonReturnableCategories.AddRange(policy.NonReturnableCategories);
        proto.Reasons.AddRange(policy.Reasons.Select(r => new Proto.ReturnReason
        {
            Code = r.Code, ParentCode = r.ParentCode ?? "", Label = r.Label, RequiresPhoto = r.RequiresPhoto, WaivesFees = r.WaivesFees,
        }));
        proto.RestockingFee.CategoryOverrides.AddRange(policy.RestockingFee.CategoryOverrides
            .Select(o => new Proto.CategoryPercent { Category = o.Category, Percent = (double)o.Percent }));
        proto.ReturnShipping.FreeCategories.AddRange(policy.ReturnShipping.FreeCategories);
        proto.Resolutions.Allowed.AddRange(policy.Resolutions.Allowed.Select(r => (Proto.Resolution)(int)r));
        proto.AutoApprove.ReasonCodes.AddRange(policy.AutoApprove.ReasonCodes);
        return proto;
    }

    public static Money ToDomain(Proto.Money money) => new(money.MinorUnits, money.CurrencyCode);

    public static Proto.Money ToProto(Money money) => new() { MinorUnits = money.MinorUnits, CurrencyCode = money.CurrencyCode };

    /// <summary>
    /// A wire percentage as a decimal. Values no decimal can hold (NaN, infinities, huge) become -1,
    /// which the validator then reports against the field like any other out-of-range percent.
    /// </summary>
    private static decimal Percent(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e12 ? Math.Round((decimal)value, 4) : -1m;
}
