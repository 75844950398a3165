using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Documents;
using MotCua.Web.Infrastructure.Http;
using MotCua.Web.Infrastructure.Installation;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The forms of a dossier as PDF (docs/domain/forms.md#form-sets); which forms exist is <see cref="DossierFormSet"/>.
/// </summary>
public sealed class DossierFormsHandler(AppDbContext db, TimeProvider time, InstallationOptions installation)
{
    public async Task<(byte[]? Pdf, string? Error)> HandleAsync(Dossier d, string number, CancellationToken ct)
    {
        if (DossierFormSet.KindOf(d, number) is not { } kind)
            return (null, "Mẫu không có trong bộ biểu mẫu áp dụng cho hồ sơ này.");
        if (!DossierFormSet.HasContent(d, kind))
            return (null, "Hồ sơ chưa có nội dung cho mẫu này.");
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.Id == d.ReceivingAgencyId || a.Id == d.CompetentAgencyId).ToDictionaryAsync(a => a.Id, ct);
        var unit = agencies[d.ReceivingAgencyId];
        var parent = unit.ParentId is { } p ? await db.Agencies.AsNoTracking().Where(a => a.Id == p).Select(a => a.Name).FirstOrDefaultAsync(ct) : null;
        var header = new Header((parent ?? installation.IssuingAuthority).ToUpper(CultureInfo.GetCultureInfo("vi-VN")), unit.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")),
            PlaceAndDate(time.GetUtcNow().UtcDateTime));
        FormDocument? form = kind switch
        {
            DossierFormKind.Receipt => await ReceiptAsync(d, header, number, ct),
            DossierFormKind.Supplement => await SupplementAsync(d, header, number, ct),
            DossierFormKind.Refusal => Refusal(d, header, number),
            DossierFormKind.Apology => await ApologyAsync(d, header, number, agencies[d.CompetentAgencyId], ct),
            DossierFormKind.StopNotice => Stop(d, header, number),
            _ => await ProcessSheet.BuildAsync(db, d, header, number, ct),
        };
        return form is null ? (null, "Hồ sơ chưa có nội dung cho mẫu này.") : (FormPdf.Render(form), null);
    }

    public sealed record Header(string Parent, string Unit, string PlaceAndDate);

    private string PlaceAndDate(DateTime utc) => installation.PlaceAndDate(DateOnly.FromDateTime(DossierWorkflow.Local(utc)));

    public static string Moment(DateTime? utc) => utc is { } u
        ? DossierWorkflow.Local(u).ToString("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    private async Task<FormDocument> ReceiptAsync(Dossier d, Header h, string number, CancellationToken ct)
    {
        var version = await db.ProcedureVersions.AsNoTracking().SingleAsync(v => v.Id == d.ProcedureVersionId, ct);
        var @case = version.Definition.Cases.FirstOrDefault(c => c.Code == d.CaseCode);
        // The receipt lists what was actually handed in, not the procedure's whole list, and names the
        // receiving officer (Circular 03/2025/TT-VPCP Annex I Form 01; docs/domain/forms.md): the documents with a file attached.
        var submitted = await db.DossierFiles.AsNoTracking().Where(f => f.DossierId == d.Id && f.Kind != DossierFileKind.Result && f.DocumentIndex != null)
            .Select(f => f.DocumentIndex!.Value).Distinct().ToListAsync(ct);
        var documents = (@case?.Documents ?? []).Select((doc, i) => (doc, i)).Where(x => submitted.Contains(x.i))
            .Select((x, n) => (IReadOnlyList<string>)[(n + 1).ToString(CultureInfo.InvariantCulture), x.doc.Name,
                x.doc.Originals.ToString(CultureInfo.InvariantCulture), x.doc.Copies.ToString(CultureInfo.InvariantCulture)]).ToList();
        var receivedBy = d.ReceivedById is { } officer
            ? await db.UserAccounts.AsNoTracking().Where(u => u.Id == officer).Select(u => u.FullName).SingleOrDefaultAsync(ct) : null;
        var blocks = new List<FormBlock>
        {
            new ParagraphBlock($"{h.Unit} tiếp nhận hồ sơ của:"),
            new FieldBlock("Ông/Bà/Tổ chức", d.ApplicantName),
            new FieldBlock("Số định danh", d.ApplicantIdNumber ?? "—"),
            new FieldBlock("Địa chỉ", d.ApplicantAddress ?? "—"),
            new FieldBlock("Điện thoại", d.ApplicantPhone ?? "—"),
            new FieldBlock("E-mail", d.ApplicantEmail ?? "—"),
        };
        if (d.RepresentativeName is not null)
            blocks.Add(new FieldBlock("Người được ủy quyền", $"{d.RepresentativeName} ({d.AuthorisationDocument ?? "giấy ủy quyền"})"));
        blocks.Add(new FieldBlock("Nội dung yêu cầu giải quyết", d.ProcedureName));
        blocks.Add(new ParagraphBlock("Thành phần hồ sơ nộp gồm:", Bold: true));
        if (documents.Count > 0)
            blocks.Add(new TableBlock(["STT", "Tên giấy tờ", "Bản chính", "Bản sao"], documents, [0.1, 0.6, 0.15, 0.15]));
        else
            blocks.Add(new ParagraphBlock("(Không có giấy tờ kèm theo.)"));
        blocks.Add(new FieldBlock("Số lượng hồ sơ", "01 bộ"));
        blocks.Add(new FieldBlock("Thời gian giải quyết hồ sơ theo quy định", CatalogDisplay.TimeLimit(DossierWorkflow.Limit(d))));
        blocks.Add(new FieldBlock("Thời gian nhận hồ sơ", Moment(d.ReceivedAt)));
        blocks.Add(new FieldBlock("Thời gian trả kết quả", d.NoAppointment ? "Không có ngày hẹn" : Moment(d.DueAt)));
        blocks.Add(new FieldBlock("Đăng ký nhận kết quả tại", h.Unit));
        return new FormDocument(number, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", PaperLayout.A5Portrait, h.Parent, h.Unit,
            $"Số: {d.Code![^4..]}/TN-TTPVHCC", h.PlaceAndDate, d.Code, blocks,
            [new SignatureBox("NGƯỜI NỘP HỒ SƠ", "(Ký, ghi rõ họ tên)", d.ApplicantName), new SignatureBox("NGƯỜI TIẾP NHẬN", "(Ký, ghi rõ họ tên)", receivedBy)]);
    }

    private async Task<FormDocument?> SupplementAsync(Dossier d, Header h, string number, CancellationToken ct)
    {
        var request = await db.SupplementRequests.AsNoTracking().Where(r => r.DossierId == d.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (request is null)
            return null;
        var items = JsonSerializer.Deserialize<string[]>(request.ItemsJson) ?? [];
        var blocks = new List<FormBlock>
        {
            new FieldBlock("Hồ sơ của", d.ApplicantName),
            new FieldBlock("Nội dung yêu cầu giải quyết", d.ProcedureName),
            new FieldBlock("Địa chỉ", d.ApplicantAddress ?? "—"),
            new FieldBlock("Điện thoại", d.ApplicantPhone ?? "—"),
            new ParagraphBlock("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", Bold: true),
        };
        blocks.AddRange(items.Select((item, i) => new ParagraphBlock($"{i + 1}. {item}")));
        blocks.Add(new FieldBlock("Lý do", request.Reason));
        blocks.Add(new ParagraphBlock("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ bộ phận tiếp nhận để được hướng dẫn."));
        return new FormDocument(number, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", PaperLayout.A5Portrait, h.Parent, h.Unit,
            $"Số: {request.Id}/PBS-TTPVHCC", PlaceAndDate(request.RequestedAt), d.Code, blocks, [new SignatureBox("NGƯỜI HƯỚNG DẪN", "(Ký, ghi rõ họ tên)")]);
    }

    private FormDocument Refusal(Dossier d, Header h, string number) => new(number, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", PaperLayout.A5Portrait,
        h.Parent, h.Unit, $"Số: {d.Id}/PTC-TTPVHCC", PlaceAndDate(d.EndedAt ?? d.CreatedAt), d.Code,
        [
            new FieldBlock("Ông/Bà/Tổ chức", d.ApplicantName), new FieldBlock("Số định danh", d.ApplicantIdNumber ?? "—"),
            new FieldBlock("Nội dung yêu cầu giải quyết", d.ProcedureName),
            new ParagraphBlock("Hồ sơ không đủ điều kiện tiếp nhận, giải quyết vì lý do sau:", Bold: true), new ParagraphBlock(d.RefusalReason ?? "—"),
            new ParagraphBlock("Xin thông báo để ông/bà được biết và thực hiện."),
        ],
        [new SignatureBox("NGƯỜI NỘP HỒ SƠ", "(Ký, ghi rõ họ tên)"), new SignatureBox("NGƯỜI TIẾP NHẬN", "(Ký, ghi rõ họ tên)")]);

    private async Task<FormDocument> ApologyAsync(Dossier d, Header h, string number, Agency competent, CancellationToken ct)
    {
        var reason = await db.DossierHistory.AsNoTracking().Where(x => x.DossierId == d.Id && x.Action == MotCua.Core.Dossiers.DossierAction.Extend)
            .Select(x => x.Note).FirstOrDefaultAsync(ct);
        return new FormDocument(number, "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", PaperLayout.A5Portrait,
            installation.IssuingAuthority, competent.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), $"Số: {d.Id}/PXL", h.PlaceAndDate, d.Code,
            [
                new FieldBlock("Kính gửi", d.ApplicantName), new FieldBlock("Ngày tiếp nhận hồ sơ", Moment(d.ReceivedAt)),
                new FieldBlock("Thủ tục", d.ProcedureName), new FieldBlock("Hẹn trả kết quả", Moment(d.OriginalDueAt)),
                new ParagraphBlock($"Đến nay, {competent.Name} chưa trả kết quả giải quyết hồ sơ đúng hạn."),
                new FieldBlock("Lý do", reason ?? "—"),
                new ParagraphBlock("Sự chậm trễ này đã gây phiền hà cho ông/bà. Chúng tôi xin lỗi và hẹn lại thời gian trả kết quả:"),
                new FieldBlock("Thời gian trả kết quả mới", Moment(d.DueAt)),
            ],
            [new SignatureBox("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên, đóng dấu)")]);
    }

    private FormDocument Stop(Dossier d, Header h, string number) => new(number, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", PaperLayout.A5Portrait,
        h.Parent, h.Unit, $"Số: {d.Id}/TB-TTPVHCC", PlaceAndDate(d.EndedAt ?? d.CreatedAt), d.Code,
        [
            new FieldBlock("Kính gửi", d.ApplicantName), new FieldBlock("Thủ tục", d.ProcedureName),
            new ParagraphBlock(d.Status == MotCua.Core.Dossiers.DossierStatus.Withdrawn
                ? "Theo đề nghị của ông/bà, cơ quan dừng giải quyết hồ sơ nêu trên (Điều 7 Thông tư 03/2025/TT-VPCP)."
                : "Cơ quan có thẩm quyền dừng giải quyết hồ sơ nêu trên."),
            new FieldBlock("Lý do", d.StopReason ?? "—"),
        ],
        [new SignatureBox("NGƯỜI KÝ THÔNG BÁO", "(Ký, ghi rõ họ tên)")]);

    public static async Task<IResult> Endpoint(long id, string number, HttpContext http, AppDbContext db, DossierFormsHandler handler, TimeProvider time, CancellationToken ct)
    {
        if (DossierActor.From(http.User) is not { } actor)
            return Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
        var dossier = await db.Dossiers.AsNoTracking().VisibleTo(actor, db.Consultations).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dossier is null)
            return Problems.NotFound("Không tìm thấy hồ sơ.");
        var (pdf, error) = await handler.HandleAsync(dossier, number, ct);
        if (pdf is null)
            return Problems.NotFound(error!);
        await DossierReadAudit.RecordAsync(db, actor, time.GetUtcNow().UtcDateTime, "dossier.form.read", "Dossier", dossier.Id, $"form={number}", ct);
        return TypedResults.File(pdf, "application/pdf", $"mau-{number}-{dossier.Code ?? dossier.Id.ToString(CultureInfo.InvariantCulture)}.pdf");
    }
}
