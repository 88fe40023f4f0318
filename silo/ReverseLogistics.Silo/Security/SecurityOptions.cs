namespace ReverseLogistics.Silo.Security;

public sealed record SecurityOptions
{
    /// <summary>An operator key given by the environment (RL_OPERATOR_KEY); used instead of a generated one.</summary>
    public string? OperatorKey { get; init; }
}
