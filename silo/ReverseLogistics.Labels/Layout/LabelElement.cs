namespace ReverseLogistics.Labels.Layout;

/// <summary>Something placed on the label. Coordinates are printer dots (203 dpi), origin top left.</summary>
internal abstract record LabelElement(int X, int Y);
