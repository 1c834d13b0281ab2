using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using BlueLamp.Data;
using BlueLamp.Data.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace BlueLamp.Web.Identity;

/// <summary>
/// Where the Data Protection key ring lives (it protects login cookies and every account's platform credentials).
/// One node on SQLite: a <c>keys</c> folder beside the database. PostgreSQL (possibly several nodes): the database,
/// so every node reads one ring; there the keys should themselves be encrypted with a certificate
/// (<c>DataProtection:CertificatePath</c>, <c>DataProtection:CertificatePassword</c>), or a copy of the database is
/// enough to read the credentials it holds, and BlueLamp says so at start.
/// </summary>
public static class DataProtectionSetup
{
    public static WebApplicationBuilder AddBlueLampDataProtection(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = DatabaseSettings.From(builder.Configuration);
        var protection = builder.Services.AddDataProtection().SetApplicationName("BlueLamp");
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(database.DataFolder, "keys")));
            return builder;
        }
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<BlueLampDbFactory>())));
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, builder.Configuration["DataProtection:CertificatePassword"]));
        else
            builder.Services.AddHostedService<UnprotectedKeysWarning>();
        return builder;
    }

    /// <summary>The key ring's XML elements, one row each in <c>data_protection_keys</c>.</summary>
    public sealed class DatabaseKeyRepository(BlueLampDbFactory dbs) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var db = dbs.Unscoped();
            return [.. db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            ArgumentNullException.ThrowIfNull(element);
            using var db = dbs.Unscoped();
            db.DataProtectionKeys.Add(new StoredKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
            db.SaveChanges();
        }
    }

    private sealed class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("The Data Protection keys are kept in the database unencrypted: anyone with a copy of the database can read the " +
                "accounts' platform credentials. Set DataProtection:CertificatePath (and DataProtection:CertificatePassword) to encrypt them.");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
