namespace ReverseLogistics.Actors;

/// <summary>Declares an actor type's name, stored as <see cref="Storage.ActorKey.ActorType"/> ("tenant", "return", ...).</summary>
public interface IActor
{
    static abstract string TypeName { get; }
}
