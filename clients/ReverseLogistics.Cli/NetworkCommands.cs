using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl network: fulfilment centres, carriers, tenant contracts, routing previews and reroutes.</summary>
public static class NetworkCommands
{
    public static Command Create() => new("network", "The 3PL's fulfilment network: centres, carriers, contracts, routing")
    {
        new Command("centres", "Fulfilment centres") {
            CreateCentreCommand(), ListCentresCommand(), GetCentreCommand(),
            CentreStatusCommand("pause", CenterStatus.Paused, "Stop routing new returns to a centre (its bookings stay)"),
            CentreStatusCommand("resume", CenterStatus.Active, "Route new returns to a paused centre again"),
        },
        NetworkCarrierCommands.Create(),
        new Command("contract", "Which centres serve a merchant") { SetContractCommand(), GetContractCommand() },
        RouteCommand(),
        RerouteCommand(),
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

    private static Command GetCentreCommand()
    {
        var id = new Argument<string>("centre-id");
        var command = new Command("get", "One centre with its hours, services and expected load") { id };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
            connection.Output.Message(await connection.Client.Network.GetFulfillmentCenterAsync(
                new GetFulfillmentCenterRequest { FulfillmentCenterId = result.GetValue(id)! }, connection.Call(cancellationToken))))(command);
        return command;
    }

    /// <summary>The centre as it is, with another status: UpdateFulfillmentCenter replaces the whole definition.</summary>
    private static Command CentreStatusCommand(string verb, CenterStatus status, string description)
    {
        var id = new Argument<string>("centre-id");
        var requestId = RlctlCommand.RequestId();
        var command = new Command(verb, description) { id, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var centre = await connection.Client.Network.GetFulfillmentCenterAsync(
                new GetFulfillmentCenterRequest { FulfillmentCenterId = result.GetValue(id)! }, connection.Call(cancellationToken));
            centre.Status = status;
            centre.Load.Clear(); // output only
            connection.Output.Message(await connection.Client.Network.UpdateFulfillmentCenterAsync(
                new UpdateFulfillmentCenterRequest { RequestId = result.GetValue(requestId)!, FulfillmentCenter = centre }, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command GetContractCommand()
    {
        var tenantId = new Argument<string>("tenant-id");
        var command = new Command("get", "The centres that serve a merchant, most preferred first") { tenantId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
            connection.Output.Message(await connection.Client.Network.GetTenantContractAsync(
                new GetTenantContractRequest { TenantId = result.GetValue(tenantId)! }, connection.Call(cancellationToken))))(command);
        return command;
    }

    private static Command RouteCommand()
    {
        var tenantId = new Argument<string>("tenant-id");
        var returnId = new Argument<string?>("return-id") { Description = "One of the merchant's returns; or leave it out and describe one with --country etc.", Arity = ArgumentArity.ZeroOrOne };
        var country = new Option<string?>("--country") { Description = "Ad hoc: the customer's country (ISO 3166-1 alpha-2)" };
        var postalCode = new Option<string>("--postal-code") { DefaultValueFactory = _ => "" };
        var latitude = new Option<double?>("--lat");
        var longitude = new Option<double?>("--lon");
        var categories = new Option<string[]>("--category") { Description = "Categories of the return's lines; repeatable" };
        var services = Choices.Many<CenterService>("--service", "Services needed beyond the contract's; repeatable");
        var method = Choices.Option<ReturnMethod>("--method", "How the parcel comes back (default carrier-pickup)");
        var arrival = new Option<string>("--arrival-day") { Description = "YYYY-MM-DD (default: today plus the transit estimate)", DefaultValueFactory = _ => "" };
        var command = new Command("route", "Preview where a merchant's return (or an ad-hoc one) would be routed now, and why")
        {
            tenantId, returnId, country, postalCode, latitude, longitude, categories, services, method, arrival,
        };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var request = new RouteReturnRequest { TenantId = result.GetValue(tenantId)! };
            if (result.GetValue(returnId) is { } id)
            {
                if (result.GetValue(country) is not null) throw new CliUsageException("Give a return id or describe a return with --country, not both.");
                request.ReturnId = id;
            }
            else
            {
                var query = new RoutingQuery
                {
                    CountryCode = result.GetValue(country) ?? throw new CliUsageException("Give a return id, or describe a return with --country (and more)."),
                    PostalCode = result.GetValue(postalCode)!, Categories = { result.GetValue(categories) ?? [] },
                    ServicesNeeded = { result.GetValue(services) ?? [] },
                    ReturnMethod = result.GetValue(method) is var m and not ReturnMethod.Unspecified ? m : ReturnMethod.CarrierPickup, ArrivalDay = result.GetValue(arrival)!,
                };
                if (result.GetValue(latitude) is { } lat && result.GetValue(longitude) is { } lon) query.CustomerLocation = new GeoLocation { Latitude = lat, Longitude = lon };
                request.Query = query;
            }
            var routing = await connection.Client.Network.RouteReturnAsync(request, connection.Call(cancellationToken));
            connection.Output.List(routing, routing.Candidates,
                ("centre", c => c.FulfillmentCenterId), ("eligible", c => c.Eligible ? "yes" : "no"),
                ("score", c => c.Score?.Total.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                ("km", c => c.HasDistanceKm ? c.DistanceKm.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : ""),
                ("carrier", c => c.CarrierId),
                ("why not", c => c.RejectionMessage));
            connection.Output.Line(routing.Explanation);
        })(command);
        return command;
    }

    private static Command RerouteCommand()
    {
        var tenantId = new Argument<string>("tenant-id");
        var returnId = new Argument<string>("return-id");
        var reason = new Option<string>("--reason") { Description = "Why, on the timeline (e.g. \"FC-BER-1 flooded\")", Required = true };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("reroute", "Route an approved return again before its parcel is on the way; its label is reissued") { tenantId, returnId, reason, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var rerouted = await connection.Client.Network.RerouteReturnAsync(new RerouteReturnRequest
            {
                RequestId = result.GetValue(requestId)!, TenantId = result.GetValue(tenantId)!, ReturnId = result.GetValue(returnId)!, Reason = result.GetValue(reason)!,
            }, connection.Call(cancellationToken));
            connection.Output.Message(rerouted);
            if (rerouted.Routing is { } routing) connection.Output.Line($"Routing: {routing.Explanation}");
        })(command);
        return command;
    }
}
