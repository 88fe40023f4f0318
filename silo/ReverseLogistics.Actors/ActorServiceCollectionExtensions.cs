using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ReverseLogistics.Actors;

public static class ActorServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="ActorRuntime"/> singleton (and <see cref="TimeProvider.System"/> unless a clock is registered). IActorStore and logging come from elsewhere.</summary>
    public static IServiceCollection AddActorRuntime(this IServiceCollection services, Action<ActorRuntimeOptions>? configure = null)
    {
        var options = new ActorRuntimeOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<ActorRuntime>();
        return services;
    }
}
