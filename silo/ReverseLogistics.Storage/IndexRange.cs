namespace ReverseLogistics.Storage;

/// <summary>
/// Some value of the actor under <see cref="IndexCondition.Name"/> lies in [<see cref="From"/>,
/// <see cref="To"/>): from inclusive, to exclusive, either open when null (both null: the actor
/// has any value under the name). Values compare ordinally, byte by byte of their UTF-8, so
/// fixed-width ISO-8601 UTC timestamps ("2026-11-22T08:00:00.0000000Z") compare as instants.
/// </summary>
public sealed record IndexRange(string Name, string? From, string? To) : IndexCondition(Name);
