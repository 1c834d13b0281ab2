using BlueLamp.Core.Accounts;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Publishing;

/// <summary>Account secrets from configuration (<c>Publishing:Credentials:{handle}</c>), for the demo and tests.</summary>
public sealed class ConfiguredAccountSecrets(IOptionsMonitor<PublishingOptions> options) : IAccountSecrets
{
    public ValueTask<string?> SecretForAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return ValueTask.FromResult(options.CurrentValue.Credentials.TryGetValue(account.Handle, out var secret) && secret.Length > 0 ? secret : null);
    }
}
