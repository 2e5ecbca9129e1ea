using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Accounts;

/// <summary>
/// Data Protection's key ring (sign-in cookies, antiforgery, preview links, 2FA, stored WeChat secrets) in the
/// database, under one application name, so every instance reads and writes the same ring and a cookie issued by one
/// is read by the others; encrypted at rest with a certificate when <c>Cms:KeyRing:CertificatePath</c> names one.
/// Earlier versions kept it in <c>&lt;DataPath&gt;/keys</c>: those keys are copied in once (<see cref="ImportFolderAsync"/>),
/// so an upgrade signs nobody out.
/// </summary>
public static partial class KeyRing
{
    public const string CertificatePathKey = "Cms:KeyRing:CertificatePath";
    public const string CertificatePasswordKey = "Cms:KeyRing:CertificatePassword";
    public const string ApplicationName = "PatentWeek.Cms";

    public static IHostApplicationBuilder AddCmsKeyRing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The name, not the content root, tells apps apart: instances installed in different folders share the ring.
        var protection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<CmsDbContext>();
        var certificatePath = builder.Configuration[CertificatePathKey];
        builder.Services.AddOptions<KeyManagementOptions>().Configure(o =>
        {
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

    /// <summary>
    /// Copies the keys an earlier version kept in <c>&lt;DataPath&gt;/keys</c> into the database, once: each file is a
    /// key element named as the database's rows are (<c>key-{id}</c>), and a key already there is left alone.
    /// </summary>
    public static async Task ImportFolderAsync(CmsDbContext db, CmsPaths paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(paths);
        var folder = Path.Combine(paths.DataPath, "keys");
        if (!Directory.Exists(folder))
            return;
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (!known.Contains(name))
                db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = await File.ReadAllTextAsync(file, cancellationToken) });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Says at start-up, in the production mode, that the key ring lies unencrypted on disk.</summary>
    public static void WarnIfUnencrypted(IConfiguration configuration, CmsOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Mode == CmsMode.Production && string.IsNullOrEmpty(configuration[CertificatePathKey]))
            LogUnencrypted(logger, CertificatePathKey);
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

    [LoggerMessage(LogLevel.Warning, "Data Protection keys in the database are stored unencrypted at rest; set {Key} to a .pfx certificate to encrypt them.")]
    private static partial void LogUnencrypted(ILogger logger, string key);
}
