using ReverseLogistics.Domain.Webhooks;

namespace ReverseLogistics.UnitTests.Webhooks;

public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("https://hooks.example.com/rl")]
    [InlineData("http://203.0.113.7:8080/hooks?x=1")]
    [InlineData("https://[2001:db8::1]/hooks")]
    [InlineData("http://172.32.0.1/")]
    [InlineData("http://100.128.0.1/")]
    public void Public_http_and_https_urls_are_accepted(string url) =>
        Assert.Equal((new Uri(url), (string?)null), WebhookUrl.Check(url, allowPrivate: false));

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("example.com")]
    [InlineData("https://user:pw@example.com/")]
    [InlineData("https://user@example.com/")]
    [InlineData("")]
    public void Other_schemes_relative_urls_and_credentials_are_refused_even_when_private_addresses_are_allowed(string url) =>
        Assert.NotNull(WebhookUrl.Check(url, allowPrivate: true).Problem);

    [Theory]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://LOCALHOST./")]
    [InlineData("http://x.localhost/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://127.1/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://172.16.0.1/")]
    [InlineData("http://172.31.255.255/")]
    [InlineData("http://192.168.0.1/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://224.0.0.1/")]
    [InlineData("http://255.255.255.255/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://[::]/")]
    [InlineData("http://[fc00::1]/")]
    [InlineData("http://[fdff:ffff::1]/")]
    [InlineData("http://[fe80::1%25eth0]/")]
    [InlineData("http://[ff02::1]/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    public void Loopback_private_link_local_and_unique_local_addresses_are_refused_unless_allowed(string url)
    {
        Assert.NotNull(WebhookUrl.Check(url, allowPrivate: false).Problem);
        Assert.Null(WebhookUrl.Check(url, allowPrivate: true).Problem);
    }

    [Fact]
    public void A_url_is_at_most_2048_characters()
    {
        var longest = "https://example.com/" + new string('a', 2048 - 20);

        Assert.Null(WebhookUrl.Check(longest, false).Problem);
        Assert.Equal("at most 2048 characters", WebhookUrl.Check(longest + "a", false).Problem);
    }

    [Theory]
    [InlineData(new byte[] { 8, 8, 8, 8 }, true)]
    [InlineData(new byte[] { 127, 0, 0, 1 }, false)]
    [InlineData(new byte[] { 192, 168, 1, 1 }, false)]
    [InlineData(new byte[] { 1, 2, 3 }, false)]
    public void Addresses_are_judged_by_their_bytes(byte[] address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookAddresses.IsPublic(address));
}
