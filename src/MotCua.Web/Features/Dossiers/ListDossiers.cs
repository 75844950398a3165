using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record DossierListItem(long Id, string? Code, int Status, string StatusName, string ProcedureName, string ApplicantName,
    DateTime? SubmittedAt, DateTime? DueAt, string DueFlag, int Channel, bool IsDraft = false, string ProcedureCode = "");

/// <summary>Named queues of the office (docs/domain/dossier-handling.md#queues).</summary>
public enum DossierQueue { All, NewOnline, ToProcess, DueSoon, Overdue, AwaitingSupplement, ReadyToReturn, Mine }

/// <summary>
/// Dossiers the caller may see (scope first), filtered by status, queue and text (code or
/// applicant name), newest first, always paged; each item flagged due soon / overdue.
/// </summary>
public sealed class ListDossiersHandler(AppDbContext db, CalendarProvider calendars, TimeProvider time)
{
    public Task<PagedList<DossierListItem>> HandleAsync(DossierActor actor, DossierStatus? status, DossierQueue queue, string? q, int page, int pageSize, CancellationToken ct) =>
        ListAsync(actor, status, queue, q, page, pageSize, audit: true, ct);

    /// <summary>How many dossiers a queue holds (the office tabs): a number, no personal data, so not audited.</summary>
    public async Task<int> CountAsync(DossierActor actor, DossierQueue queue, CancellationToken ct) =>
        (await ListAsync(actor, null, queue, null, 1, 1, audit: false, ct)).Total;

    private async Task<PagedList<DossierListItem>> ListAsync(DossierActor actor, DossierStatus? status, DossierQueue queue, string? q, int page, int pageSize,
        bool audit, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var calendar = await calendars.GetAsync(ct);
        var dossiers = db.Dossiers.AsNoTracking().VisibleTo(actor, db.Consultations).Where(d => !d.IsDraft || !actor.IsOfficer);
        if (status is { } s)
            dossiers = dossiers.Where(d => d.Status == s);
        var soon = DossierWorkflow.ToUtc(calendar.AddWorkingTime(DossierWorkflow.Local(now), calendar.Hours.DayLength));
        var open = new[] { DossierStatus.Accepted, DossierStatus.Processing };
        dossiers = queue switch
        {
            DossierQueue.NewOnline => dossiers.Where(d => d.Status == DossierStatus.Submitted && d.ReceivingAgencyId == actor.AgencyId),
            DossierQueue.ToProcess => dossiers.Where(d => open.Contains(d.Status) && d.CurrentAgencyId == actor.AgencyId),
            DossierQueue.DueSoon => dossiers.Where(d => open.Contains(d.Status) && d.DueAt != null && d.DueAt >= now && d.DueAt <= soon),
            DossierQueue.Overdue => dossiers.Where(d => open.Contains(d.Status) && d.DueAt != null && d.DueAt < now),
            DossierQueue.AwaitingSupplement => dossiers.Where(d => d.SupplementState != SupplementState.None),
            DossierQueue.ReadyToReturn => dossiers.Where(d => d.Status == DossierStatus.Processed && d.ReceivingAgencyId == actor.AgencyId),
            DossierQueue.Mine => dossiers.Where(d => d.AssigneeId == actor.UserId && d.Status != DossierStatus.Processed && d.Status != DossierStatus.Returned),
            _ => dossiers,
        };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            dossiers = dossiers.Where(d => d.Code == text || d.ApplicantName.Contains(text) || d.ProcedureName.Contains(text));
        }
        var total = await dossiers.CountAsync(ct);
        var rows = await dossiers.OrderByDescending(d => d.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(d => new DossierListItem(d.Id, d.Code, (int)d.Status, DossierStateMachine.VietnameseName(d.Status), d.ProcedureName,
                d.ApplicantName, d.SubmittedAt, d.DueAt, Flag(calendar, now, d).ToString(), (int)d.Channel, d.IsDraft, d.ProcedureCode))
            .ToArray();
        // The filters, not the search text: it may be an applicant's name.
        if (audit)
            await DossierReadAudit.RecordAsync(db, actor, now, "dossier.list", "DossierQueue", queue.ToString(),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"queue={queue};status={(int?)status};text={!string.IsNullOrWhiteSpace(q)};page={page};rows={items.Length}"), ct);
        return new PagedList<DossierListItem>(items, total, page, pageSize);
    }

    public static DueFlag Flag(Core.Calendar.WorkingCalendar calendar, DateTime nowUtc, Dossier d) =>
        d.PausedAt is not null ? DueFlag.None : DueFlags.Of(calendar, DossierWorkflow.Local(nowUtc), d.DueAt is { } due ? DossierWorkflow.Local(due) : null, d.Status);

    public static async Task<IResult> Endpoint(HttpContext http, string? status, string? queue, string? q, string? page, string? pageSize,
        ListDossiersHandler handler, CancellationToken ct)
    {
        if (DossierActor.From(http.User) is not { } actor)
            return Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
        var parse = new QueryParsing();
        var st = string.IsNullOrWhiteSpace(status) ? (int?)null : parse.RequiredInt(status, "status", 1, 10);
        var qu = parse.Enum<DossierQueue>(queue, "queue") ?? DossierQueue.All;
        var p = parse.Int(page, "page", 1, 1, 100_000);
        var size = parse.Int(pageSize, "pageSize", 20, 1, 100);
        if (!parse.Ok)
            return Problems.Validation(parse.Errors);
        return TypedResults.Ok(await handler.HandleAsync(actor, (DossierStatus?)st, qu, q is { Length: > 100 } ? q[..100] : q, p, size, ct));
    }
}
