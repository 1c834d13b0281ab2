using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlueLamp.Simulator.Http;

/// <summary>Writes enums as "facebook", "directMessage", and reads them in any case, whatever the host's JSON settings.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase)
    where TEnum : struct, Enum;
