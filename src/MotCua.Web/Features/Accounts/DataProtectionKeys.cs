using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace MotCua.Web.Features.Accounts;

/// <summary>
/// Where the keys that sign cookies and tokens live and how they are protected at rest. They are
/// shared by every node through one folder (DataProtection:KeysPath, data/keys by default), so
/// tokens and cookies survive restarts and work on any node behind the proxy. With
/// DataProtection:CertificatePath (a PKCS#12 file, password in DataProtection:CertificatePassword)
/// each key is encrypted with that certificate. Without one, the keys are stored as plain XML in a
/// folder created readable by the service account only (SECURITY: keys on a file system directory
/// with restricted permissions); that is the documented choice (README, Configuration), so the
/// framework's per-key "No XML encryptor configured" warning says nothing new and is not logged.
/// </summary>
public static class DataProtectionKeys
{
    private const string NoEncryptorWarningSource = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    public static IServiceCollection AddDataProtectionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = OwnerOnlyFolder(configuration["DataProtection:KeysPath"] ?? Path.Combine("data", "keys"));
        var protection = services.AddDataProtection().SetApplicationName("MotCua").PersistKeysToFileSystem(folder);
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificate)
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, configuration["DataProtection:CertificatePassword"]));
        else
            services.AddLogging(logging => logging.AddFilter(NoEncryptorWarningSource, LogLevel.Error));
        return services;
    }

    private static DirectoryInfo OwnerOnlyFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            return Directory.CreateDirectory(path);
        return Directory.Exists(path) ? new DirectoryInfo(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
