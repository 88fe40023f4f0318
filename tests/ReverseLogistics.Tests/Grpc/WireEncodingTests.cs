using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Protocol;

namespace ReverseLogistics.Tests.Grpc;

public sealed class WireEncodingTests
{
    [Theory]
    [InlineData("1H", 3600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("3S", 3000)]
    [InlineData("250m", 250)]
    [InlineData("1500u", 1.5)]
    [InlineData("2000000n", 2)]
    public void Grpc_timeout_parses_every_unit(string header, double milliseconds)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("123456789S")]
    public void Grpc_timeout_rejects_malformed_values(string header) =>
        Assert.False(GrpcTimeout.TryParse(header, out _));

    [Theory]
    [InlineData(0.0005)]
    [InlineData(250)]
    [InlineData(90_000)]
    [InlineData(86_400_000)]
    public void Grpc_timeout_format_never_shortens_the_deadline(double milliseconds)
    {
        var timeout = TimeSpan.FromMilliseconds(milliseconds);
        var header = GrpcTimeout.Format(timeout);

        Assert.True(header.Length <= 9);
        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.True(parsed >= timeout);
    }

    [Fact]
    public void Grpc_timeout_format_caps_huge_timeouts() =>
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.MaxValue));

    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("50%", "50%25")]
    [InlineData("tab\there", "tab%09here")]
    [InlineData("Größe 退货", "Gr%C3%B6%C3%9Fe %E9%80%80%E8%B4%A7")]
    public void Status_message_percent_encoding_round_trips(string message, string encoded)
    {
        Assert.Equal(encoded, StatusMessageEncoding.Encode(message));
        Assert.Equal(message, StatusMessageEncoding.Decode(encoded));
    }

    [Fact]
    public void Status_message_decoding_keeps_malformed_escapes() =>
        Assert.Equal("100%zz %", StatusMessageEncoding.Decode("100%zz %"));

    [Fact]
    public void Metadata_keys_are_lower_cased_and_binary_keys_need_the_suffix()
    {
        var metadata = new Metadata().Add("X-Trace", "a").Add("x-blob-bin", [1]);

        Assert.Equal("a", metadata.GetValue("x-trace"));
        Assert.Equal([1], metadata.GetBytes("x-blob-bin"));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-blob", [1]));
        Assert.Throws<ArgumentException>(() => metadata.Add("x-text-bin", "a"));
    }

    [Theory]
    [InlineData("grpc-status")]
    [InlineData("bad key")]
    [InlineData("emoji😀")]
    public void Metadata_rejects_reserved_and_invalid_keys(string key) =>
        Assert.Throws<ArgumentException>(() => new Metadata().Add(key, "v"));

    [Fact]
    public void Metadata_ascii_values_must_be_printable() =>
        Assert.Throws<ArgumentException>(() => new Metadata().Add("x-key", "line\nbreak"));

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc-web", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Grpc_content_types_are_recognised(string? contentType, bool expected) =>
        Assert.Equal(expected, GrpcHeaders.IsGrpcContentType(contentType));
}
