namespace ReverseLogistics.Domain.Webhooks;

public enum DeliveryStatus
{
    /// <summary>Not tried yet.</summary>
    Pending = 1,
    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 2,
    /// <summary>The last attempt failed; another is scheduled.</summary>
    Failed = 3,
    /// <summary>Failed for the whole retry window and given up; the endpoint moved on.</summary>
    DeadLettered = 4,
}
