using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure.Documents;
using MotCua.Web.Infrastructure.Http;
using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The process control sheet (Form 06 of 2025, Form 05 of 2018) built from the history rows: one row
/// per hand-over with who gave, who received, when, and whether that step finished early, on time or
/// late against its own due moment ("in the electronic system the trail is recorded automatically").
/// </summary>
public static class ProcessSheet
{
    public static async Task<FormDocument> BuildAsync(AppDbContext db, Dossier d, DossierFormsHandler.Header h, string number, CancellationToken ct)
    {
        var history = await db.DossierHistory.AsNoTracking().Where(x => x.DossierId == d.Id).OrderBy(x => x.Id).Take(1000).ToListAsync(ct);
        var ids = history.Select(x => x.ToAgencyId ?? 0).Concat(history.Select(x => x.FromAgencyId ?? 0)).Append(d.CompetentAgencyId).Distinct().ToArray();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var rows = history.Select(x => (IReadOnlyList<string>)
        [
            x.ToAgencyId is { } t ? names.GetValueOrDefault(t, "") : "",
            $"1. Giao: {x.ActorName}\n2. Nhận: {(x.ToAgencyId is { } r ? names.GetValueOrDefault(r, "") : "")}",
            DossierFormsHandler.Moment(x.At),
            x.StepDueAt is { } due ? (x.At < due.AddMinutes(-1) ? "Trước hạn" : x.At <= due ? "Đúng hạn" : "Quá hạn") : "",
            $"{x.ActionName}{(string.IsNullOrWhiteSpace(x.Note) ? "" : ": " + x.Note)}",
        ]).ToList();
        return new FormDocument(number, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", PaperLayout.A4Portrait, h.Parent, h.Unit,
            $"Số: {d.Id}/PKS-TTPVHCC", h.PlaceAndDate, d.Code,
            [
                new FieldBlock("Cơ quan, đơn vị giải quyết hồ sơ", names.GetValueOrDefault(d.CompetentAgencyId, "")),
                new FieldBlock("Thời gian nhận hồ sơ", DossierFormsHandler.Moment(d.ReceivedAt)),
                new FieldBlock("Thời gian trả kết quả", DossierFormsHandler.Moment(d.DueAt)),
                new TableBlock(["Tên cơ quan", "Thời gian, địa điểm giao, nhận hồ sơ", "Thời điểm", "Kết quả giải quyết", "Ghi chú"], rows, [0.2, 0.28, 0.17, 0.12, 0.23]),
            ],
            []);
    }
}

/// <summary>
/// The dossier register of a desk for a year (Form 07 of 2025, Form 06 of 2018): every dossier the
/// officer's unit received that year, numbered continuously from 01 (Circular 01/2018 art. 10).
/// </summary>
public static class DossierRegister
{
    public const int MaxRows = 20_000;

    public static async Task<IResult> Endpoint(string year, HttpContext http, AppDbContext db, TimeProvider time, InstallationOptions installation, CancellationToken ct)
    {
        if (DossierActor.From(http.User) is not { IsOfficer: true, AgencyId: { } agency } actor || !actor.Can(Permissions.DossierReceive))
            return Problems.Problem(403, "forbidden", "Không có quyền xem sổ theo dõi hồ sơ");
        var q = new QueryParsing();
        var y = q.RequiredInt(year, "year", 2000, 2100);
        if (!q.Ok)
            return Problems.Validation(q.Errors);
        var from = new DateTime(y!.Value - 1, 12, 31, 17, 0, 0, DateTimeKind.Utc);
        var to = from.AddYears(1);
        var unit = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agency, ct);
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => d.ReceivingAgencyId == agency && d.Code != null && d.ReceivedAt >= from && d.ReceivedAt < to)
            .OrderBy(d => d.ReceivedAt).ThenBy(d => d.Id).Take(MaxRows)
            .Join(db.Agencies, d => d.CompetentAgencyId, a => a.Id, (d, a) => new { d, Competent = a.Name })
            .ToListAsync(ct);
        var rows = dossiers.Select((x, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString("00", CultureInfo.InvariantCulture), x.d.Code!, x.d.ProcedureName, x.d.ApplicantName,
            x.d.ApplicantPhone ?? x.d.ApplicantAddress ?? "", x.Competent, Day(x.d.ReceivedAt), Day(x.d.DueAt), Day(x.d.ReturnedAt),
            x.d.ReturnMethod switch { ReturnMethod.AtCounter => "Tại quầy", ReturnMethod.Online => "Trực tuyến", ReturnMethod.ByPost => "Bưu chính", _ => "" }, "",
        ]).ToList();
        var form = new FormDocument(y.Value >= 2026 || y.Value == 2025 ? "07" : "06", $"SỔ THEO DÕI HỒ SƠ NĂM {y}", PaperLayout.A4Landscape,
            installation.IssuingAuthority, unit.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), null,
            installation.PlaceAndDate(DateOnly.FromDateTime(DossierWorkflow.Local(time.GetUtcNow().UtcDateTime))), null,
            [new TableBlock(["STT", "Mã hồ sơ", "Tên TTHC", "Tên tổ chức, cá nhân", "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết",
                "Nhận hồ sơ", "Hẹn trả kết quả", "Trả kết quả", "Phương thức nhận kết quả", "Ký nhận"], rows,
                [0.04, 0.17, 0.16, 0.1, 0.09, 0.11, 0.07, 0.07, 0.07, 0.07, 0.05])],
            []);
        var pdf = FormPdf.Render(form);
        await DossierReadAudit.RecordAsync(db, actor, time.GetUtcNow().UtcDateTime, "dossier.register.read", "Agency", agency,
            $"year={y};rows={rows.Count}", ct);
        return TypedResults.File(pdf, "application/pdf", $"so-theo-doi-ho-so-{y}.pdf");
    }

    private static string Day(DateTime? utc) => utc is { } u ? DossierWorkflow.Local(u).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";
}
