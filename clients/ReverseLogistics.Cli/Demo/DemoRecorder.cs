using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Demo;

/// <summary>Records a path's steps and prints each as it happens; a step that left the return elsewhere than expected stops the path.</summary>
public sealed class DemoRecorder(DemoPath path, Output output)
{
    public DemoPath Path => path;

    /// <summary>
    /// Records <paramref name="action"/>: it must have left the return in <paramref name="expected"/>, and
    /// <paramref name="problem"/> (another check the caller made) must be null.
    /// </summary>
    public void Check(string action, ReturnStatus actual, ReturnStatus expected, string detail, string? problem = null)
    {
        var failure = actual != expected ? $"expected {Kebab(expected)}, got {Kebab(actual)}" : problem;
        path.Steps.Add(new DemoStep(action, ProtoEnum.Name(actual), failure is null, failure ?? detail));
        output.Note(failure is null
            ? $"  ✓ {action,-22} {Kebab(actual),-18} {detail}"
            : $"  ✗ {action,-22} {Kebab(actual),-18} {failure}");
        if (failure is not null) throw new DemoCheckFailed($"{action}: {failure}");
    }

    /// <summary>A step that does not move the return (reading its timeline): recorded without a state.</summary>
    public void Note(string action, string detail)
    {
        path.Steps.Add(new DemoStep(action, "", true, detail));
        output.Note($"  · {action,-22} {"",-18} {detail}");
    }

    public void Failed(string action, string why) => output.Note($"  ✗ {action,-22} {"",-18} {why}");

    public static string Kebab(ReturnStatus status) => Choices.Kebab(status.ToString());
}
