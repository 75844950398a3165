using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Infrastructure.Documents;
using MotCua.Web.Infrastructure.Http;
using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The result of a processed dossier (status 9 or 10): the signed file uploaded at approval when
/// there is one (served hash-checked), otherwise a result letter generated from the stored result
/// metadata (number/notation, signer, date, summary) in the Decree 30/2020 layout of an
/// administrative letter. This is how the owner receives the result online.
/// </summary>
public static class DownloadResult
{
    public static async Task<IResult> Endpoint(long id, HttpContext http, AppDbContext db, DownloadFileHandler files, InstallationOptions installation, TimeProvider time, CancellationToken ct)
    {
        if (DossierActor.From(http.User) is not { } actor)
            return Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
        var d = await db.Dossiers.AsNoTracking().VisibleTo(actor, db.Consultations).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
            return Problems.NotFound("Không tìm thấy hồ sơ.");
        if (d.Status is not (DossierStatus.Processed or DossierStatus.Returned) || d.ResultNumber is null)
            return Problems.NotFound("Hồ sơ chưa có kết quả.");
        var uploaded = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == id && f.Kind == DossierFileKind.Result).OrderByDescending(f => f.Id).FirstOrDefaultAsync(ct);
        if (uploaded is not null)
            return await files.HandleAsync(id, uploaded.Id, actor, ct);
        var competent = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == d.CompetentAgencyId, ct);
        var date = d.ResultDate ?? DateOnly.FromDateTime(DossierWorkflow.Local(d.ProcessingEndedAt ?? d.CreatedAt));
        var letter = new FormDocument("", "THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", PaperLayout.A4Portrait,
            installation.IssuingAuthority, competent.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), $"Số: {d.ResultNumber}",
            installation.PlaceAndDate(date), d.Code,
            [
                new FieldBlock("Kính gửi", d.ApplicantName),
                new FieldBlock("Thủ tục", d.ProcedureName),
                new FieldBlock("Mã hồ sơ", d.Code ?? ""),
                new ParagraphBlock(d.ResultSummary ?? "Hồ sơ của ông/bà đã được giải quyết."),
                new ParagraphBlock("Văn bản này được tạo từ hệ thống thông tin giải quyết thủ tục hành chính " + installation.ProvinceName + "."),
            ],
            [new SignatureBox("NGƯỜI KÝ", null, d.ResultSigner)]);
        var pdf = FormPdf.Render(letter);
        await DossierReadAudit.RecordAsync(db, actor, time.GetUtcNow().UtcDateTime, "dossier.result.read", "Dossier", d.Id, null, ct);
        return TypedResults.File(pdf, "application/pdf", $"ket-qua-{d.Code}.pdf");
    }
}
