using System.CommandLine;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>rlctl returns label: an approved return's label written to a file (never over one, unless --force).</summary>
public static class ReturnLabelCommand
{
    public static Command Create()
    {
        var returnId = new Argument<string>("return-id");
        var format = Choices.Option<LabelFormat>("--format", "ZPL for label printers, PNG or PDF for people (default pdf)");
        var path = new Option<string>("--out") { Description = "The file to write the label to", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists" };
        var command = new Command("label", "Write an approved return's label to a file") { returnId, format, path, force };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var file = result.GetValue(path)!;
            var overwrite = result.GetValue(force);
            if (!overwrite && File.Exists(file)) throw Exists(file);
            var label = await connection.Client.Returns.GetReturnLabelAsync(
                new GetReturnLabelRequest { ReturnId = result.GetValue(returnId)!, Format = result.GetValue(format) }, connection.Call(cancellationToken));
            try
            {
                // CreateNew: a file that appeared during the call is not overwritten either.
                using var stream = new FileStream(file, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write);
                label.Content.WriteTo(stream);
            }
            catch (IOException) when (!overwrite && File.Exists(file))
            {
                throw Exists(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"Cannot write {file}: {e.Message}");
            }
            var written = new ReturnLabel(label) { Content = Google.Protobuf.ByteString.Empty };
            if (connection.Output.IsJson)
                connection.Output.Json(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("returnId", label.ReturnId);
                    json.WriteString("format", ProtoEnum.Name(label.Format));
                    json.WriteString("contentType", label.ContentType);
                    json.WriteNumber("bytes", label.Content.Length);
                    json.WriteString("path", Path.GetFullPath(file));
                    json.WriteString("trackingNumber", label.TrackingNumber);
                    json.WriteString("destinationFulfillmentCenterId", label.DestinationFulfillmentCenterId);
                    json.WriteEndObject();
                });
            else
            {
                connection.Output.Message(written);
                connection.Output.Line($"Wrote {label.Content.Length} bytes ({label.ContentType}) to {file}");
            }
        })(command);
        return command;
    }

    private static CliUsageException Exists(string file) => new($"{file} exists; pass --force to overwrite it.");
}
