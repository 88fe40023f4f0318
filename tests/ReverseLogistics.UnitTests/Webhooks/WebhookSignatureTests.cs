using System.Security.Cryptography;
using System.Text;
using ReverseLogistics.Domain.Webhooks;

namespace ReverseLogistics.UnitTests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"evt_7","type":"return.approved"}""");

    [Fact]
    public void The_header_is_the_time_and_the_hex_hmac_sha256_of_time_dot_body()
    {
        var header = WebhookSignature.Header(Secret, 1_700_000_000, Body);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret),
            Encoding.UTF8.GetBytes("1700000000.").Concat(Body).ToArray()));
        Assert.Equal($"t=1700000000,v1={expected}", header);
    }

    [Fact]
    public void A_signature_verifies_with_its_secret_and_body_only()
    {
        var header = WebhookSignature.Header(Secret, 1_700_000_000, Body);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.True(WebhookSignature.Verify(header, Secret, Body, 1_700_000_100, tolerance));
        Assert.False(WebhookSignature.Verify(header, "whsec_other", Body, 1_700_000_100, tolerance));
        Assert.False(WebhookSignature.Verify(header, Secret, [.. Body, (byte)' '], 1_700_000_100, tolerance));
        Assert.False(WebhookSignature.Verify(header.Replace("t=1700000000", "t=1700000001"), Secret, Body, 1_700_000_100, tolerance));
    }

    [Fact]
    public void A_signature_older_than_the_tolerance_is_refused()
    {
        var header = WebhookSignature.Header(Secret, 1_700_000_000, Body);

        Assert.False(WebhookSignature.Verify(header, Secret, Body, 1_700_000_301, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=x,v1=00")]
    [InlineData("garbage")]
    public void A_malformed_header_does_not_verify(string header) =>
        Assert.False(WebhookSignature.Verify(header, Secret, Body, 1_700_000_000, TimeSpan.FromMinutes(5)));

    [Fact]
    public void Secrets_are_random_and_prefixed()
    {
        var (a, b) = (WebhookSecret.New(), WebhookSecret.New());

        Assert.NotEqual(a, b);
        Assert.StartsWith("whsec_", a);
        Assert.Equal(6 + 43, a.Length);
    }
}
