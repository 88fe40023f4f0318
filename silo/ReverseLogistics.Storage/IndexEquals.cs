namespace ReverseLogistics.Storage;

/// <summary>Some value of the actor under <see cref="IndexCondition.Name"/> equals <see cref="Value"/>.</summary>
public sealed record IndexEquals(string Name, string Value) : IndexCondition(Name);
