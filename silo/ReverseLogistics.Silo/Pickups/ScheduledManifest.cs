namespace ReverseLogistics.Silo.Pickups;

/// <summary>What one fire of a pickup schedule did: the occurrence's manifest, and whether this fire built it.</summary>
public sealed record ScheduledManifest(string ScheduleId, string ManifestId, DateTime CutoffUtc, bool Built);
