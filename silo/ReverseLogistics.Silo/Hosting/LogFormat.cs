namespace ReverseLogistics.Silo.Hosting;

public enum LogFormat
{
    /// <summary>Human-readable lines (the default).</summary>
    Simple,
    /// <summary>One JSON object per line, for log shippers.</summary>
    Json,
}
