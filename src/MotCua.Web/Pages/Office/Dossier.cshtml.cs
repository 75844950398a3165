using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Office;

public sealed record HandlerOption(long Id, string FullName, string? Title);
public sealed record FormLink(string Number, string Name);
public sealed record AgencyOption(string Code, string Name);
public sealed record OpenConsultation(long Id, string Question, DateTime DueAt);

/// <summary>
/// One dossier for an officer: the same read handler as GET /api/dossiers/{id} (scope and the
/// audit of personal-data reads included) and, in the partial class next to this file, one POST
/// handler per action that calls the same action runner as the API.
/// </summary>
[Authorize]
public sealed partial class OfficeDossierModel(GetDossierHandler get, DossierActionRunner runner, UploadFileHandler upload, ListOfficersHandler officers, AppDbContext db, TimeProvider time) : OfficerPageModel
{
    public DossierDetail Detail { get; private set; } = null!;
    public ProcedureCase? Case { get; private set; }
    public IReadOnlyList<DossierAction> Actions { get; private set; } = [];
    public IReadOnlyList<HandlerOption> Handlers { get; private set; } = [];
    public IReadOnlyList<FormLink> Forms { get; private set; } = [];
    /// <summary>Agencies to consult or to hand the dossier to (inter-agency one-stop, Decree 61/2018 art. 19.5–19.7).</summary>
    public IReadOnlyList<AgencyOption> OtherAgencies { get; private set; } = [];
    /// <summary>Consultations of this dossier addressed to the officer's agency and not yet answered.</summary>
    public IReadOnlyList<OpenConsultation> Consultations { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [TempData] public string? Message { get; set; }
    /// <summary>Set by the counter intake: the receipt (Form 01) to print now.</summary>
    [TempData] public string? PrintForm { get; set; }

    public string? Error { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public DossierAction? FailedAction { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, Actor, ct) is not { } detail)
            return false;
        Detail = detail;
        Today = VietnamTime.Today(time);
        // The handler's detail names the agencies; which forms to offer depends on their ids.
        var place = await db.Dossiers.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DossierPlace(d.ReceivingAgencyId, d.CompetentAgencyId, d.CurrentAgencyId, d.ProcedureVersionId)).SingleAsync(ct);
        var version = await db.ProcedureVersions.AsNoTracking().SingleAsync(v => v.Id == place.ProcedureVersionId, ct);
        Case = version.Definition.Cases.FirstOrDefault(c => c.Code == detail.CaseCode);
        Actions = DossierActionChoice.For(detail, place, Actor);
        if (Actions.Contains(DossierAction.Assign) && place.CurrentAgencyId is { } agency)
            Handlers = (await officers.HandleAsync(agency, OfficerRole.Handler, ct)).Select(o => new HandlerOption(o.Id, o.FullName, o.Title)).ToArray();
        if ((Actions.Contains(DossierAction.Consult) || Actions.Contains(DossierAction.Transfer)) && place.CurrentAgencyId is { } holder)
            OtherAgencies = await db.Agencies.AsNoTracking()
                .Where(a => a.Id != holder && a.ValidTo == null && a.Kind != Features.Organization.AgencyKind.CommuneServiceCentre)
                .OrderBy(a => a.Name).Take(1000).Select(a => new AgencyOption(a.Code, a.Name)).ToListAsync(ct);
        if (Actor.AgencyId is { } mine && Actor.Can(Permissions.DossierProcess) && detail.Status == (int)DossierStatus.Processing)
            Consultations = await db.Consultations.AsNoTracking().Where(c => c.DossierId == id && c.AgencyId == mine && c.AnsweredAt == null)
                .OrderBy(c => c.Id).Take(50).Select(c => new OpenConsultation(c.Id, c.Question, c.DueAt)).ToListAsync(ct);
        Forms = FormsOf(detail);
        return true;
    }

    /// <summary>
    /// The printable forms that have content (DossierFormsHandler): 2025 set (Circular 03/2025) for
    /// dossiers received from 1 July 2025; before that, the 2018 set, where 05 is the control sheet.
    /// </summary>
    public static IReadOnlyList<FormLink> FormsOf(DossierDetail d)
    {
        var legacy = (d.ReceivedAt ?? d.SubmittedAt) < DossierFormsHandler.Regime2025;
        var status = (DossierStatus)d.Status;
        var forms = new List<FormLink>();
        if (d.Code is not null)
            forms.Add(new("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"));
        if (d.SupplementCount > 0)
            forms.Add(new("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"));
        if (status == DossierStatus.Refused || d.RefusalReason is not null)
            forms.Add(new("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"));
        if (d.ExtensionCount > 0)
            forms.Add(new("04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"));
        if (!legacy && status is DossierStatus.Stopped or DossierStatus.Withdrawn)
            forms.Add(new("05", "Thông báo dừng giải quyết hồ sơ"));
        forms.Add(new(legacy ? "05" : "06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"));
        return forms;
    }

    public bool Shows(DossierAction action) => Actions.Contains(action);

    public bool IsOpen(DossierAction action) => FailedAction == action;

    /// <summary>What the officer typed into the form that failed; other forms start empty.</summary>
    public string Value(DossierAction action, string name, string fallback = "") => FailedAction == action ? Posted(name, fallback) : fallback;

    public static string ActionName(DossierAction action) => DossierStateMachine.VietnameseName(action);
}
