using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>
/// The data-protection key ring (it protects sign-in cookies and antiforgery tokens) lives in the app's database, so
/// that every instance over one database reads what another wrote; it is encrypted at rest with a certificate when one
/// is configured (docs/decisions/0019-data-protection-keys-in-the-database.md, docs/configuration.md).
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>The application name every instance shares: it isolates this app's protected payloads from others'.</summary>
    public const string ApplicationName = "SecrecyDuty";

    public const string CertificatePathSetting = "DataProtection:Certificate:Path";
    public const string CertificatePasswordSetting = "DataProtection:Certificate:Password";

    public static IServiceCollection AddSecrecyDutyDataProtection(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        var certificate = LoadCertificate(configuration, contentRoot);
        if (certificate is not null)
        {
            // Encrypts each new key with the certificate's public key and decrypts with its private key.
            builder.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }

    /// <summary>Whether the keys are encrypted at rest: a certificate is configured.</summary>
    public static bool KeysAreEncrypted(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?[CertificatePathSetting]);

    /// <summary>The PKCS#12 (.pfx) file named by <see cref="CertificatePathSetting"/>, which must hold a private key; null when none is configured.</summary>
    private static X509Certificate2? LoadCertificate(IConfiguration configuration, string contentRoot)
    {
        var path = configuration[CertificatePathSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var fullPath = Path.GetFullPath(path, contentRoot);
        if (!File.Exists(fullPath))
        {
            throw new InvalidOperationException($"{CertificatePathSetting} names {fullPath}, which does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(fullPath, configuration[CertificatePasswordSetting], X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The certificate in {fullPath} has no private key: data-protection keys encrypted with it could not be read back.");
        }

        return certificate;
    }
}
