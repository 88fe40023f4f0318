using Orleans.Runtime;

namespace ReverseLogistics.Silo.Errors;

/// <summary>Orleans' failures that a retry can cure: the target silo died, left or did not answer while membership settled.</summary>
public static class ClusterFaults
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        OrleansMessageRejectionException or SiloUnavailableException => true,
        TimeoutException => true,
        OrleansException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
