using Quartz;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Pickups;
using ReverseLogistics.Silo.Sweeps;
using ReverseLogistics.Storage.Sqlite;

namespace ReverseLogistics.Silo.Scheduling;

public static class SchedulerServiceExtensions
{
    /// <summary>
    /// Quartz with a persistent job store whose schema our migrations own (Quartz only validates it):
    /// embedded, a SQLite file of its own, not clustered; cluster mode, the shared PostgreSQL database,
    /// clustered with generated instance ids. Register after the store, so its migrations run first.
    /// </summary>
    public static IServiceCollection AddPlatformScheduler(this IServiceCollection services, SiloOptions options)
    {
        services.AddSingleton<DueIndexSweep>();
        services.AddSingleton<ReturnTimerSweeps>();
        services.AddSingleton<PickupSweeps>();
        services.AddSingleton<OrphanedBookingSweeps>();
        services.AddSingleton<PickupSchedules>();
        services.AddSingleton<PickupScheduleTriggers>();
        services.AddHostedService<SchedulerStartup>();
        // A named scheduler: the clock it is given stays its own. The default scheduler would register that clock as the
        // container's TimeProvider, which Orleans' membership also runs on; tests move the platform's clock hours ahead.
        services.AddQuartz(PlatformScheduler.Name, quartz => ConfigureQuartz(quartz, options));
        services.AddSingleton(provider => provider.GetRequiredKeyedService<ISchedulerFactory>(PlatformScheduler.Name));
        // Stopping waits for running jobs, and Quartz stops before the silo and the store are disposed.
        // The scheduler starts before the node listens, so the first health report already sees it running.
        services.AddQuartzHostedService(hosted =>
        {
            hosted.WaitForJobsToComplete = true;
            hosted.AwaitApplicationStarted = false;
        });
        return services;
    }

    /// <summary>The scheduler itself: name, clock, threads and the job store the options choose.</summary>
    public static void ConfigureQuartz(IQuartzBuilder quartz, SiloOptions options)
    {
        quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = PlatformScheduler.Name);
        quartz.UseTimeProvider(options.Clock);
        quartz.UseDefaultThreadPool(4);
        quartz.UsePersistentStore(store =>
        {
            store.ConfigureStore(jobStore =>
            {
                jobStore.TablePrefix = PlatformScheduler.TablePrefix;
                jobStore.SchemaProvisioning = SchemaProvisioning.Validate;
            });
            store.UseSystemTextJsonSerializer();
            if (options.Store == StoreKind.Postgres)
            {
                store.UsePostgres(options.PostgresConnectionString!);
                store.UseClustering();
            }
            else
            {
                store.UseSqlite(SqliteSchedulerDatabase.ConnectionString(options.DataDirectory));
            }
        });
    }
}
