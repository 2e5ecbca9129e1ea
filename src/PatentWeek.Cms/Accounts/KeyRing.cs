using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Logging.Abstractions;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Accounts;

/// <summary>
/// Data Protection's key ring (sign-in cookies, antiforgery, preview links, 2FA, stored WeChat secrets) in
/// <c>&lt;DataPath&gt;/keys</c>, encrypted at rest with a certificate when <c>Cms:KeyRing:CertificatePath</c> names one.
/// </summary>
public static partial class KeyRing
{
    public const string CertificatePathKey = "Cms:KeyRing:CertificatePath";
    public const string CertificatePasswordKey = "Cms:KeyRing:CertificatePassword";

    public static IHostApplicationBuilder AddCmsKeyRing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var protection = builder.Services.AddDataProtection();
        var certificatePath = builder.Configuration[CertificatePathKey];
        builder.Services.AddOptions<KeyManagementOptions>().Configure<CmsPaths>((o, paths) =>
        {
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(paths.DataPath, "keys")), NullLoggerFactory.Instance);
            // Without a certificate the keys stay unencrypted, and that is said once at start-up in the production
            // mode (WarnIfUnencrypted). Naming the null encryptor makes the choice explicit, so the framework does not
            // warn on every new key in words that mean nothing to someone trying the product.
            if (string.IsNullOrEmpty(certificatePath))
                o.XmlEncryptor = new NullXmlEncryptor();
        });

        if (!string.IsNullOrEmpty(certificatePath))
            protection.ProtectKeysWithCertificate(LoadCertificate(certificatePath, builder.Configuration[CertificatePasswordKey]));
        return builder;
    }

    /// <summary>Says at start-up, in the production mode, that the key ring lies unencrypted on disk.</summary>
    public static void WarnIfUnencrypted(IConfiguration configuration, CmsOptions options, CmsPaths paths, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(paths);
        if (options.Mode == CmsMode.Production && string.IsNullOrEmpty(configuration[CertificatePathKey]))
            LogUnencrypted(logger, Path.Combine(paths.DataPath, "keys"), CertificatePathKey);
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"{CertificatePathKey}: {path} has no private key, so the key ring could not be read back.");
            return certificate;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidOperationException($"{CertificatePathKey}: {path} could not be read as a PKCS#12 (.pfx) file with {CertificatePasswordKey}: {e.Message}", e);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Data Protection keys in {Folder} are stored unencrypted at rest; set {Key} to a .pfx certificate to encrypt them.")]
    private static partial void LogUnencrypted(ILogger logger, string folder, string key);
}
