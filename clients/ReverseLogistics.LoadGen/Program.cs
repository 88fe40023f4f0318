using ReverseLogistics.LoadGen;

return await LoadGenCommand.Create().Parse(args).InvokeAsync();
