using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Domain.Tenants;

internal static class RateLimitValidation
{
    public const int MaxRequestsPerSecond = 100_000;

    public static Validator ValidateRateLimit(this Validator validator, RateLimitSettings? rateLimit) =>
        rateLimit is null
            ? validator
            : validator
                .Require(rateLimit.RequestsPerSecond is > 0 and <= MaxRequestsPerSecond, "rate_limit.requests_per_second", $"between 1 and {MaxRequestsPerSecond}")
                .Require(rateLimit.Burst >= rateLimit.RequestsPerSecond && rateLimit.Burst <= 10 * MaxRequestsPerSecond, "rate_limit.burst", "at least requests_per_second");
}
