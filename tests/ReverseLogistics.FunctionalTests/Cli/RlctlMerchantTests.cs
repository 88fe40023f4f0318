using System.Text.Json;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>rlctl as a merchant uses it: the policy, and returns from creation to refund, with the merchant's key only.</summary>
[Collection(SiloCollection.Name)]
public sealed class RlctlMerchantTests(SiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    private Task<Rlctl.Result> With(string key, params string[] args) => _rlctl.RunAsync(["--address", silo.Address, "--key", key, .. args]);

    private static JsonElement Json(Rlctl.Result result)
    {
        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private static readonly string[] OneLine =
    [
        "returns", "create", "--customer", "cust-9", "--name", "Jane Doe", "--street", "12 Main St", "--city", "Portland", "--postal-code", "97201",
        "--country", "US", "--order", "SO-77", "--sku", "TENT-2P", "--category", "outdoor", "--price", "12900", "--currency", "USD", "--reason", "changed_mind",
    ];

    [Fact]
    public async Task A_merchant_takes_a_return_to_refunded_with_rlctl_alone()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);

        var created = Json(await With(merchant, [.. OneLine, "--json"]));
        var returnId = created.GetProperty("returnId").GetString()!;
        var centre = created.GetProperty("destinationFulfillmentCenterId").GetString()!;
        var key = Json(await With(SiloFixture.OperatorKey, "keys", "create", "--role", "Handheld", "--center", centre, "--json")).GetProperty("secret").GetString()!;
        var scanned = Json(await With(key, "handheld", "scan", returnId, "--device", "HH-7", "--json"));
        var received = Json(await With(key, "handheld", "receive", returnId, "--line", "0:1", "--device", "HH-7", "--json"));
        _rlctl.Variables["RL_DEVICE"] = "HH-8"; // the device from the environment
        var inspected = Json(await With(key, "handheld", "inspect", returnId, "--line", "0", "--grade", "A", "--notes", "as new", "--json"));
        var refunded = Json(await With(merchant, "returns", "confirm-refund", returnId, "--payment-reference", "pay-123", "--json"));

        Assert.Equal("RETURN_STATUS_LABEL_ISSUED", created.GetProperty("status").GetString());
        Assert.Equal("NEXT_STEP_RECEIVE", scanned.GetProperty("nextStep").GetString());
        Assert.Equal(1, received.GetProperty("lines")[0].GetProperty("receivedQuantity").GetInt32());
        Assert.Equal("INSPECTION_GRADE_A", inspected.GetProperty("lines")[0].GetProperty("inspection").GetProperty("grade").GetString());
        Assert.Equal("RETURN_STATUS_REFUNDED", refunded.GetProperty("status").GetString());
        Assert.Equal("pay-123", refunded.GetProperty("paymentReference").GetString());
        var read = Json(await With(merchant, "returns", "get", returnId, "--json"));
        Assert.Equal("RETURN_STATUS_REFUNDED", read.GetProperty("status").GetString());
        var actors = Json(await With(merchant, "returns", "events", returnId, "--json")).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("actor").GetString()).ToList();
        Assert.Contains($"device:{centre}/HH-7", actors);
        Assert.Contains($"device:{centre}/HH-8", actors);
    }

    [Fact]
    public async Task A_label_is_written_to_a_file_and_never_over_one_without_force()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var returnId = Json(await With(merchant, [.. OneLine, "--json"])).GetProperty("returnId").GetString()!;
        var path = Path.Combine(_rlctl.Home, "label.png");

        var written = await With(merchant, "returns", "label", returnId, "--format", "png", "--out", path, "--json");
        var bytes = await File.ReadAllBytesAsync(path);
        var again = await With(merchant, "returns", "label", returnId, "--format", "pdf", "--out", path);
        var forced = await With(merchant, "returns", "label", returnId, "--format", "pdf", "--out", path, "--force");

        var document = Json(written);
        Assert.Equal("LABEL_FORMAT_PNG", document.GetProperty("format").GetString());
        Assert.Equal(bytes.Length, document.GetProperty("bytes").GetInt32());
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists; pass --force", again.Error);
        Assert.Equal((0, ""), (forced.ExitCode, forced.Error));
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync(path))[..4]);
    }

    [Fact]
    public async Task A_policy_is_read_and_replaced_from_json_and_from_yaml()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var jsonPath = Path.Combine(_rlctl.Home, "policy.json");
        var yamlPath = Path.Combine(_rlctl.Home, "policy.yaml");

        var current = await With(merchant, "policy", "get", "--json");
        await File.WriteAllTextAsync(jsonPath, current.Output.Replace("\"windowDays\": 30", "\"windowDays\": 45", StringComparison.Ordinal));
        var fromJson = Json(await With(merchant, "policy", "set", jsonPath, "--json"));
        await File.WriteAllTextAsync(yamlPath, """
            currencyCode: USD
            windowDays: 14
            reasons:
              - code: changed_mind
                label: "Changed my mind"
              - code: defective
                waivesFees: true
            resolutions:
              allowed: [RESOLUTION_REFUND_TO_ORIGINAL_PAYMENT, RESOLUTION_STORE_CREDIT]
            autoApprove:
              enabled: false
            """);
        var fromYaml = Json(await With(merchant, "policy", "set", yamlPath, "--json"));
        var table = await With(merchant, "policy", "get");
        var broken = await With(merchant, "policy", "set", jsonPath + ".missing");

        Assert.Contains("\"windowDays\": 30", current.Output);
        Assert.Equal(45, fromJson.GetProperty("windowDays").GetInt32());
        Assert.Equal(14, fromYaml.GetProperty("windowDays").GetInt32());
        Assert.True(fromYaml.GetProperty("reasons")[1].GetProperty("waivesFees").GetBoolean());
        Assert.True(long.Parse(fromYaml.GetProperty("revision").GetString()!) > long.Parse(fromJson.GetProperty("revision").GetString()!));
        Assert.Matches(@"│ windowDays\s+│ 14\s+│", table.Output);
        Assert.Equal(2, broken.ExitCode);
    }

    [Fact]
    public async Task Returns_in_review_are_approved_or_rejected_others_cancelled_and_an_exception_resolved()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var policy = await silo.Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(merchant));
        var manual = policy.Clone();
        manual.AutoApprove = new AutoApproval { Enabled = false };
        await silo.Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = manual }, As(merchant));
        var toApprove = Json(await With(merchant, [.. OneLine, "--json"])).GetProperty("returnId").GetString()!;
        var toReject = Json(await With(merchant, [.. OneLine, "--json"])).GetProperty("returnId").GetString()!;
        var toCancel = Json(await With(merchant, [.. OneLine, "--json"])).GetProperty("returnId").GetString()!;

        var inReview = Json(await With(merchant, "returns", "list", "--status", "manual-review", "--json")).GetProperty("returns");
        var approved = Json(await With(merchant, "returns", "approve", toApprove, "--note", "looks fine", "--json"));
        var rejected = Json(await With(merchant, "returns", "reject", toReject, "--reason", "outside policy", "--json"));
        var cancelled = Json(await With(merchant, "returns", "cancel", toCancel, "--reason", "customer kept it", "--json"));
        var noReason = await With(merchant, "returns", "reject", toReject);

        Assert.Equal(3, inReview.GetArrayLength());
        Assert.Equal("RETURN_STATUS_LABEL_ISSUED", approved.GetProperty("status").GetString());
        Assert.Equal("RETURN_STATUS_REJECTED", rejected.GetProperty("status").GetString());
        Assert.Equal("RETURN_STATUS_CANCELLED", cancelled.GetProperty("status").GetString());
        Assert.Equal(2, noReason.ExitCode);

        var centre = approved.GetProperty("destinationFulfillmentCenterId").GetString()!;
        var key = Json(await With(SiloFixture.OperatorKey, "keys", "create", "--role", "Handheld", "--center", centre, "--json")).GetProperty("secret").GetString()!;
        var problem = Json(await With(key, "handheld", "exception", toApprove, "--problem", "empty-box", "--notes", "nothing inside", "--device", "HH-1", "--json"));
        var noNote = await With(merchant, "returns", "resolve-exception", toApprove, "--resolution", "close");
        var closed = Json(await With(merchant, "returns", "resolve-exception", toApprove, "--resolution", "close", "--note", "nothing to refund", "--json"));

        Assert.Equal("RETURN_STATUS_EXCEPTION", problem.GetProperty("status").GetString());
        Assert.Equal(5, noNote.ExitCode);
        Assert.Equal("RETURN_STATUS_CLOSED", closed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Returns_list_pages_with_filters_and_a_return_comes_from_a_request_file()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var request = Support.Returns.NewReturn(customer: "cust-file");
        request.RequestId = "";
        var file = Path.Combine(_rlctl.Home, "request.json");
        await File.WriteAllTextAsync(file, Google.Protobuf.JsonFormatter.Default.Format(request));
        var fromFile = Json(await With(merchant, "returns", "create", "--file", file, "--json"));
        Json(await With(merchant, [.. OneLine, "--json"]));
        Json(await With(merchant, [.. OneLine, "--json"]));

        var first = await With(merchant, "returns", "list", "--customer", "cust-9", "--page-size", "1");
        var hint = first.OutputLines[^1];
        var token = hint[(hint.IndexOf("--page-token ", StringComparison.Ordinal) + "--page-token ".Length)..];
        var second = Json(await With(merchant, "returns", "list", "--customer", "cust-9", "--page-size", "1", "--page-token", token, "--json"));
        var byOrder = Json(await With(merchant, "returns", "list", "--order", "SO-1001", "--created-after", "2000-01-01", "--json")).GetProperty("returns");
        var mixed = await With(merchant, "returns", "create", "--file", file, "--sku", "X");

        Assert.Equal("cust-file", fromFile.GetProperty("customerReference").GetString());
        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("More: rlctl returns list --customer cust-9 --page-size 1 --page-token ", hint);
        Assert.DoesNotContain(merchant, first.Output);
        Assert.Equal(1, second.GetProperty("returns").GetArrayLength());
        Assert.False(second.TryGetProperty("nextPageToken", out _));
        Assert.Equal([fromFile.GetProperty("returnId").GetString()], byOrder.EnumerateArray().Select(r => r.GetProperty("returnId").GetString()));
        Assert.Equal(2, mixed.ExitCode);
    }

    public void Dispose() => _rlctl.Dispose();
}
