namespace ReverseLogistics.Domain.Routing;

/// <summary>
/// An eligible centre's normalised terms, each 0..1 with 1 best, and their weighted sum
/// (see <see cref="RoutingWeights"/>).
/// </summary>
public sealed record CandidateScore(double Distance, double Capacity, double Preference, double Cost, double Total);
