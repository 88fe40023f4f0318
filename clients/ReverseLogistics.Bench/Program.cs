using ReverseLogistics.Bench;

return await BenchCommand.Create().Parse(args).InvokeAsync();
