using Microsoft.Net.Http.Headers;
using MotCua.Core.Dossiers;
using MotCua.Web.Infrastructure.Http;
using MotCua.Web.Infrastructure.Security;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// An uploaded PDF or image shown inside the office dossier page, so that the officer checks the
/// documents against the procedure's list without downloading them (Decree 61/2018 art. 19: the
/// receiving officer checks the dossier's completeness). Only officers in the dossier's scope;
/// every view is audited as a read of personal data (Decree 356/2025). Only types the browser draws
/// without running anything of the file: the type is detected again from the content, and the
/// answer carries its own framing and sandboxing policy (<see cref="SecurityHeaders.ServeAsPreview"/>).
/// Everything else is downloaded as an attachment.
/// </summary>
public sealed class PreviewFileHandler(DownloadFileHandler files)
{
    public const string AuditAction = "dossier.file.preview";

    /// <summary>Whether a file of this stored type is previewed in the page (the others are downloaded).</summary>
    public static bool Previewable(string contentType) => contentType is "application/pdf" or "image/jpeg" or "image/png";

    public async Task<IResult> HandleAsync(HttpContext http, long dossierId, long fileId, DossierActor actor, CancellationToken ct)
    {
        if (!actor.IsOfficer)
            return Problems.NotFound("Không tìm thấy tệp.");
        var read = await files.ReadAsync(dossierId, fileId, actor, AuditAction, ct);
        if (read.Problem is not null)
            return read.Problem;
        var file = read.File!;
        var detected = FileSignature.Detect(read.Content);
        if (!Previewable(file.ContentType) || detected is null || FileSignature.ContentType(detected.Value) != file.ContentType)
            return Problems.Problem(415, "file-not-previewable", "Tệp này không xem trực tiếp được", "Chỉ xem trực tiếp tệp PDF, JPEG, PNG; các tệp khác hãy tải về.");
        SecurityHeaders.ServeAsPreview(http, pdf: detected == DocumentFileType.Pdf);
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = file.FileName }.ToString();
        return TypedResults.Bytes(read.Content!, file.ContentType);
    }

    public static async Task<IResult> Endpoint(long id, long fileId, HttpContext http, PreviewFileHandler handler, CancellationToken ct) =>
        DossierActor.From(http.User) is { } actor
            ? await handler.HandleAsync(http, id, fileId, actor, ct)
            : Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
}
