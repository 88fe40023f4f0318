using System.Reflection;
using Google.Protobuf.Reflection;

namespace ReverseLogistics.Cli.Input;

/// <summary>An enum value's name as the API's JSON mapping writes it ("RETURN_STATUS_REFUNDED"), for documents rlctl builds itself.</summary>
public static class ProtoEnum
{
    public static string Name<T>(T value) where T : struct, System.Enum =>
        typeof(T).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();
}
