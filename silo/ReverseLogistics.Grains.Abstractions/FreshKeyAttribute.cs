namespace ReverseLogistics.Grains;

/// <summary>
/// Marks a grain method that is only called on a key minted for that call (a new return's id), so the grain's record
/// cannot exist yet: a grain whose first call is this one skips reading its record. The commit still checks that the
/// key is unused, so a key that does exist makes the call fail ABORTED rather than overwrite it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class FreshKeyAttribute : Attribute;
