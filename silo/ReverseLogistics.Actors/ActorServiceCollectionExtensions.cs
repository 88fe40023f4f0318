using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Actors;

public static class ActorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="ActorRuntime"/> singleton. Its clock is <paramref name="clock"/>, or the registered
    /// <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> unless one is). IActorStore and logging come from elsewhere.
    /// </summary>
    public static IServiceCollection AddActorRuntime(this IServiceCollection services, Action<ActorRuntimeOptions>? configure = null,
        Func<IServiceProvider, TimeProvider>? clock = null)
    {
        var options = new ActorRuntimeOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(provider => new ActorRuntime(
            provider.GetRequiredService<IActorStore>(), provider, options,
            clock?.Invoke(provider) ?? provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ActorRuntime>>()));
        return services;
    }
}
