using System.CommandLine;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl returns create: a one-line return from flags, or any CreateReturnRequest from a file.</summary>
public static class ReturnCreateCommand
{
    public static Command Create()
    {
        var file = new Option<string?>("--file") { Description = "A whole CreateReturnRequest in the API's JSON mapping (or YAML: .yaml, .yml); then no other flag" };
        var customer = new Option<string?>("--customer") { Description = "The customer's reference" };
        var name = new Option<string?>("--name") { Description = "The customer's name" };
        var street = new Option<string?>("--street") { Description = "The customer's address: street line" };
        var city = new Option<string?>("--city");
        var postalCode = new Option<string?>("--postal-code");
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2" };
        var order = new Option<string?>("--order") { Description = "The order's reference" };
        var sku = new Option<string?>("--sku");
        var category = new Option<string?>("--category");
        var price = new Option<long?>("--price") { Description = "Unit price in minor units (12900 for 129.00)" };
        var currency = new Option<string?>("--currency") { Description = "ISO 4217, e.g. USD" };
        var quantity = new Option<int>("--quantity") { Description = "Units returned (default 1; also the units bought)", DefaultValueFactory = _ => 1 };
        var reason = new Option<string?>("--reason") { Description = "One of the policy's reason codes" };
        var purchased = new Option<string?>("--purchased") { Description = "Purchase date, YYYY-MM-DD (default today)" };
        var delivered = new Option<string?>("--delivered") { Description = "Delivery date, YYYY-MM-DD (optional; the window counts from it)" };
        var method = Choices.Option<ReturnMethod>("--method", "How the parcel comes back (default carrier-pickup)");
        var resolution = Choices.Option<Resolution>("--resolution", "What the customer wants (default refund-to-original-payment)");
        var requestId = RlctlCommand.RequestId();
        var command = new Command("create", "Create a return: one line from flags, or a whole request with --file")
        {
            file, customer, name, street, city, postalCode, country, order, sku, category, price, currency, quantity, reason, purchased, delivered,
            method, resolution, requestId,
        };
        Option[] lineFlags = [customer, name, street, city, postalCode, country, order, sku, category, price, currency, quantity, reason, purchased, delivered, method, resolution];
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            CreateReturnRequest request;
            if (result.GetValue(file) is { } path)
            {
                if (lineFlags.Any(f => result.GetResult(f) is { Implicit: false }))
                    throw new CliUsageException("--file holds the whole request: leave out the flags that describe the return.");
                request = MessageFile.Read<CreateReturnRequest>(path);
                // The file's own request id, unless --request-id says otherwise.
                if (request.RequestId.Length == 0 || result.GetResult(requestId) is { Implicit: false }) request.RequestId = result.GetValue(requestId)!;
            }
            else
            {
                string Required(Option<string?> option) =>
                    result.GetValue(option) is { Length: > 0 } value ? value : throw new CliUsageException($"{option.Name} is required (or give the whole request with --file).");
                var line = new ReturnLineInput
                {
                    OrderReference = Required(order), Sku = Required(sku), Category = result.GetValue(category) ?? "",
                    Quantity = result.GetValue(quantity), PurchasedQuantity = result.GetValue(quantity),
                    UnitPrice = new Money
                    {
                        MinorUnits = result.GetValue(price) ?? throw new CliUsageException("--price is required (or give the whole request with --file)."),
                        CurrencyCode = Required(currency),
                    },
                    PurchasedAt = result.GetValue(purchased) is { } day ? Times.Parse(day, "--purchased")
                        : Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow.Date),
                    ReasonCode = Required(reason),
                };
                if (result.GetValue(delivered) is { } deliveredDay) line.DeliveredAt = Times.Parse(deliveredDay, "--delivered");
                request = new CreateReturnRequest
                {
                    RequestId = result.GetValue(requestId)!,
                    CustomerReference = Required(customer),
                    CustomerAddress = new Address
                    {
                        Name = result.GetValue(name) ?? "", Line1 = Required(street), City = Required(city),
                        PostalCode = result.GetValue(postalCode) ?? "", CountryCode = Required(country),
                    },
                    Lines = { line },
                    ReturnMethod = result.GetValue(method) is var m and not ReturnMethod.Unspecified ? m : ReturnMethod.CarrierPickup,
                    RequestedResolution = result.GetValue(resolution) is var r and not Resolution.Unspecified ? r : Resolution.RefundToOriginalPayment,
                };
            }
            var created = await connection.Client.Returns.CreateReturnAsync(request, connection.Call(cancellationToken));
            connection.Output.Message(created);
            connection.Output.Line($"Return {created.ReturnId}: {Choices.Kebab(created.Status.ToString())} ({created.Decision?.Kind.ToString() ?? "no decision"})");
        })(command);
        return command;
    }
}
