using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BlueLamp.Simulator;

/// <summary>Validates the simulator's settings and their per-platform sections at start, so a typo fails loudly.</summary>
public sealed class SimulatorOptionsValidation : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        Check(options, "Simulator", failures);
        Check(options.Meta, "Simulator:Meta", failures);
        Check(options.X, "Simulator:X", failures);
        Check(options.Bluesky, "Simulator:Bluesky", failures);
        if (options.Bluesky.AccessTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("Simulator:Bluesky:AccessTokenLifetime must be positive.");
        }
        if (options.DeliveryTimeout <= TimeSpan.Zero)
        {
            failures.Add("Simulator:DeliveryTimeout must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object section, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{path}: {r.ErrorMessage}"));
        }
    }
}
