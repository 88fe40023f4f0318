using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>
/// rlctl pickups: a merchant's customer pickups (book, reschedule, cancel, list), and the operators' recurring pickup
/// schedules, the manifests built at cut-offs and carriers' tracking events.
/// </summary>
public static class PickupCommands
{
    public static Command Create()
    {
        var command = Operators();
        foreach (var merchant in MerchantPickupCommands.Create()) command.Subcommands.Add(merchant);
        return command;
    }

    private static Command Operators() => new("pickups", "Carrier pickups: a merchant's bookings (merchant key); schedules, manifests, tracking (operator key)")
    {
        new Command("schedules", "Recurring pickups at centres, drop-off points and stores")
        {
            CreateScheduleCommand(), ListSchedulesCommand(),
            StatusCommand("pause", "Stop a schedule's cut-offs", (pickups, id, requestId, options) =>
                pickups.PausePickupScheduleAsync(new PausePickupScheduleRequest { ScheduleId = id, RequestId = requestId }, options)),
            StatusCommand("resume", "Resume a schedule's cut-offs", (pickups, id, requestId, options) =>
                pickups.ResumePickupScheduleAsync(new ResumePickupScheduleRequest { ScheduleId = id, RequestId = requestId }, options)),
        },
        new Command("manifests", "Manifests built at cut-offs") { ListManifestsCommand(), GetManifestCommand() },
        TrackingCommands.Create(),
    };

    private static Command CreateScheduleCommand()
    {
        var id = new Argument<string>("schedule-id") { Description = "e.g. PDX-DAILY" };
        var carrier = new Option<string>("--carrier") { Required = true };
        var location = new Option<string>("--location") { Description = "The location's id, e.g. a centre id", Required = true };
        var kind = new Option<PickupLocationKind>("--kind") { Description = "FulfillmentCenter, DropOffPoint or Store", Required = true };
        var name = new Option<string>("--name") { DefaultValueFactory = _ => "" };
        var address = new Option<string[]>("--address") { Description = "Street lines", Required = true, AllowMultipleArgumentsPerToken = true };
        var city = new Option<string>("--city") { Required = true };
        var postalCode = new Option<string>("--postal-code") { DefaultValueFactory = _ => "" };
        var country = new Option<string>("--country") { Description = "ISO 3166-1 alpha-2", Required = true };
        var timeZone = new Option<string>("--time-zone") { Description = "IANA id; the cron is read in it", Required = true };
        var cron = new Option<string>("--cron") { Description = "Quartz cron of the cut-offs, e.g. \"0 0 15 ? * MON-FRI\"", Required = true };
        var after = new Option<int>("--pickup-after") { Description = "Minutes from cut-off to the carrier's arrival (default 60)" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("create", "Define a recurring pickup")
        {
            id, carrier, location, kind, name, address, city, postalCode, country, timeZone, cron, after, requestId,
        };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var schedule = new PickupSchedule
            {
                ScheduleId = result.GetValue(id)!,
                CarrierId = result.GetValue(carrier)!,
                Location = new PickupLocation
                {
                    LocationId = result.GetValue(location)!, Kind = result.GetValue(kind), Name = result.GetValue(name)!,
                    AddressLines = { result.GetValue(address)! }, City = result.GetValue(city)!, PostalCode = result.GetValue(postalCode)!,
                    CountryCode = result.GetValue(country)!, TimeZone = result.GetValue(timeZone)!,
                },
                CronExpression = result.GetValue(cron)!,
                CutoffMinutes = result.GetValue(after),
            };
            connection.Output.Message(await connection.Client.Pickups.CreatePickupScheduleAsync(
                new CreatePickupScheduleRequest { RequestId = result.GetValue(requestId)!, Schedule = schedule }, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command ListSchedulesCommand()
    {
        var command = new Command("list", "List every schedule with its next cut-off");
        RlctlCommand.Runs(async (connection, _, cancellationToken) =>
        {
            var all = new ListPickupSchedulesResponse();
            do
            {
                var page = await connection.Client.Pickups.ListPickupSchedulesAsync(new ListPickupSchedulesRequest { PageToken = all.NextPageToken }, connection.Call(cancellationToken));
                all.Schedules.AddRange(page.Schedules);
                all.NextPageToken = page.NextPageToken;
            } while (all.NextPageToken.Length > 0);
            connection.Output.List(all, all.Schedules,
                ("schedule", s => s.ScheduleId), ("carrier", s => s.CarrierId), ("location", s => s.Location.LocationId),
                ("cron", s => $"{s.CronExpression} ({s.Location.TimeZone})"), ("status", s => s.Status.ToString()),
                ("next cut-off", s => s.NextCutoffTime?.ToDateTimeOffset().ToString("u") ?? ""));
        })(command);
        return command;
    }

    /// <summary>A command that changes a schedule's status with <paramref name="call"/>(client, schedule id, request id, options).</summary>
    private static Command StatusCommand(string verb, string description,
        Func<PickupService.PickupServiceClient, string, string, CallOptions, AsyncUnaryCall<PickupSchedule>> call)
    {
        var id = new Argument<string>("schedule-id");
        var requestId = RlctlCommand.RequestId();
        var command = new Command(verb, description) { id, requestId };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            connection.Output.Message(await call(connection.Client.Pickups, result.GetValue(id)!, result.GetValue(requestId)!,
                connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command ListManifestsCommand()
    {
        var carrier = new Option<string>("--carrier") { Description = "Only this carrier's manifests", DefaultValueFactory = _ => "" };
        var command = new Command("list", "List the manifests built so far") { carrier };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var all = new ListManifestsResponse();
            do
            {
                var page = await connection.Client.Pickups.ListManifestsAsync(
                    new ListManifestsRequest { CarrierId = result.GetValue(carrier)!, PageToken = all.NextPageToken }, connection.Call(cancellationToken));
                all.Manifests.AddRange(page.Manifests);
                all.NextPageToken = page.NextPageToken;
            } while (all.NextPageToken.Length > 0);
            connection.Output.List(all, all.Manifests,
                ("manifest", m => m.ManifestId), ("carrier", m => m.CarrierId),
                ("window", m => $"{m.Window.Date} {m.Window.Starts}-{m.Window.Ends} {m.Window.TimeZone}"),
                ("schedule", m => m.ScheduleId), ("built", m => m.CreateTime.ToDateTimeOffset().ToString("u")));
        })(command);
        return command;
    }

    private static Command GetManifestCommand()
    {
        var id = new Argument<string>("manifest-id");
        var command = new Command("get", "One manifest with its stops") { id };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
            connection.Output.Message(await connection.Client.Pickups.GetManifestAsync(new GetManifestRequest { ManifestId = result.GetValue(id)! },
                connection.Call(cancellationToken))))(command);
        return command;
    }
}
