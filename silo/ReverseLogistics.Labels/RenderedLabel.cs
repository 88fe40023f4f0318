namespace ReverseLogistics.Labels;

public sealed record RenderedLabel(byte[] Content, string ContentType);
