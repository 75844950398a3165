namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Which files may be attached to a dossier or served: a file waiting for the malware scanner or
/// found infected is never used, whatever asks for it (OWASP ASVS 5.0 5.4.3).
/// </summary>
public static class FileScanRules
{
    /// <summary>Why the file cannot be used, or null when it can.</summary>
    public static string? Unusable(DossierFile file) => file.ScanState switch
    {
        FileScanState.AwaitingScan => $"Tệp {file.FileName} đang chờ kiểm tra mã độc nên chưa dùng được; vui lòng thử lại sau ít phút.",
        FileScanState.Infected => $"Tệp {file.FileName} có chứa mã độc và đã bị cách ly, không dùng được.",
        _ => null,
    };
}
