namespace ReverseLogistics.Domain.Returns;

/// <summary>What went wrong when a return is put into the exception state.</summary>
public enum ExceptionKind
{
    Damaged = 1,
    WrongItem = 2,
    Missing = 3,
    LostInTransit = 4,
    /// <summary>The parcel arrived with nothing in it.</summary>
    EmptyBox = 5,
}
