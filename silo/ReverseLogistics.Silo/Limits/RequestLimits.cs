using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Silo.Limits;

/// <summary>
/// Checks a request against <see cref="FieldLimits"/> by walking its descriptor: string and bytes lengths, element
/// counts, defined enum values, timestamps a DateTime holds within the allowed range, money and quantities whose
/// arithmetic cannot overflow. Violations name the field by its path ("lines[2].sku") and never echo the value.
/// </summary>
public static class RequestLimits
{
    private static readonly long EarliestSeconds = Timestamp.FromDateTime(FieldLimits.EarliestTime).Seconds;
    private static readonly long LatestSeconds = Timestamp.FromDateTime(FieldLimits.LatestTime).Seconds;

    public static IReadOnlyList<FieldViolation> Check(IMessage request, DateTime now)
    {
        var violations = new List<FieldViolation>();
        CheckMessage(request, "", now, violations);
        return violations;
    }

    private static void CheckMessage(IMessage message, string path, DateTime now, List<FieldViolation> violations)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = path + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var map = (IDictionary)value;
                RequireCount(field, name, map.Count, violations);
                var entry = field.MessageType;
                foreach (DictionaryEntry pair in map)
                {
                    var key = $"{name}[{Shorten(pair.Key.ToString() ?? "")}]";
                    CheckValue(entry.FindFieldByNumber(1), pair.Key, key, now, violations);
                    CheckValue(entry.FindFieldByNumber(2), pair.Value, key, now, violations);
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)value;
                RequireCount(field, name, list.Count, violations);
                for (var i = 0; i < list.Count && i < FieldLimits.ListCount; i++) CheckValue(field, list[i], $"{name}[{i}]", now, violations);
            }
            else
            {
                CheckValue(field, value, name, now, violations);
            }
        }
    }

    private static void CheckValue(FieldDescriptor field, object? value, string name, DateTime now, List<FieldViolation> violations)
    {
        switch (value)
        {
            case null:
                return;
            case string text when text.Length > FieldLimits.MaxLength(field):
                violations.Add(new(name, $"at most {FieldLimits.MaxLength(field)} characters"));
                return;
            case ByteString bytes when bytes.Length > FieldLimits.BytesLength:
                violations.Add(new(name, $"at most {FieldLimits.BytesLength} bytes"));
                return;
            case Timestamp timestamp:
                CheckTimestamp(field, timestamp, name, now, violations);
                return;
            case IMessage nested:
                CheckMessage(nested, name + ".", now, violations);
                return;
        }
        if (field.FieldType == FieldType.Enum && field.EnumType.FindValueByNumber(Convert.ToInt32(value)) is null)
            violations.Add(new(name, $"not a value of {field.EnumType.Name}"));
        else if (FieldLimits.Range(field) is var (min, max) && Convert.ToInt64(value) is var number && (number < min || number > max))
            violations.Add(new(name, $"between {min} and {max}"));
    }

    private static void CheckTimestamp(FieldDescriptor field, Timestamp timestamp, string name, DateTime now, List<FieldViolation> violations)
    {
        if (timestamp.Nanos is < 0 or > 999_999_999)
            violations.Add(new(name + ".nanos", "between 0 and 999999999"));
        else if (timestamp.Seconds < EarliestSeconds || timestamp.Seconds >= LatestSeconds)
            violations.Add(new(name, $"between {FieldLimits.EarliestTime:yyyy-MM-dd} and {FieldLimits.LatestTime:yyyy-MM-dd} (UTC)"));
        else if (FieldLimits.IsEventTime(field) && timestamp.ToDateTime() > now + FieldLimits.EventClockSkew)
            violations.Add(new(name, $"in the future: at most {FieldLimits.EventClockSkew.TotalHours:0} hours ahead of the platform's clock"));
    }

    private static void RequireCount(FieldDescriptor field, string name, int count, List<FieldViolation> violations)
    {
        if (count > FieldLimits.MaxCount(field)) violations.Add(new(name, $"at most {FieldLimits.MaxCount(field)} elements"));
    }

    private static string Shorten(string key) => key.Length <= 32 ? key : key[..32] + "...";
}
