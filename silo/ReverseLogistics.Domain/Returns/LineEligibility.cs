namespace ReverseLogistics.Domain.Returns;

/// <summary>Whether one requested line may be returned; <see cref="Deadline"/> is the last UTC date of its window.</summary>
public sealed record LineEligibility(int LineIndex, DateOnly Deadline, IReadOnlyList<Ineligibility> Problems)
{
    public bool Eligible => Problems.Count == 0;
}
