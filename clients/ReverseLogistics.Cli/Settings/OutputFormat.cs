namespace ReverseLogistics.Cli.Settings;

public enum OutputFormat { Table, Json }
