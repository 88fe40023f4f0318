namespace ReverseLogistics.Labels.Layout;

/// <summary>A filled black rectangle: rules and frames.</summary>
internal sealed record BoxElement(int X, int Y, int Width, int Height) : LabelElement(X, Y);
