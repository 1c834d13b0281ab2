using BlueLamp.Core.Accounts;

namespace BlueLamp.Web.Publishing;

/// <summary>Where the publisher gets an account's token or app password from; null when the account is not connected.</summary>
public interface IAccountSecrets
{
    ValueTask<string?> SecretForAsync(Account account, CancellationToken cancellationToken = default);
}
