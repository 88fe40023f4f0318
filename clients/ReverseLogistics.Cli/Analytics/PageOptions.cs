using System.Collections;
using System.CommandLine;
using Google.Protobuf;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>
/// Paging of the analytics answers that page: one page by --page-size and --page-token, or --all of them. An answer that
/// pages has a next_page_token and one repeated field of items (groups, customers).
/// </summary>
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

    /// <summary>The page asked for, or with --all every page from there, its items appended to the first's, which then has no next page token.</summary>
    public async Task<T> ReadAsync<T>(ParseResult result, Func<Page, Task<T>> call) where T : IMessage
    {
        var size = result.GetValue(_size);
        var first = await call(new Page(size, result.GetValue(_token)!));
        if (!result.GetValue(_all)) return first;
        for (var page = first; NextToken(page).Length > 0;)
        {
            page = await call(new Page(size, NextToken(page)));
            foreach (var field in first.Descriptor.Fields.InFieldNumberOrder().Where(f => f.IsRepeated))
            {
                var items = (IList)field.Accessor.GetValue(first);
                foreach (var item in (IList)field.Accessor.GetValue(page)) items.Add(item);
            }
        }
        first.Descriptor.FindFieldByName(NextPageToken).Accessor.SetValue(first, "");
        return first;
    }

    /// <summary>For people, after a page that is not the last: how to get the next one.</summary>
    public static string? More(IMessage response) =>
        response.Descriptor.FindFieldByName(NextPageToken) is null || NextToken(response).Length == 0 ? null
            : $"More: run the command again with --page-token {NextToken(response)}, or with --all for every page.";

    private const string NextPageToken = "next_page_token";

    private static string NextToken(IMessage response) => (string)response.Descriptor.FindFieldByName(NextPageToken).Accessor.GetValue(response);
}

/// <summary>The page a call asks for: its size (0: the platform's default) and where it starts ("" for the first).</summary>
public readonly record struct Page(int Size, string Token);
