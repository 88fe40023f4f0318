using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Errors;
using ReverseLogistics.Grains.Tenants;

namespace ReverseLogistics.Grains.Tests;

/// <summary>What crosses a grain call to another silo arrives whole: domain values, and domain errors with their kind and fields.</summary>
public sealed class GrainSerializationTests
{
    private readonly Serializer serializer = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(DomainErrorSurrogate).Assembly).AddDomainValues())
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private T RoundTrip<T>(T value) where T : notnull => (T)serializer.Deserialize<object>(serializer.SerializeToArray<object>(value))!;

    [Fact]
    public void Invalid_input_keeps_its_field_violations()
    {
        var sent = new InvalidInputException([new("lines[0].quantity", "at least 1"), new("customer_reference", "required")]);

        var received = Assert.IsType<InvalidInputException>(RoundTrip<Exception>(sent));

        Assert.Equal(sent.Violations, received.Violations);
        Assert.Equal(sent.Message, received.Message);
    }

    [Theory]
    [InlineData(typeof(NotFoundException))]
    [InlineData(typeof(AlreadyExistsException))]
    [InlineData(typeof(PreconditionFailedException))]
    [InlineData(typeof(CapacityExhaustedException))]
    public void Each_domain_error_keeps_its_kind_and_message(Type kind)
    {
        var sent = (Exception)Activator.CreateInstance(kind, "Return 'r-1' is cancelled.")!;

        var received = RoundTrip(sent);

        Assert.IsType(kind, received);
        Assert.Equal("Return 'r-1' is cancelled.", received.Message);
    }

    [Fact]
    public void A_snapshot_carries_the_domain_state_as_it_was()
    {
        var state = new TenantState { DisplayName = "Acme", RateLimit = new RateLimitSettings(10, 20), CreatedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) };
        state.Keys.Add(new ApiKeyState { KeyId = "k1", Role = ApiKeyRole.Merchant, SecretHash = "h", Description = "shop" });

        var received = RoundTrip(new TenantSnapshot("acme", 3, true, state));

        Assert.Equal(("acme", 3L, true), (received.TenantId, received.Version, received.Exists));
        Assert.Equal("Acme", received.State.DisplayName);
        Assert.Equal(new RateLimitSettings(10, 20), received.State.RateLimit);
        Assert.Equal(ApiKeyRole.Merchant, Assert.Single(received.State.Keys).Role);
    }

    [Fact]
    public void Grain_failures_cross_with_their_kind()
    {
        Assert.IsType<StoreUnavailableException>(RoundTrip<Exception>(new StoreUnavailableException("PostgreSQL is down")));
        Assert.IsType<ConcurrentChangeException>(RoundTrip<Exception>(new ConcurrentChangeException("stale")));
    }

    [Fact]
    public void Only_domain_values_go_as_json()
    {
        Assert.True(GrainSerialization.IsDomainValue(typeof(TenantState)));
        Assert.False(GrainSerialization.IsDomainValue(typeof(NotFoundException)));
        Assert.False(GrainSerialization.IsDomainValue(typeof(TenantSnapshot)));
    }
}
