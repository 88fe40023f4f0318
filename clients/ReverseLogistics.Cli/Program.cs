using ReverseLogistics.Cli;

return await RlctlCommand.InvokeAsync(args);
