namespace ReverseLogistics.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainCluster>
{
    public const string Name = "grain-cluster";
}
