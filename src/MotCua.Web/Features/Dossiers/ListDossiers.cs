using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record DossierListItem(long Id, string? Code, int Status, string StatusName, string ProcedureName, string ApplicantName,
    DateTime? SubmittedAt, DateTime? DueAt, string DueFlag, int Channel, bool IsDraft = false, string ProcedureCode = "");

/// <summary>Each queue's count, exact up to <paramref name="Limit"/> (a larger value means "more than").</summary>
public sealed record QueueCounts(IReadOnlyDictionary<DossierQueue, int> Counts, int Limit);

/// <summary>Named queues of the office (docs/domain/dossier-handling.md#queues).</summary>
public enum DossierQueue { All, NewOnline, ToProcess, DueSoon, Overdue, AwaitingSupplement, ReadyToReturn, Mine }

/// <summary>
/// Dossiers the caller may see (scope first), filtered by status, queue and text (code or
/// applicant name), newest first (the deadline queues earliest due first), always paged; each item flagged due soon / overdue.
/// </summary>
public sealed class ListDossiersHandler(AppDbContext db, CalendarProvider calendars, TimeProvider time)
{
    public async Task<PagedList<DossierListItem>> HandleAsync(DossierActor actor, DossierStatus? status, DossierQueue queue, string? q, int page, int pageSize, CancellationToken ct)
    {
        var (query, calendar, now) = await QueryAsync(actor, ct);
        var filter = new QueueFilter(status, string.IsNullOrWhiteSpace(q) ? null : q.Trim());
        var skip = (page - 1) * pageSize;
        var rows = await query.Page(queue, filter, skip, pageSize).ToListAsync(ct);
        // A page that is not full ends the queue, so it tells the total without counting.
        var total = rows.Count < pageSize && (rows.Count > 0 || skip == 0) ? skip + rows.Count
            : actor.AgencyId is { } agency ? await CountAsync(agency, query.Counting(queue, filter), ct)
            : await query.Counted(queue, filter).CountAsync(ct);
        var items = rows.Select(d => new DossierListItem(d.Id, d.Code, (int)d.Status, DossierStateMachine.VietnameseName(d.Status), d.ProcedureName,
                d.ApplicantName, d.SubmittedAt, d.DueAt, Flag(calendar, now, d).ToString(), (int)d.Channel, d.IsDraft, d.ProcedureCode))
            .ToArray();
        // The filters, not the search text: it may be an applicant's name.
        await DossierReadAudit.RecordAsync(db, actor, now, "dossier.list", "DossierQueue", queue.ToString(),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"queue={queue};status={(int?)status};text={!string.IsNullOrWhiteSpace(q)};page={page};rows={items.Length}"), ct);
        return new PagedList<DossierListItem>(items, Math.Min(total, DossierQueueQuery.CountLimit + 1), page, pageSize);
    }

    /// <summary>
    /// How many dossiers each queue holds (the office tabs), in one statement, each exact up to
    /// <see cref="DossierQueueQuery.CountLimit"/> (a larger value means "more than"): numbers, no personal data, so not audited.
    /// </summary>
    public async Task<IReadOnlyDictionary<DossierQueue, int>> CountsAsync(DossierActor actor, CancellationToken ct)
    {
        var queues = Enum.GetValues<DossierQueue>();
        if (!actor.IsOfficer || actor.AgencyId is not { } agency)
            return queues.ToDictionary(q => q, _ => 0);
        var (query, _, _) = await QueryAsync(actor, ct);
        var c = queues.Select(q => query.Counting(q, QueueFilter.None)).ToArray();
        var (c0, c1, c2, c3, c4, c5, c6, c7) = (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
        // Each count as in CountAsync, inlined: one statement for the eight tabs. New online, to process,
        // ready to return and mine are read from one place (no agency branches to test), and every
        // subquery of the statement costs planning time (13 ms for the whole statement at 1 M dossiers).
        var tally = await db.Agencies.AsNoTracking().Where(a => a.Id == agency)
            .Select(a => new Tally(
                c0.Receiving.Count() > Limit || c0.Competent.Count() > Limit || c0.Current.Count() > Limit ? Limit + 1 : c0.All.Count(),
                c1.All.Count(),
                c2.All.Count(),
                c3.Receiving.Count() > Limit || c3.Competent.Count() > Limit || c3.Current.Count() > Limit ? Limit + 1 : c3.All.Count(),
                c4.Receiving.Count() > Limit || c4.Competent.Count() > Limit || c4.Current.Count() > Limit ? Limit + 1 : c4.All.Count(),
                c5.Receiving.Count() > Limit || c5.Competent.Count() > Limit || c5.Current.Count() > Limit ? Limit + 1 : c5.All.Count(),
                c6.All.Count(),
                c7.All.Count()))
            .SingleOrDefaultAsync(ct) ?? new Tally(0, 0, 0, 0, 0, 0, 0, 0);
        int[] counts = [tally.C0, tally.C1, tally.C2, tally.C3, tally.C4, tally.C5, tally.C6, tally.C7];
        // The union of cut branches may exceed the cut; beyond it only "more than" is known.
        return queues.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => Math.Min(counts[x.i], DossierQueueQuery.CountLimit + 1));
    }

    private const int Limit = DossierQueueQuery.CountLimit;

    /// <summary>
    /// A queue's count in one statement: "more than" as soon as one agency branch alone holds more than the
    /// limit (each is one index range), else the united count. The statement's CASE runs the united count
    /// only when it is needed (docs/adr/0012-queue-queries.md).
    /// </summary>
    private async Task<int> CountAsync(long agency, QueueCount c, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == agency)
            .Select(a => c.Receiving.Count() > Limit || c.Competent.Count() > Limit || c.Current.Count() > Limit ? Limit + 1 : c.All.Count())
            .SingleOrDefaultAsync(ct);

    /// <summary>The eight queue counts of one statement, in the order of <see cref="DossierQueue"/>.</summary>
    private sealed record Tally(int C0, int C1, int C2, int C3, int C4, int C5, int C6, int C7);

    private async Task<(DossierQueueQuery Query, Core.Calendar.WorkingCalendar Calendar, DateTime Now)> QueryAsync(DossierActor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var calendar = await calendars.GetAsync(ct);
        var soon = DossierWorkflow.ToUtc(calendar.AddWorkingTime(DossierWorkflow.Local(now), calendar.Hours.DayLength));
        return (new DossierQueueQuery(db, actor, now, soon), calendar, now);
    }

    /// <summary>A count as the office shows it: exact up to the limit, "hơn 10.000" beyond.</summary>
    public static string CountText(int count) =>
        count > DossierQueueQuery.CountLimit ? "hơn " + DossierQueueQuery.CountLimit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.')
        : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Paging is bounded: the pages reach the first <see cref="DossierQueueQuery.CountLimit"/> dossiers; a search or a status narrows beyond.</summary>
    public static int MaxPage(int pageSize) => Math.Max(1, DossierQueueQuery.CountLimit / pageSize);

    public static DueFlag Flag(Core.Calendar.WorkingCalendar calendar, DateTime nowUtc, Dossier d) =>
        d.PausedAt is not null ? DueFlag.None : DueFlags.Of(calendar, DossierWorkflow.Local(nowUtc), d.DueAt is { } due ? DossierWorkflow.Local(due) : null, d.Status);

    public static async Task<IResult> CountsEndpoint(HttpContext http, ListDossiersHandler handler, CancellationToken ct) =>
        DossierActor.From(http.User) is not { } actor ? Problems.Problem(401, "unauthenticated", "Chưa đăng nhập")
        : TypedResults.Ok(new QueueCounts(await handler.CountsAsync(actor, ct), DossierQueueQuery.CountLimit));

    public static async Task<IResult> Endpoint(HttpContext http, string? status, string? queue, string? q, string? page, string? pageSize,
        ListDossiersHandler handler, CancellationToken ct)
    {
        if (DossierActor.From(http.User) is not { } actor)
            return Problems.Problem(401, "unauthenticated", "Chưa đăng nhập");
        var parse = new QueryParsing();
        var st = string.IsNullOrWhiteSpace(status) ? (int?)null : parse.RequiredInt(status, "status", 1, 10);
        var qu = parse.Enum<DossierQueue>(queue, "queue") ?? DossierQueue.All;
        var size = parse.Int(pageSize, "pageSize", 20, 1, 100);
        var p = parse.Int(page, "page", 1, 1, MaxPage(size));
        if (!parse.Ok)
            return Problems.Validation(parse.Errors);
        return TypedResults.Ok(await handler.HandleAsync(actor, (DossierStatus?)st, qu, q is { Length: > 100 } ? q[..100] : q, p, size, ct));
    }
}
