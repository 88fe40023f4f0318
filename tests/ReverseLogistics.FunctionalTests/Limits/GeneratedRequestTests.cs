using System.Collections;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using ReverseLogistics.Client;
using ReverseLogistics.Contracts;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Limits;

/// <summary>
/// Absurd requests generated from each method's descriptor (issue: every input bounded and validated): every unary
/// RPC of the public contract, and health, answers each with OK or a clean refusal, as the operator, a merchant and a handheld,
/// never UNKNOWN, INTERNAL, DATA_LOSS, UNAVAILABLE, CANCELLED or a stalled call; and the silo serves afterwards. Valid
/// requests of the main mutations with one field made absurd reach past the first validator into the services.
/// A failure names the seed that reproduces it: set the environment variable CsCheck_Seed to it.
/// </summary>
/// <remarks>
/// A class fixture, so a silo of its own rather than the collection's shared one: the generated requests create centres,
/// carriers and tenants, and once there are centres a tenant without a contract is no longer sent to the default centre,
/// which the tests on the shared silo rely on.
/// </remarks>
public sealed class GeneratedRequestTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private const int IterationsPerMethod = 40;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>What a bounded, validated input never answers: a crash, a lost or refused connection, or a stall.</summary>
    private static readonly StatusCode[] Unclean =
        [StatusCode.Unknown, StatusCode.Internal, StatusCode.DataLoss, StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Cancelled];

    private PlatformClient Client => silo.Client;

    private static IEnumerable<MethodDescriptor> UnaryMethods() =>
        PublicContract.Files.SelectMany(f => f.Services)
            .SelectMany(s => s.Methods)
            .Append(HealthReflection.Descriptor.Services[0].FindMethodByName("Check"))
            .Where(m => m is { IsClientStreaming: false, IsServerStreaming: false });

    [Fact]
    public async Task Every_unary_method_answers_generated_absurd_requests_with_a_clean_status_and_the_silo_keeps_serving()
    {
        // A merchant whose rate limit the generated calls cannot exhaust: RESOURCE_EXHAUSTED would be clean, but would hide the services.
        var merchant = As((await NewMerchantAsync(Client, SiloFixture.OperatorKey, new RateLimit { RequestsPerSecond = 10_000, Burst = 10_000 })).MerchantKey);
        var handheld = await Handhelds.NewHandheldAsync(Client, SiloFixture.OperatorKey); // ReceivingService answers handhelds only
        (string Who, CallOptions Options)[] callers = [("operator", As(SiloFixture.OperatorKey)), ("merchant", merchant), ("handheld", handheld)];
        var failures = new List<string>();

        foreach (var method in UnaryMethods())
        {
            var call = UnaryCall(method);
            try
            {
                await AbsurdRequests.Of(method.InputType).SampleAsync(async request =>
                {
                    foreach (var (who, options) in callers)
                    {
                        var status = await StatusOfAsync(call, request, options);
                        if (Unclean.Contains(status.StatusCode))
                            throw new Xunit.Sdk.XunitException($"{method.FullName} as {who}: {status.StatusCode} \"{Truncate(status.Detail, 300)}\"");
                    }
                }, iter: IterationsPerMethod, print: request => Truncate(request.ToString() ?? "", 2000));
            }
            catch (Exception e)
            {
                failures.Add($"{method.FullName}: {e.InnerException?.Message}\n{e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        await StillServesAsync(merchant);
    }

    [Fact]
    public async Task Valid_requests_with_one_field_made_absurd_get_a_clean_status_and_the_silo_keeps_serving()
    {
        var merchant = As((await NewMerchantAsync(Client, SiloFixture.OperatorKey, new RateLimit { RequestsPerSecond = 10_000, Burst = 10_000 })).MerchantKey);
        var operatorKey = As(SiloFixture.OperatorKey);
        var carrier = Network.NetworkApi.NewPrefix() + "-CAR";
        await Client.Network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = NewRequestId(), Carrier = Network.NetworkApi.CarrierTo(carrier, "US") }, operatorKey);
        var policy = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), merchant);
        // Requests the services accept as they are (each with fresh ids), so an absurd field among them reaches past the first validator.
        (Func<IMessage> Valid, CallOptions Options)[] valid =
        [
            (() => NewReturn(), merchant),
            (() => new CheckEligibilityRequest { CustomerReference = "cust-1", Lines = { Line() } }, merchant),
            (() => new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy.Clone() }, merchant),
            (() => new CreateTenantRequest { RequestId = NewRequestId(), TenantId = "t-" + Network.NetworkApi.NewPrefix().ToLowerInvariant(), DisplayName = "M" }, operatorKey),
            (() => new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = Network.NetworkApi.Centre(Network.NetworkApi.NewPrefix() + "-FC") },
                operatorKey),
            (() => new CreateCarrierRequest { RequestId = NewRequestId(), Carrier = Network.NetworkApi.CarrierTo(Network.NetworkApi.NewPrefix() + "-CAR", "US") },
                operatorKey),
            (() => new CreatePickupScheduleRequest
            {
                RequestId = NewRequestId(),
                Schedule = new PickupSchedule
                {
                    ScheduleId = Network.NetworkApi.NewPrefix() + "-SCH", CarrierId = carrier, CronExpression = "0 0 15 ? * MON-FRI", CutoffMinutes = 90,
                    Location = new PickupLocation
                    {
                        LocationId = "DP-PDX-7", Kind = PickupLocationKind.DropOffPoint, Name = "Corner shop", AddressLines = { "7 Burnside St" },
                        City = "Portland", PostalCode = "97209", CountryCode = "US", TimeZone = "America/Los_Angeles",
                    },
                },
            }, operatorKey),
        ];
        var failures = new List<string>();

        foreach (var (request, options) in valid)
        {
            var method = UnaryMethods().Single(m => m.InputType == request().Descriptor);
            var call = UnaryCall(method);
            try
            {
                await AbsurdRequests.OneFieldOf(request).SampleAsync(async mutated =>
                {
                    var status = await StatusOfAsync(call, mutated, options);
                    if (Unclean.Contains(status.StatusCode))
                        throw new Xunit.Sdk.XunitException($"{method.FullName}: {status.StatusCode} \"{Truncate(status.Detail, 300)}\"");
                }, iter: IterationsPerMethod * 2, print: mutated => Truncate(mutated.ToString() ?? "", 2000));
            }
            catch (Exception e)
            {
                failures.Add($"{method.FullName}: {e.InnerException?.Message}\n{e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        await StillServesAsync(merchant);
    }

    private async Task StillServesAsync(CallOptions merchant)
    {
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        Assert.Equal(created.ReturnId, (await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant)).ReturnId);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await Client.Health.CheckAsync(new HealthCheckRequest())).Status);
    }

    /// <summary>Any unary method, called with the message its descriptor names.</summary>
    private static Method<IMessage, IMessage> UnaryCall(MethodDescriptor method) => new(
        MethodType.Unary, method.Service.FullName, method.Name,
        Marshallers.Create<IMessage>(request => request.ToByteArray(), _ => throw new NotSupportedException("requests are only sent")),
        Marshallers.Create(response => response.ToByteArray(), bytes => method.OutputType.Parser.ParseFrom(bytes)));

    private async Task<Status> StatusOfAsync(Method<IMessage, IMessage> method, IMessage request, CallOptions options)
    {
        try
        {
            await Client.CallInvoker.AsyncUnaryCall(method, null, options.WithDeadline(DateTime.UtcNow + Deadline), request);
            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }

    private static string Truncate(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)] + $"... ({text.Length} characters)";

    /// <summary>
    /// Generators of absurd messages from a descriptor: each field unset or set to an extreme of its type, nested
    /// messages down to <see cref="MaxDepth"/>, repeated and map fields of up to 2000 elements. Elements of a long
    /// list are themselves kept small, so a request stays within a few megabytes.
    /// </summary>
    private static class AbsurdRequests
    {
        private const int MaxDepth = 4;
        private static readonly Dictionary<(MessageDescriptor, int, bool), Gen<IMessage>> Messages = [];

        public static Gen<IMessage> Of(MessageDescriptor type) => Message(type, depth: 0, small: false);

        /// <summary>
        /// Valid requests with one field (at any depth of the messages they hold, in the first element of a list)
        /// set to a generated value.
        /// </summary>
        public static Gen<IMessage> OneFieldOf(Func<IMessage> valid)
        {
            var paths = PathsIn(valid(), []).ToList();
            return Gen.Int[0, paths.Count - 1].SelectMany(i =>
            {
                var path = paths[i];
                return Field(path[^1], path.Count, small: false, unset: 0).Select(set =>
                {
                    var request = valid();
                    set(path.SkipLast(1).Aggregate(request, Inside));
                    return request;
                });
            });
        }

        private static IEnumerable<List<FieldDescriptor>> PathsIn(IMessage message, List<FieldDescriptor> path)
        {
            foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            {
                List<FieldDescriptor> here = [.. path, field];
                yield return here;
                if (field.FieldType != FieldType.Message || field.IsMap || field.MessageType.FullName == Timestamp.Descriptor.FullName) continue;
                var value = field.Accessor.GetValue(message);
                var nested = field.IsRepeated ? ((IList)value).Cast<IMessage>().FirstOrDefault() : (IMessage?)value;
                if (nested is not null) foreach (var deeper in PathsIn(nested, here)) yield return deeper;
            }
        }

        private static IMessage Inside(IMessage message, FieldDescriptor field) =>
            field.IsRepeated ? (IMessage)((IList)field.Accessor.GetValue(message))[0]! : (IMessage)field.Accessor.GetValue(message);

        private static readonly Gen<char> Chars = Gen.OneOf(
            Gen.Char['a', 'z'], Gen.Char['0', '9'], Gen.Char['\0', '\x1f'],
            Gen.Char["\x7f -_./:%'\"\\<>&\u00e9\u00df\u0645\u05d0\u4e2d\u0301\u200b\u202e\ufeff\ufffd\uffff"]);

        private static Gen<string> TextOf(int min, int max) => Chars.Array[min, max].Select(chars => new string(chars));

        /// <summary>
        /// Values near what the services expect, so generated requests also reach past the first validator. (No lone
        /// surrogates: a protobuf string is UTF-8, and the client cannot send one.)
        /// </summary>
        private static readonly Gen<string> Plausible = Gen.OneOf(
            "USD", "US", "usd", "XXX", "JPY", "UTC", "Europe/Berlin", "Mars/Olympus", "0 0 15 ? * MON-FRI", "* * * * * ?", "not a cron",
            "changed_mind", "damaged", "outdoor", "TENT-2P", "FC-1", "PDX", "CARRIER-1", "RL000000000000", "t-merchant", "97201", "972",
            "2026-11-23", "2026-02-30", "09:00", "12:00", "25:99", "MONDAY", "0", "-1", "https://example.com/x.jpg", "\U0001F44D\U0001F3FD",
            "'; DROP TABLE returns; --", "../../etc/passwd", "%s%n{0}");

        private static Gen<string> Text(bool small) => small
            ? Gen.Frequency((1, Gen.Const("")), (3, TextOf(0, 12)), (4, Plausible), (1, TextOf(300, 300)))
            : Gen.Frequency((1, Gen.Const("")), (3, TextOf(0, 12)), (4, Plausible), (1, TextOf(300, 300)), (1, TextOf(1_000, 100_000)));

        private static readonly Gen<int> Int32 = Gen.OneOf(Gen.Int[-10, 10], Gen.OneOf(int.MinValue, int.MaxValue, -1, 99, 1_000_000), Gen.Int);
        private static readonly Gen<long> Int64 = Gen.OneOf(Gen.Long[-10, 10], Gen.OneOf(long.MinValue, long.MaxValue, -1L, int.MaxValue + 1L), Gen.Long);
        private static readonly Gen<double> Double = Gen.OneOf(Gen.Double[-1_000, 1_000],
            Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, double.Epsilon, -0.0), Gen.Double);
        private static Gen<ByteString> Bytes(bool small) =>
            Gen.Byte.Array[0, small ? 16 : 70_000].Select(bytes => ByteString.CopyFrom(bytes));

        /// <summary>Year 0, year 10000, the extremes of a long, around now and the epoch; nanos inside and outside their range.</summary>
        private static readonly Gen<IMessage> Timestamps = Gen.Select(
            Gen.OneOf(Gen.OneOf(long.MinValue, long.MaxValue, -62_167_219_200L, 253_402_300_800L, -1L, 0L), Gen.Long[1_600_000_000, 1_900_000_000], Gen.Long),
            Gen.OneOf(Gen.OneOf(0, -1, 1_000_000_000, int.MinValue, int.MaxValue), Gen.Int[0, 999_999_999]),
            (seconds, nanos) => (IMessage)new Timestamp { Seconds = seconds, Nanos = nanos });

        private static Gen<IMessage> Message(MessageDescriptor type, int depth, bool small)
        {
            if (type.FullName == Timestamp.Descriptor.FullName) return Timestamps;
            if (Messages.TryGetValue((type, depth, small), out var cached)) return cached;

            var setAll = type.Fields.InFieldNumberOrder()
                .Select(field => Field(field, depth, small))
                .Aggregate(Gen.Const<Action<IMessage>>(_ => { }), (all, one) => Gen.Select(all, one, (a, b) => (Action<IMessage>)(m => { a(m); b(m); })));
            var message = setAll.Select(set =>
            {
                var built = type.Parser.ParseFrom(ByteString.Empty);
                set(built);
                return built;
            });
            Messages[(type, depth, small)] = message;
            return message;
        }

        /// <summary>Unset, or set to a generated value; a repeated or map field gets a generated number of them.</summary>
        private static Gen<Action<IMessage>> Field(FieldDescriptor field, int depth, bool small, int unset = 2)
        {
            var leaveUnset = Gen.Const<Action<IMessage>>(_ => { });
            if (field.FieldType == FieldType.Message && depth >= MaxDepth && field.MessageType.FullName != Timestamp.Descriptor.FullName) return leaveUnset;

            Gen<Action<IMessage>> set;
            if (field.IsMap)
            {
                var entry = field.MessageType;
                set = Elements(small, smallElements => Gen.Select(
                        Value(entry.FindFieldByNumber(1), depth + 1, smallElements), Value(entry.FindFieldByNumber(2), depth + 1, smallElements)))
                    .Select(entries => (Action<IMessage>)(m =>
                {
                    var map = (IDictionary)field.Accessor.GetValue(m);
                    foreach (var (key, value) in entries) map[key] = value;
                }));
            }
            else if (field.IsRepeated)
            {
                set = Elements(small, smallElements => Value(field, depth + 1, smallElements))
                    .Select(elements => (Action<IMessage>)(m =>
                    {
                        var list = (IList)field.Accessor.GetValue(m);
                        foreach (var element in elements) list.Add(element);
                    }));
            }
            else
            {
                set = Value(field, depth + 1, small).Select(value => (Action<IMessage>)(m => field.Accessor.SetValue(m, value)));
            }
            return unset == 0 ? set : Gen.Frequency((unset, leaveUnset), (3, set));
        }

        /// <summary>A few elements, or (outside a long list already) a long list of small ones.</summary>
        private static Gen<T[]> Elements<T>(bool small, Func<bool, Gen<T>> element) =>
            small ? element(small).Array[0, 3] : Gen.Frequency((6, element(false).Array[0, 3]), (1, element(true).Array[900, 2_000]));

        /// <summary>A value of the field's type: for an enum, defined values and undefined numbers alike.</summary>
        private static Gen<object> Value(FieldDescriptor field, int depth, bool small) => field.FieldType switch
        {
            FieldType.String => Text(small).Select(object (s) => s),
            FieldType.Bytes => Bytes(small).Select(object (b) => b),
            FieldType.Bool => Gen.Bool.Select(object (b) => b),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Int32.Select(object (i) => i),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Int64.Select(object (l) => l),
            FieldType.UInt32 or FieldType.Fixed32 => Int32.Select(object (i) => unchecked((uint)i)),
            FieldType.UInt64 or FieldType.Fixed64 => Int64.Select(object (l) => unchecked((ulong)l)),
            FieldType.Double => Double.Select(object (d) => d),
            FieldType.Float => Double.Select(object (d) => (float)d),
            FieldType.Enum => Gen.OneOf(Gen.OneOf(field.EnumType.Values.Select(v => v.Number).ToArray()), Gen.OneOf(-1, 99, int.MaxValue, int.MinValue))
                .Select(number => System.Enum.ToObject(field.EnumType.ClrType, number)),
            FieldType.Message => Message(field.MessageType, depth, small).Select(object (m) => m),
            _ => throw new NotSupportedException($"{field.FullName}: {field.FieldType}"),
        };
    }
}
