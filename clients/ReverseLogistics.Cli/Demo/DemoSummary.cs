namespace ReverseLogistics.Cli.Demo;

/// <summary>What `rlctl demo` did: a table and a line for people, or one JSON document with every path's steps.</summary>
public static class DemoSummary
{
    public static void Print(Output output, DemoWorld world, IReadOnlyList<DemoPath> paths)
    {
        var ok = paths.All(p => p.Ok);
        if (output.IsJson)
        {
            output.Json(json =>
            {
                json.WriteStartObject();
                json.WriteBoolean("ok", ok);
                json.WriteString("tenantId", world.TenantId);
                json.WriteString("merchantKeyId", world.MerchantKeyId);
                json.WriteStartArray("fulfillmentCenterIds");
                json.WriteStringValue(world.Portland);
                json.WriteStringValue(world.NewYork);
                json.WriteEndArray();
                json.WriteString("carrierId", world.CarrierId);
                json.WriteStartArray("handheldKeyIds");
                foreach (var id in world.HandheldKeyIds) json.WriteStringValue(id);
                json.WriteEndArray();
                json.WriteStartArray("paths");
                foreach (var path in paths)
                {
                    json.WriteStartObject();
                    json.WriteString("name", path.Name);
                    json.WriteString("title", path.Title);
                    json.WriteStartArray("covers");
                    foreach (var covered in path.Covers) json.WriteStringValue(covered);
                    json.WriteEndArray();
                    json.WriteString("returnId", path.ReturnId);
                    json.WriteString("status", path.FinalStatus);
                    json.WriteBoolean("ok", path.Ok);
                    if (path.Failure is { } failure) json.WriteString("failure", failure);
                    json.WriteNumber("timelineEvents", path.TimelineEvents);
                    json.WriteStartArray("steps");
                    foreach (var step in path.Steps)
                    {
                        json.WriteStartObject();
                        json.WriteString("action", step.Action);
                        if (step.Status.Length > 0) json.WriteString("status", step.Status);
                        json.WriteBoolean("ok", step.Ok);
                        json.WriteString("detail", step.Detail);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            });
            return;
        }
        output.Heading("Summary");
        output.Table(["path", "return", "end state", "result"], paths.Select(p => new[]
        {
            p.Name, p.ReturnId, Kebab(p.FinalStatus), p.Ok ? "as expected" : "FAILED: " + p.Failure,
        }));
        output.Line(ok
            ? $"Every path reached its expected end state. Covered: {string.Join(", ", paths.SelectMany(p => p.Covers).Distinct())}."
            : $"{paths.Count(p => !p.Ok)} of {paths.Count} paths did not reach their expected end state.");
        output.Line($"To look around as the merchant: rlctl keys create --role Merchant --tenant {world.TenantId}, then " +
            "rlctl returns events RETURN-ID --key KEY.");
    }

    /// <summary>"RETURN_STATUS_REFUND_PENDING" reads as "refund-pending".</summary>
    private static string Kebab(string apiName) =>
        apiName.StartsWith("RETURN_STATUS_", StringComparison.Ordinal) ? apiName["RETURN_STATUS_".Length..].ToLowerInvariant().Replace('_', '-') : apiName;
}
