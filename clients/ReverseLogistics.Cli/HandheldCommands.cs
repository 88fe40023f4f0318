using System.CommandLine;
using System.Globalization;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>
/// rlctl handheld: what a warehouse handheld does, with a handheld key (one fulfilment centre). Every step carries
/// a scan id (a resent one answers as the first time) and the device's name, shown in the return's timeline.
/// </summary>
public static class HandheldCommands
{
    public static Command Create() => new("handheld", "A fulfilment centre's handheld: scan, receive, inspect, dispose (use a handheld key)")
    {
        ScanCommand(), ReceiveCommand(), InspectCommand(), DisposeCommand(), ExceptionCommand(), InventoryCommand(),
    };

    private static Command ScanCommand()
    {
        var barcode = new Argument<string>("barcode") { Description = "A tracking number or an RMA id (rma-...)" };
        var device = new HandheldStep();
        var command = new Command("scan", "Scan a parcel in: the return and what to do next") { barcode };
        device.AddTo(command);
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var (scanId, deviceId) = device.Values(result, connection);
            Print(connection, await connection.Client.Receiving.ScanParcelAsync(
                new ScanParcelRequest { ScanId = scanId, DeviceId = deviceId, Barcode = result.GetValue(barcode)! }, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command ReceiveCommand()
    {
        var returnId = new Argument<string>("return-id");
        var lines = new Option<string[]>("--line") { Description = "LINE:QTY units taken out of the parcel (line index from 0); repeatable", Required = true };
        var unexpected = new Option<string[]>("--unexpected") { Description = "SKU:QTY of an item on none of the return's lines; repeatable" };
        var device = new HandheldStep();
        var command = new Command("receive", "Record the units taken out of a parcel, per line") { returnId, lines, unexpected };
        device.AddTo(command);
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var (scanId, deviceId) = device.Values(result, connection);
            var request = new ReceiveItemsRequest { ScanId = scanId, DeviceId = deviceId, ReturnId = result.GetValue(returnId)! };
            foreach (var (line, quantity) in result.GetValue(lines)!.Select(LineQuantity.Parse))
                request.Items.Add(new ReceivedUnits { LineIndex = line, Quantity = quantity });
            foreach (var item in result.GetValue(unexpected) ?? [])
            {
                var separator = item.LastIndexOf(':');
                if (separator <= 0 || !int.TryParse(item[(separator + 1)..], CultureInfo.InvariantCulture, out var quantity))
                    throw new CliUsageException($"--unexpected '{item}' is not SKU:QTY.");
                request.UnexpectedItems.Add(new UnexpectedItem { Sku = item[..separator], Quantity = quantity });
            }
            Print(connection, await connection.Client.Receiving.ReceiveItemsAsync(request, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command InspectCommand()
    {
        var returnId = new Argument<string>("return-id");
        var line = LineOption();
        var grade = Choices.Option<InspectionGrade>("--grade", "The units' grade", required: true);
        var mismatches = Choices.Many<MismatchFlag>("--mismatch", "What differs from the request; repeatable");
        var notes = new Option<string>("--notes") { DefaultValueFactory = _ => "" };
        var photos = new Option<string[]>("--photo") { Description = "A reference to a photo the device stored; repeatable" };
        var device = new HandheldStep();
        var command = new Command("inspect", "Grade a received line; the last one graded settles the return") { returnId, line, grade, mismatches, notes, photos };
        device.AddTo(command);
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var (scanId, deviceId) = device.Values(result, connection);
            var request = new RecordInspectionRequest
            {
                ScanId = scanId, DeviceId = deviceId, ReturnId = result.GetValue(returnId)!, LineIndex = result.GetValue(line),
                Grade = result.GetValue(grade), Notes = result.GetValue(notes)!,
                Mismatches = { result.GetValue(mismatches) ?? [] }, PhotoReferences = { result.GetValue(photos) ?? [] },
            };
            Print(connection, await connection.Client.Receiving.RecordInspectionAsync(request, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command DisposeCommand()
    {
        var returnId = new Argument<string>("return-id");
        var line = LineOption();
        var disposition = Choices.Option<Disposition>("--disposition", "What becomes of the line's units", required: true);
        var device = new HandheldStep();
        var command = new Command("dispose", "Decide what becomes of an inspected line's units (once per line)") { returnId, line, disposition };
        device.AddTo(command);
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var (scanId, deviceId) = device.Values(result, connection);
            Print(connection, await connection.Client.Receiving.SetDispositionAsync(new SetDispositionRequest
            {
                ScanId = scanId, DeviceId = deviceId, ReturnId = result.GetValue(returnId)!, LineIndex = result.GetValue(line),
                Disposition = result.GetValue(disposition),
            }, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command ExceptionCommand()
    {
        var returnId = new Argument<string>("return-id");
        var problem = Choices.Option<ParcelProblem>("--problem", "What is wrong with the parcel", required: true);
        var notes = new Option<string>("--notes") { DefaultValueFactory = _ => "" };
        var device = new HandheldStep();
        var command = new Command("exception", "Report the parcel as a whole not what it should be: the return goes to exception") { returnId, problem, notes };
        device.AddTo(command);
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var (scanId, deviceId) = device.Values(result, connection);
            Print(connection, await connection.Client.Receiving.ReportExceptionAsync(new ReportExceptionRequest
            {
                ScanId = scanId, DeviceId = deviceId, ReturnId = result.GetValue(returnId)!, Problem = result.GetValue(problem),
                Notes = result.GetValue(notes)!,
            }, connection.Call(cancellationToken)));
        })(command);
        return command;
    }

    private static Command InventoryCommand()
    {
        var tenant = new Option<string>("--tenant") { Description = "Only this merchant's units", DefaultValueFactory = _ => "" };
        var sku = new Option<string>("--sku") { Description = "Only this original or resale SKU", DefaultValueFactory = _ => "" };
        var disposition = Choices.Option<Disposition>("--disposition", "Only units with this disposition");
        var command = new Command("inventory", "The centre's returned units by merchant, SKU, grade and disposition, and its recent arrivals")
        {
            tenant, sku, disposition,
        };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var all = new ListInventoryResponse();
            do
            {
                var page = await connection.Client.Receiving.ListInventoryAsync(new ListInventoryRequest
                {
                    TenantId = result.GetValue(tenant)!, Sku = result.GetValue(sku)!, Disposition = result.GetValue(disposition), PageToken = all.NextPageToken,
                }, connection.Call(cancellationToken));
                all.FulfillmentCenterId = page.FulfillmentCenterId;
                all.Items.AddRange(page.Items);
                all.Arrivals.Clear();
                all.Arrivals.AddRange(page.Arrivals);
                all.NextPageToken = page.NextPageToken;
            } while (all.NextPageToken.Length > 0);
            connection.Output.List(all, all.Items,
                ("merchant", i => i.TenantId), ("sku", i => i.Sku), ("resale sku", i => i.ResaleSku), ("grade", i => Choices.Kebab(i.Grade.ToString())),
                ("disposition", i => Choices.Kebab(i.Disposition.ToString())), ("units", i => i.Quantity.ToString(CultureInfo.InvariantCulture)));
            connection.Output.Line($"Centre {all.FulfillmentCenterId}; parcels in: " +
                (all.Arrivals.Count == 0 ? "none in the last 14 days" : string.Join(", ", all.Arrivals.Select(a => $"{a.Date}: {a.Parcels}"))));
        })(command);
        return command;
    }

    private static Option<int> LineOption() => new("--line") { Description = "The line's index, from 0", Required = true };

    /// <summary>The parcel as the warehouse sees it, then the next step in a line of its own.</summary>
    private static void Print(Connection connection, Parcel parcel)
    {
        connection.Output.Message(parcel);
        connection.Output.Line($"Next: {Choices.Kebab(parcel.NextStep.ToString())}" + (parcel.NextStepDetail.Length > 0 ? $" ({parcel.NextStepDetail})" : ""));
    }
}
