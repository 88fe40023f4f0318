namespace ReverseLogistics.Labels.Layout;

/// <summary>A label page: 4x6 in at 203 dpi is 812x1218 dots.</summary>
internal sealed record LabelLayout(IReadOnlyList<LabelElement> Elements)
{
    public const int Dpi = 203;
    public const int Width = 812;
    public const int Height = 1218;
}
