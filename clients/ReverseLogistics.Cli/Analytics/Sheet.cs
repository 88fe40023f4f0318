using CsvHelper;
using Spectre.Console;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>
/// The rows of an analytics answer, once for both outputs: a table for people (numbers right-aligned) and a CSV with a
/// header for programs (column names in snake case). Total rows are for people: the CSV holds only the rows they sum.
/// </summary>
public sealed class Sheet(params string[] columns)
{
    private readonly List<(Cell[] Cells, bool Total)> _rows = [];

    public IReadOnlyList<string> Columns => columns;

    public IEnumerable<Cell[]> Rows => _rows.Select(r => r.Cells);

    public void Add(params Cell[] cells) => _rows.Add((Checked(cells), false));

    /// <summary>A total of the rows before it: shown in the table, left out of the CSV.</summary>
    public void AddTotal(params Cell[] cells) => _rows.Add((Checked(cells), true));

    public Table ToTable()
    {
        var table = new Table();
        for (var i = 0; i < columns.Length; i++)
        {
            // Names and days never wrap (a day cut in two misreads); a narrow terminal wraps the numbers' headers instead.
            var column = new TableColumn(Markup.Escape(columns[i]));
            table.AddColumn(_rows.Count > 0 && _rows.All(r => r.Cells[i].Number) ? column.RightAligned() : column.NoWrap());
        }
        foreach (var (cells, _) in _rows) table.AddRow(cells.Select(c => Markup.Escape(c.Text)).ToArray());
        return table;
    }

    /// <summary>Writes the CSV; returns its rows (the header left out).</summary>
    public int WriteCsv(TextWriter writer)
    {
        var rows = 0;
        // Lines end as a Unix tool's do; fields are quoted where RFC 4180 needs it.
        using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
        foreach (var column in columns) csv.WriteField(column.Replace(' ', '_'));
        csv.EndRecord();
        foreach (var (cells, _) in _rows.Where(r => !r.Total))
        {
            foreach (var cell in cells) csv.WriteField(cell.Csv);
            csv.EndRecord();
            rows++;
        }
        return rows;
    }

    private Cell[] Checked(Cell[] cells) =>
        cells.Length == columns.Length ? cells : throw new ArgumentException($"{cells.Length} cells for {columns.Length} columns", nameof(cells));
}
