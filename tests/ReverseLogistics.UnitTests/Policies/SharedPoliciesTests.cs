using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Grains.Policies;

namespace ReverseLogistics.UnitTests.Policies;

public sealed class SharedPoliciesTests
{
    [Fact]
    public void Equal_policies_loaded_apart_become_one_instance_and_a_different_one_stays_itself()
    {
        var shared = new SharedPolicies();
        var first = ReturnPolicy.Default with { WindowDays = 45 };
        var equal = ReturnPolicy.Default with { WindowDays = 45 };
        var different = ReturnPolicy.Default with { WindowDays = 60 };

        Assert.Same(first, shared.Share(first));
        Assert.Same(first, shared.Share(equal));
        Assert.Same(different, shared.Share(different));
    }
}
