using Orleans;
using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Grains.Errors;

/// <summary>
/// A domain exception as it crosses a grain call. The domain knows nothing of Orleans, so each of its
/// exceptions gets a converter here; without one Orleans would carry only the message, losing the field
/// violations and, on another silo, the type that decides the status code.
/// </summary>
[GenerateSerializer]
public struct DomainErrorSurrogate
{
    [Id(0)] public string Message;
    [Id(1)] public string[]? Fields;
    [Id(2)] public string[]? Descriptions;
}

[RegisterConverter]
public sealed class NotFoundConverter : IConverter<NotFoundException, DomainErrorSurrogate>
{
    public NotFoundException ConvertFromSurrogate(in DomainErrorSurrogate surrogate) => new(surrogate.Message);
    public DomainErrorSurrogate ConvertToSurrogate(in NotFoundException value) => new() { Message = value.Message };
}

[RegisterConverter]
public sealed class AlreadyExistsConverter : IConverter<AlreadyExistsException, DomainErrorSurrogate>
{
    public AlreadyExistsException ConvertFromSurrogate(in DomainErrorSurrogate surrogate) => new(surrogate.Message);
    public DomainErrorSurrogate ConvertToSurrogate(in AlreadyExistsException value) => new() { Message = value.Message };
}

[RegisterConverter]
public sealed class PreconditionFailedConverter : IConverter<PreconditionFailedException, DomainErrorSurrogate>
{
    public PreconditionFailedException ConvertFromSurrogate(in DomainErrorSurrogate surrogate) => new(surrogate.Message);
    public DomainErrorSurrogate ConvertToSurrogate(in PreconditionFailedException value) => new() { Message = value.Message };
}

[RegisterConverter]
public sealed class CapacityExhaustedConverter : IConverter<CapacityExhaustedException, DomainErrorSurrogate>
{
    public CapacityExhaustedException ConvertFromSurrogate(in DomainErrorSurrogate surrogate) => new(surrogate.Message);
    public DomainErrorSurrogate ConvertToSurrogate(in CapacityExhaustedException value) => new() { Message = value.Message };
}

[RegisterConverter]
public sealed class InvalidInputConverter : IConverter<InvalidInputException, DomainErrorSurrogate>
{
    public InvalidInputException ConvertFromSurrogate(in DomainErrorSurrogate surrogate) =>
        new([.. (surrogate.Fields ?? []).Zip(surrogate.Descriptions ?? [], (field, description) => new FieldViolation(field, description))]);

    public DomainErrorSurrogate ConvertToSurrogate(in InvalidInputException value) => new()
    {
        Message = value.Message,
        Fields = [.. value.Violations.Select(v => v.Field)],
        Descriptions = [.. value.Violations.Select(v => v.Description)],
    };
}
