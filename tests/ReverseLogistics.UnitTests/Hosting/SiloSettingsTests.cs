using Microsoft.Extensions.Configuration;
using Npgsql;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.UnitTests.Hosting;

/// <summary>Settings come from appsettings.json, RL_* variables and flags; bad values are refused with a line naming every spelling.</summary>
public sealed class SiloSettingsTests
{
    private static (SiloOptions? Options, IReadOnlyList<string> Problems) Read(params (string Key, string Value)[] settings) =>
        SiloSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>($"Silo:{s.Key}", s.Value)))
            .Build());

    [Fact]
    public void Nothing_configured_gives_the_embedded_defaults()
    {
        var (options, problems) = Read();

        Assert.Empty(problems);
        Assert.Equal(new SiloOptions().Port, options!.Port);
        Assert.Equal(StoreKind.Sqlite, options.Store);
        Assert.Null(options.AdminPort);
        Assert.Equal(LogFormat.Simple, options.LogFormat);
        Assert.Equal(new RateLimitSettings(200, 400), options.HandheldRateLimit);
    }

    [Fact]
    public void Values_are_read_case_insensitively_where_they_are_names()
    {
        var (options, problems) = Read(("Port", "7171"), ("Store", "Postgres"), ("Postgres", "Host=db;Database=rl"), ("AdminPort", "9464"),
            ("LogFormat", "JSON"), ("Conformance", "true"), ("OtlpEndpoint", "http://127.0.0.1:4317"), ("StoreStartupTimeout", "2.5"),
            ("HandheldRateLimit", "1500"));

        Assert.Empty(problems);
        Assert.Equal(7171, options!.Port);
        Assert.Equal(StoreKind.Postgres, options.Store);
        Assert.Equal(9464, options.AdminPort);
        Assert.Equal(LogFormat.Json, options.LogFormat);
        Assert.True(options.Conformance);
        Assert.Equal(new Uri("http://127.0.0.1:4317"), options.Telemetry.OtlpEndpoint);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.StoreStartupTimeout);
        Assert.Equal(new RateLimitSettings(1500, 3000), options.HandheldRateLimit);
    }

    [Fact]
    public void The_postgres_password_joins_the_connection_string_from_its_own_setting()
    {
        var (options, _) = Read(("Store", "postgres"), ("Postgres", "Host=db;Username=rl;Database=rl"), ("PostgresPassword", "s3cret"));

        var connection = new NpgsqlConnectionStringBuilder(options!.PostgresConnectionString);
        Assert.Equal("s3cret", connection.Password);
        Assert.Equal("db", connection.Host);
        Assert.Null(SiloSettings.PostgresPassword.Flag);
        Assert.Null(SiloSettings.OperatorKey.Flag);
    }

    [Theory]
    [InlineData("Port", "99999", "--port (RL_PORT, Silo:Port): '99999' is not a port number from 0 to 65535.")]
    [InlineData("Port", "-1", "--port (RL_PORT, Silo:Port): '-1' is not a port number from 0 to 65535.")]
    [InlineData("AdminPort", "http", "--admin-port (RL_ADMIN_PORT, Silo:AdminPort): 'http' is not a port number from 0 to 65535.")]
    [InlineData("Store", "mysql", "--store (RL_STORE, Silo:Store): 'mysql' is not sqlite or postgres.")]
    [InlineData("LogFormat", "xml", "--log-format (RL_LOG_FORMAT, Silo:LogFormat): 'xml' is not simple or json.")]
    [InlineData("HandheldRateLimit", "0", "--handheld-rate-limit (RL_HANDHELD_RATE_LIMIT, Silo:HandheldRateLimit): '0' is not a number of calls per second from 1 to 1000000.")]
    [InlineData("Host", "example.org", "--host (RL_HOST, Silo:Host): 'example.org' is not an IP address, 'localhost' or '*'.")]
    [InlineData("OtlpEndpoint", "collector:4317", "--otlp-endpoint (RL_OTLP_ENDPOINT, Silo:OtlpEndpoint): 'collector:4317' is not an http:// or https:// URL.")]
    [InlineData("TlsCertificate", "/no/such/cert.pem", "--tls-cert (RL_TLS_CERT, Silo:TlsCertificate): '/no/such/cert.pem' does not exist.")]
    public void A_bad_value_is_one_line_naming_the_flag_the_variable_and_the_key(string key, string value, string problem)
    {
        var (options, problems) = Read((key, value));

        Assert.Null(options);
        Assert.Equal([problem], problems);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused()
    {
        var (_, problems) = Read(("Store", "postgres"));

        Assert.Equal(["--store postgres needs a connection string: --postgres (RL_POSTGRES, Silo:Postgres)."], problems);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (_, problems) = Read(("Port", "x"), ("Store", "y"));

        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Every_setting_has_its_own_variable_and_flag()
    {
        Assert.Equal(SiloSettings.All.Count, SiloSettings.All.Select(s => s.Variable).Distinct().Count());
        Assert.Equal(SiloSettings.All.Count(s => s.Flag is not null), SiloSettings.All.Select(s => s.Flag).OfType<string>().Distinct().Count());
        Assert.All(SiloSettings.All, s => Assert.StartsWith("RL_", s.Variable));
    }
}
