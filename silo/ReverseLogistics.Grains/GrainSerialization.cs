using Orleans.Serialization;
using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Grains;

public static class GrainSerialization
{
    /// <summary>
    /// Domain values (state, requests, results) cross grain calls as JSON with <see cref="DomainJson"/>, the
    /// options their stored form uses, so the domain stays free of Orleans attributes and tolerates added fields
    /// across a rolling upgrade. Records of the grain interfaces use Orleans' generated codecs; domain
    /// exceptions their surrogates (Grains.Abstractions, Errors).
    /// </summary>
    public static ISerializerBuilder AddDomainValues(this ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(isSupported: IsDomainValue, jsonSerializerOptions: DomainJson.Options);

    public static bool IsDomainValue(Type type) =>
        type.Assembly == typeof(Caller).Assembly && !typeof(Exception).IsAssignableFrom(type);
}
