using Grpc.Core;
using ReverseLogistics.Silo.Observability;

namespace ReverseLogistics.Tests.Observability;

public sealed class PrometheusTextTests
{
    [Fact]
    public void Label_values_escape_backslash_quote_and_line_feed()
    {
        var text = new PrometheusText();
        text.Family("rl_test_total", "counter", "A test \\ family\nwith two lines.");
        text.Sample("rl_test_total", 3, ("path", "C:\\dir \"quoted\"\nnext"));

        Assert.Equal(
            "# HELP rl_test_total A test \\\\ family\\nwith two lines.\n" +
            "# TYPE rl_test_total counter\n" +
            "rl_test_total{path=\"C:\\\\dir \\\"quoted\\\"\\nnext\"} 3\n",
            text.ToString());
        var parsed = MetricsScrape.Parse(text.ToString());
        Assert.Equal(3, parsed.Value("rl_test_total", ("path", "C:\\dir \"quoted\"\nnext")));
    }

    [Fact]
    public void Values_use_the_invariant_culture_and_Prometheus_infinities()
    {
        Assert.Equal("0.25", PrometheusText.FormatValue(0.25));
        Assert.Equal("+Inf", PrometheusText.FormatValue(double.PositiveInfinity));
        Assert.Equal("12345678901", PrometheusText.FormatValue(12345678901));
    }

    [Theory]
    [InlineData(StatusCode.OK, "OK")]
    [InlineData(StatusCode.NotFound, "NOT_FOUND")]
    [InlineData(StatusCode.Unauthenticated, "UNAUTHENTICATED")]
    [InlineData(StatusCode.DeadlineExceeded, "DEADLINE_EXCEEDED")]
    [InlineData(StatusCode.FailedPrecondition, "FAILED_PRECONDITION")]
    public void Status_codes_are_labelled_by_their_canonical_names(StatusCode code, string label) =>
        Assert.Equal(label, GrpcCallMetrics.CodeName(code));

    [Fact]
    public void A_histogram_is_cumulative_and_ends_with_Inf()
    {
        var histogram = new DurationHistogram();
        histogram.Observe(0.002);
        histogram.Observe(0.2);
        histogram.Observe(60);
        var text = new PrometheusText();
        text.Family("rl_test_seconds", "histogram", "Test.");
        histogram.WriteTo(text, "rl_test_seconds", ("method", "m"));

        var parsed = MetricsScrape.Parse(text.ToString());
        Assert.Equal(0, parsed.Value("rl_test_seconds_bucket", ("method", "m"), ("le", "0.001")));
        Assert.Equal(1, parsed.Value("rl_test_seconds_bucket", ("method", "m"), ("le", "0.0025")));
        Assert.Equal(2, parsed.Value("rl_test_seconds_bucket", ("method", "m"), ("le", "0.25")));
        Assert.Equal(2, parsed.Value("rl_test_seconds_bucket", ("method", "m"), ("le", "10")));
        Assert.Equal(3, parsed.Value("rl_test_seconds_bucket", ("method", "m"), ("le", "+Inf")));
        Assert.Equal(3, parsed.Value("rl_test_seconds_count", ("method", "m")));
        Assert.Equal(60.202, parsed.Value("rl_test_seconds_sum", ("method", "m")), precision: 9);
    }
}
