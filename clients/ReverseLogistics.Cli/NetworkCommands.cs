using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl network: fulfilment centres, tenant contracts and routing previews.</summary>
public static class NetworkCommands
{
    public static Command Create() => new("network", "The 3PL's fulfilment network")
    {
        new Command("centres", "Fulfilment centres") { CreateCentreCommand(), ListCentresCommand() },
        new Command("contract", "Which centres serve a merchant") { SetContractCommand() },
        RouteCommand(),
    };

    private static Command CreateCentreCommand()
    {
        var id = new Argument<string>("centre-id") { Description = "e.g. FC-RNO-1" };
        var name = new Option<string>("--name") { Required = true };
        var address = new Option<string[]>("--address") { Description = "Street lines (1-4)", Required = true, AllowMultipleArgumentsPerToken = true };
        var city = new Option<string>("--city") { Required = true };
        var postalCode = new Option<string>("--postal-code") { Required = true };
        var country = new Option<string>("--country") { Description = "ISO 3166-1 alpha-2", Required = true };
        var latitude = new Option<double>("--lat") { Required = true };
        var longitude = new Option<double>("--lon") { Required = true };
        var timeZone = new Option<string>("--time-zone") { Description = "IANA id, e.g. America/Los_Angeles", Required = true };
        var capacity = new Option<int>("--capacity") { Description = "Units received per day", Required = true };
        var categories = new Option<string[]>("--category") { Description = "Accepted categories (default: every one)" };
        var services = new Option<CenterService[]>("--service") { Description = "Grading, Refurbishment, Hazmat, Liquidation" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("create", "Add a fulfilment centre")
        {
            id, name, address, city, postalCode, country, latitude, longitude, timeZone, capacity, categories, services, requestId,
        };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var centre = new FulfillmentCenter
            {
                FulfillmentCenterId = result.GetValue(id)!,
                Name = result.GetValue(name)!,
                AddressLines = { result.GetValue(address)! },
                City = result.GetValue(city)!,
                PostalCode = result.GetValue(postalCode)!,
                CountryCode = result.GetValue(country)!,
                Location = new GeoLocation { Latitude = result.GetValue(latitude), Longitude = result.GetValue(longitude) },
                TimeZone = result.GetValue(timeZone)!,
                DailyCapacity = result.GetValue(capacity),
                CategoriesAccepted = { result.GetValue(categories) ?? [] },
                Services = { result.GetValue(services) ?? [] },
            };
            connection.Output.Message(await connection.Client.Network.CreateFulfillmentCenterAsync(
                new CreateFulfillmentCenterRequest { RequestId = result.GetValue(requestId)!, FulfillmentCenter = centre }, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command ListCentresCommand()
    {
        var command = new Command("list", "List every centre, with its expected load");
        RlctlCommand.Runs(async (connection, _, cancellationToken) =>
        {
            var all = new ListFulfillmentCentersResponse();
            do
            {
                var page = await connection.Client.Network.ListFulfillmentCentersAsync(new ListFulfillmentCentersRequest { PageToken = all.NextPageToken },
                    connection.Call(cancellationToken));
                all.FulfillmentCenters.AddRange(page.FulfillmentCenters);
                all.NextPageToken = page.NextPageToken;
            } while (all.NextPageToken.Length > 0);
            connection.Output.List(all, all.FulfillmentCenters,
                ("centre", c => c.FulfillmentCenterId), ("name", c => c.Name), ("city", c => $"{c.City}, {c.CountryCode}"),
                ("status", c => c.Status.ToString()), ("capacity/day", c => c.DailyCapacity.ToString()),
                ("expected", c => string.Join(", ", c.Load.Select(l => $"{l.Day}: {l.ExpectedUnits}"))));
        })(command);
        return command;
    }

    private static Command SetContractCommand()
    {
        var tenantId = new Argument<string>("tenant-id");
        var centres = new Argument<string[]>("centre-ids") { Description = "Most preferred first", Arity = ArgumentArity.OneOrMore };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("set", "Set the centres that serve a merchant") { tenantId, centres, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
            connection.Output.Message(await connection.Client.Network.SetTenantContractAsync(new SetTenantContractRequest
            {
                RequestId = result.GetValue(requestId)!,
                Contract = new TenantContract { TenantId = result.GetValue(tenantId)!, FulfillmentCenterIds = { result.GetValue(centres)! } },
            }, connection.Call(cancellationToken))))(command);
        return command;
    }

    private static Command RouteCommand()
    {
        var tenantId = new Argument<string>("tenant-id");
        var returnId = new Argument<string>("return-id");
        var command = new Command("route", "Preview where a merchant's return would be routed now, and why") { tenantId, returnId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var routing = await connection.Client.Network.RouteReturnAsync(
                new RouteReturnRequest { TenantId = result.GetValue(tenantId)!, ReturnId = result.GetValue(returnId)! }, connection.Call(cancellationToken));
            connection.Output.List(routing, routing.Candidates,
                ("centre", c => c.FulfillmentCenterId), ("eligible", c => c.Eligible ? "yes" : "no"),
                ("score", c => c.Score?.Total.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                ("km", c => c.HasDistanceKm ? c.DistanceKm.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : ""),
                ("why not", c => c.RejectionMessage));
            connection.Output.Line(routing.Explanation);
        })(command);
        return command;
    }
}
