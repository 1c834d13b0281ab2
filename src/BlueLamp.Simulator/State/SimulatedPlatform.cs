using System.Text.Json.Serialization;
using BlueLamp.Simulator.Http;

namespace BlueLamp.Simulator.State;

/// <summary>The platforms the simulator stands in for; Messenger and Page comments are both Facebook.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SimulatedPlatform>))]
public enum SimulatedPlatform
{
    Facebook,
    Instagram,
    X,
    Bluesky,
}
