using ReverseLogistics.Cli;

return await RlctlCommand.Create().Parse(args).InvokeAsync();
