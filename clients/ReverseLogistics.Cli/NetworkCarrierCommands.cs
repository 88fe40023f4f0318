using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl network carriers: the carriers, their service areas, prices and weekly pickup windows with capacity.</summary>
public static class NetworkCarrierCommands
{
    public static Command Create() => new("carriers", "Carriers: where they collect, what they cost, when they pick up")
    {
        ListCommand(), GetCommand(), DefineCommand(create: true), DefineCommand(create: false),
    };

    private static Command ListCommand()
    {
        var command = new Command("list", "List every carrier");
        RlctlCommand.Runs(async (connection, _, cancellationToken) =>
        {
            var all = await AllAsync(connection, cancellationToken);
            connection.Output.List(all, all.Carriers,
                ("carrier", c => c.CarrierId), ("name", c => c.Name), ("areas", c => string.Join("; ", c.ServiceAreas.Select(CarrierFlags.Describe))),
                ("methods", c => string.Join(", ", c.ReturnMethods.Select(m => Choices.Kebab(m.ToString())))),
                ("cost/parcel", c => c.CostPerParcel is { } cost ? $"{cost.MinorUnits.ToString(CultureInfo.InvariantCulture)} {cost.CurrencyCode}" : ""),
                ("pickup windows", c => string.Join("; ", c.PickupWindows.Select(CarrierFlags.Describe))));
        })(command);
        return command;
    }

    private static Command GetCommand()
    {
        var id = new Argument<string>("carrier-id");
        var command = new Command("get", "One carrier with its areas, rates and windows") { id };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
            connection.Output.Message(await FindAsync(connection, result.GetValue(id)!, cancellationToken)))(command);
        return command;
    }

    /// <summary>create: a new carrier from the flags; update: the carrier as it is, with what the flags give replaced.</summary>
    private static Command DefineCommand(bool create)
    {
        var id = new Argument<string>("carrier-id") { Description = "2-40 upper-case letters, digits or hyphens, e.g. UPS-US" };
        var name = new Option<string?>("--name") { Required = create };
        var areas = new Option<string[]>("--area") { Description = "Where it collects: COUNTRY or COUNTRY:PREFIX,PREFIX (postal-code prefixes); repeatable" };
        var methods = Choices.Many<ReturnMethod>("--method", "Return methods it serves; repeatable");
        var cost = new Option<long?>("--cost") { Description = "Price per parcel in minor units", Required = create };
        var currency = new Option<string?>("--currency") { Description = "The currency of every price (one for the whole network)", Required = create };
        var rates = new Option<string[]>("--rate") { Description = "A country's own price: COUNTRY:MINOR-UNITS; repeatable" };
        var centres = new Option<string[]>("--centre", "--center") { Description = "A centre it delivers to (none: every centre); repeatable" };
        var windows = new Option<string[]>("--window") { Description = "A weekly pickup window: DAY:HH:MM-HH:MM:CAPACITY, e.g. monday:09:00-12:00:20; repeatable" };
        var labelFormat = Choices.Option<LabelFormat>("--label-format", "Its labels' format (default pdf)");
        var cutoff = new Option<int?>("--cutoff-minutes") { Description = "Minutes before a window when its pickups are fixed and manifested (default 120)" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command(create ? "create" : "update", create
            ? "Add a carrier"
            : "Change a carrier: each flag given replaces that part (a repeated flag replaces the whole list), the rest stays")
        {
            id, name, areas, methods, cost, currency, rates, centres, windows, labelFormat, cutoff, requestId,
        };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var carrierId = result.GetValue(id)!;
            var carrier = create ? new Carrier { CarrierId = carrierId } : await FindAsync(connection, carrierId, cancellationToken);
            if (result.GetValue(name) is { } newName) carrier.Name = newName;
            var priceCurrency = result.GetValue(currency) ?? carrier.CostPerParcel?.CurrencyCode ?? "";
            if (result.GetValue(cost) is { } minorUnits) carrier.CostPerParcel = new Money { MinorUnits = minorUnits, CurrencyCode = priceCurrency };
            else if (result.GetValue(currency) is not null && carrier.CostPerParcel is { } old) old.CurrencyCode = priceCurrency;
            Replace(result, areas, carrier.ServiceAreas, CarrierFlags.Area);
            Replace(result, methods, carrier.ReturnMethods, m => m);
            Replace(result, rates, carrier.CountryRates, r => CarrierFlags.Rate(r, priceCurrency));
            Replace(result, centres, carrier.FulfillmentCenterIds, c => c);
            Replace(result, windows, carrier.PickupWindows, CarrierFlags.Window);
            if (result.GetResult(labelFormat) is not null) carrier.LabelFormat = result.GetValue(labelFormat);
            if (result.GetValue(cutoff) is { } minutes) carrier.PickupCutoffMinutes = minutes;
            var network = connection.Client.Network;
            var options = connection.Call(cancellationToken);
            connection.Output.Message(create
                ? await network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = result.GetValue(requestId)!, Carrier = carrier }, options)
                : await network.UpdateCarrierAsync(new UpdateCarrierRequest { RequestId = result.GetValue(requestId)!, Carrier = carrier }, options));
        })(command);
        return command;
    }

    private static void Replace<TIn, TOut>(ParseResult result, Option<TIn[]> option, Google.Protobuf.Collections.RepeatedField<TOut> field, Func<TIn, TOut> convert)
    {
        if (result.GetResult(option) is null) return;
        field.Clear();
        field.AddRange((result.GetValue(option) ?? []).Select(convert));
    }

    private static async Task<ListCarriersResponse> AllAsync(Connection connection, CancellationToken cancellationToken)
    {
        var all = new ListCarriersResponse();
        do
        {
            var page = await connection.Client.Network.ListCarriersAsync(new ListCarriersRequest { PageToken = all.NextPageToken }, connection.Call(cancellationToken));
            all.Carriers.AddRange(page.Carriers);
            all.NextPageToken = page.NextPageToken;
        } while (all.NextPageToken.Length > 0);
        return all;
    }

    /// <summary>The API has no GetCarrier: the carrier is looked up in the list, and a missing one fails as NOT_FOUND would.</summary>
    private static async Task<Carrier> FindAsync(Connection connection, string carrierId, CancellationToken cancellationToken) =>
        (await AllAsync(connection, cancellationToken)).Carriers.FirstOrDefault(c => c.CarrierId == carrierId)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"There is no carrier '{carrierId}'; `rlctl network carriers list` lists them."));
}
