using System.CommandLine;
using System.CommandLine.Parsing;

namespace ReverseLogistics.Cli.Input;

/// <summary>
/// A protobuf enum as a command-line choice in kebab case ("store-credit" for StoreCredit), the unspecified value left out.
/// Parsing ignores case and hyphens, so the enum's own names work too.
/// </summary>
public static class Choices
{
    public static string[] Names<T>() where T : struct, Enum =>
        Enum.GetNames<T>().Where(n => n != "Unspecified").Select(Kebab).ToArray();

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        value = default;
        // Names only: Enum.TryParse would take "2" too.
        var name = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return name.Length > 0 && char.IsLetter(name[0]) && Enum.TryParse(name, ignoreCase: true, out value)
            && Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0 && Enum.IsDefined(value);
    }

    /// <summary>The value named by <paramref name="text"/>, or a usage error listing the choices.</summary>
    public static T Parse<T>(string text, string what) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new CliUsageException(Unknown<T>(text, what));

    public static Option<T> Option<T>(string name, string description, bool required = false) where T : struct, Enum
    {
        var option = new Option<T>(name)
        {
            Description = description,
            Required = required,
            HelpName = string.Join("|", Names<T>()),
            CustomParser = result => One<T>(result, name),
        };
        option.CompletionSources.Add(Names<T>());
        return option;
    }

    /// <summary>A repeatable choice (--mismatch a --mismatch b).</summary>
    public static Option<T[]> Many<T>(string name, string description) where T : struct, Enum
    {
        var option = new Option<T[]>(name)
        {
            Description = description,
            HelpName = string.Join("|", Names<T>()),
            CustomParser = result => result.Tokens.Select(t => Parse<T>(result, t.Value, name)).ToArray(),
        };
        option.CompletionSources.Add(Names<T>());
        return option;
    }

    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static T One<T>(ArgumentResult result, string name) where T : struct, Enum =>
        result.Tokens.Count == 0 ? default : Parse<T>(result, result.Tokens[^1].Value, name);

    private static T Parse<T>(ArgumentResult result, string text, string name) where T : struct, Enum
    {
        if (TryParse<T>(text, out var value)) return value;
        result.AddError(Unknown<T>(text, name));
        return default;
    }

    private static string Unknown<T>(string text, string what) where T : struct, Enum =>
        $"'{text}' is not a valid {what}; choose one of: {string.Join(", ", Names<T>())}.";
}
