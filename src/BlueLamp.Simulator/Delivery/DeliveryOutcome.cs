using System.Text.Json.Serialization;
using BlueLamp.Simulator.Http;

namespace BlueLamp.Simulator.Delivery;

/// <summary>What became of a webhook.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<DeliveryOutcome>))]
public enum DeliveryOutcome
{
    /// <summary>BlueLamp answered 2xx (to every copy, when duplicated).</summary>
    Delivered,

    /// <summary>Not sent, by the drop fault; the entry exists on the platform only.</summary>
    Dropped,

    /// <summary>Waiting to be sent out of order.</summary>
    Held,

    /// <summary>Not acknowledged yet; retries continue in the background.</summary>
    Retrying,

    /// <summary>Never acknowledged after every attempt.</summary>
    Failed,
}
