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
    public IReadOnlyList<DossierCommand> Actions { get; private set; } = [];
    public IReadOnlyList<HandlerOption> Handlers { get; private set; } = [];
    public IReadOnlyList<DossierFormLink> Forms { get; private set; } = [];
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
    public DossierCommand? FailedAction { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, Actor, ct) is not { } detail)
            return false;
        Detail = detail;
        Today = VietnamTime.Today(time);
        // The policy and the form set read the dossier row itself (the detail names the agencies, they need the ids).
        var dossier = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id, ct);
        var version = await db.ProcedureVersions.AsNoTracking().SingleAsync(v => v.Id == dossier.ProcedureVersionId, ct);
        Case = version.Definition.Cases.FirstOrDefault(c => c.Code == detail.CaseCode);
        Actions = await runner.AllowedAsync(dossier, Actor, ct);
        if (Shows(DossierCommand.Assign) && dossier.CurrentAgencyId is { } agency)
            Handlers = (await officers.HandleAsync(agency, OfficerRole.Handler, ct)).Select(o => new HandlerOption(o.Id, o.FullName, o.Title)).ToArray();
        if ((Shows(DossierCommand.Consult) || Shows(DossierCommand.TransferAgency)) && dossier.CurrentAgencyId is { } holder)
            OtherAgencies = await db.Agencies.AsNoTracking()
                .Where(a => a.Id != holder && a.ValidTo == null && a.Kind != Features.Organization.AgencyKind.CommuneServiceCentre)
                .OrderBy(a => a.Name).Take(1000).Select(a => new AgencyOption(a.Code, a.Name)).ToListAsync(ct);
        if (Shows(DossierCommand.AnswerConsultation) && Actor.AgencyId is { } mine)
            Consultations = await db.Consultations.AsNoTracking().Where(c => c.DossierId == id && c.AgencyId == mine && c.AnsweredAt == null)
                .OrderBy(c => c.Id).Take(50).Select(c => new OpenConsultation(c.Id, c.Question, c.DueAt)).ToListAsync(ct);
        Forms = DossierFormSet.Available(dossier);
        return true;
    }

    public bool Shows(DossierCommand command) => Actions.Contains(command);

    public bool IsOpen(DossierCommand command) => FailedAction == command;

    /// <summary>What the officer typed into the form that failed; other forms start empty.</summary>
    public string Value(DossierCommand command, string name, string fallback = "") => FailedAction == command ? Posted(name, fallback) : fallback;

    public static string ActionName(DossierCommand command) => DossierCommands.VietnameseName(command);
}
