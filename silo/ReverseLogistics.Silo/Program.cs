using System.CommandLine;
using ReverseLogistics.Silo.Hosting;

// The host handles SIGTERM and Ctrl+C itself and stops gracefully (jobs finish, the store flushes).
return await SiloCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
