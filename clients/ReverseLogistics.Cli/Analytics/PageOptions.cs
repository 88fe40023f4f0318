using System.CommandLine;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>Paging of the analytics answers that page: one page by --page-size and --page-token, or --all of them.</summary>
public sealed class PageOptions
{
    private readonly Option<bool> _all = new("--all") { Description = "Follow the page tokens and print every page as one answer" };
    private readonly Option<int> _size = new("--page-size") { Description = "Groups per page (at most 1000; 100 by default)" };
    private readonly Option<string> _token = new("--page-token") { Description = "Where the page starts, as the previous page said", DefaultValueFactory = _ => "" };

    public void AddTo(Command command)
    {
        command.Options.Add(_all);
        command.Options.Add(_size);
        command.Options.Add(_token);
    }

    /// <summary>
    /// The page asked for, or with --all every page from there merged into the first (<paramref name="merge"/> appends a
    /// page's items), which then has no next page token.
    /// </summary>
    public async Task<T> ReadAsync<T>(ParseResult result, Func<int, string, Task<T>> page, Func<T, string> nextToken, Action<T, T> merge,
        Action<T> clearToken)
    {
        var size = result.GetValue(_size);
        var first = await page(size, result.GetValue(_token)!);
        if (!result.GetValue(_all)) return first;
        for (var next = first; nextToken(next).Length > 0;)
        {
            next = await page(size, nextToken(next));
            merge(first, next);
        }
        clearToken(first);
        return first;
    }

    /// <summary>For people, after a page that is not the last: how to get the next one.</summary>
    public static string? More(string nextPageToken) =>
        nextPageToken.Length == 0 ? null : $"More: run the command again with --page-token {nextPageToken}, or with --all for every page.";
}
