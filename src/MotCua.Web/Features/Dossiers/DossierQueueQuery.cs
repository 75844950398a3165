using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers;

/// <summary>What a queue request filters on besides the queue: a status and a text (code or a name).</summary>
public sealed record QueueFilter(DossierStatus? Status, string? Text)
{
    public static readonly QueueFilter None = new(null, null);
}

/// <summary>A queue's ids cut at <see cref="DossierQueueQuery.CountLimit"/> + 1, and the agency branches that can each decide "more than".</summary>
public sealed record QueueCount(IQueryable<long> All, IQueryable<long> Receiving, IQueryable<long> Competent, IQueryable<long> Current);

/// <summary>
/// The queue rules (docs/domain/dossier-handling.md#queues) and the scope rule (docs/architecture.md#scope)
/// written so that each part is served by an index (docs/adr/0012-queue-queries.md): the scope "receiving,
/// competent, current or consulted agency" is a UNION of four branches, each a range of one index
/// ((agency, id), (agency, status, id), consultations (agency, dossier)) read in the queue's order and cut at the
/// rows the caller needs; a queue whose rule names the place (new online and ready to return: the
/// receiving agency; to process: the current agency) reads that one branch; "mine" starts from the
/// assignee; "awaiting supplement" unites the branches of its partial indexes (migration 0024). Counts
/// are the same queries cut at <see cref="CountLimit"/> + 1 rows: exact up to the limit, "more than" beyond it.
/// </summary>
public sealed class DossierQueueQuery(AppDbContext db, DossierActor actor, DateTime nowUtc, DateTime soonUtc)
{
    /// <summary>Counts are exact up to this many dossiers and shown as "hơn 10.000" beyond.</summary>
    public const int CountLimit = 10_000;

    /// <summary>The ids of a queue, first in its order (<see cref="InOrder"/>), at most <paramref name="limit"/> of them (unordered when several branches are united).</summary>
    public IQueryable<long> Ids(DossierQueue queue, QueueFilter filter, int limit)
    {
        var dossiers = db.Dossiers.AsNoTracking();
        if (!actor.IsOfficer)
            return Cut(Rule(dossiers.Where(d => d.OwnerAccountId == actor.UserId), queue, filter), queue, limit);
        if (OfficeAgency() is not { } agency)
            return Cut(dossiers.Where(_ => false), queue, limit);
        // Drafts are the applicant's own business until submitted.
        var submitted = dossiers.Where(d => !d.IsDraft);
        // A text search on PostgreSQL: the trigram indexes find the few matching dossiers once, and the scope
        // rule filters them; as branches, each would read the same trigram postings again (docs/adr/0012-queue-queries.md).
        // SQLite's trigram table (migration 0023) likewise, and a full dossier code is one unique-index read.
        if (!string.IsNullOrWhiteSpace(filter.Text))
            return Cut(Rule(dossiers.VisibleTo(actor, db.Consultations), queue, filter), queue, limit);
        return queue switch
        {
            DossierQueue.NewOnline or DossierQueue.ReadyToReturn => Cut(Rule(submitted.Where(d => d.ReceivingAgencyId == agency), queue, filter), queue, limit),
            DossierQueue.ToProcess => Branch(submitted.Where(d => d.CurrentAgencyId == agency), queue, filter, limit),
            DossierQueue.Mine => Cut(Rule(dossiers.VisibleTo(actor, db.Consultations), queue, filter), queue, limit),
            _ => Branches(agency, queue, filter, limit) is (var receiving, var competent, var current)
                ? receiving.Union(competent).Union(current)
                    // A consulted agency sees the dossier it was asked about (Decree 61/2018 art. 19.5); asked twice, it is one row.
                    .Union(Consulted(agency, queue, filter, limit))
                : Cut(Rule(dossiers.VisibleTo(actor, db.Consultations), queue, filter), queue, limit),
        };
    }

    /// <summary>
    /// The consulted branch, read from the agency's consultations (a few) and distinct per dossier, then cut
    /// in the queue's order. Written as "exists a consultation" on the dossier, SQLite walked every dossier
    /// newest first testing it (0.64 s per page at 1 M dossiers, bench/RESULTS.md).
    /// </summary>
    private IQueryable<long> Consulted(long agency, DossierQueue queue, QueueFilter filter, int limit)
    {
        var dossiers = Rule(db.Consultations.Where(c => c.AgencyId == agency)
            .Join(db.Dossiers.AsNoTracking().Where(d => !d.IsDraft), c => c.DossierId, d => d.Id, (c, d) => d), queue, filter)
            .Select(d => new { d.Id, d.DueAt }).Distinct();
        var ordered = queue is DossierQueue.DueSoon or DossierQueue.Overdue
            ? dossiers.OrderBy(d => d.DueAt).ThenBy(d => d.Id)
            : dossiers.OrderByDescending(d => d.Id);
        return ordered.Select(d => d.Id).Take(limit);
    }

    /// <summary>The officer's agency when the officer may see dossiers at all.</summary>
    private long? OfficeAgency() =>
        actor.IsOfficer && actor.AgencyId is { } agency && actor.Permissions.Any(p => p.StartsWith("dossier.", StringComparison.Ordinal)) ? agency : null;

    /// <summary>
    /// The receiving, competent and current agency branches of a queue united from them (all, due soon,
    /// overdue, awaiting supplement (each branch one of migration 0024's partial indexes), without a text), each cut at <paramref name="limit"/>; null for a queue read from one place.
    /// </summary>
    private (IQueryable<long> Receiving, IQueryable<long> Competent, IQueryable<long> Current)? Branches(long agency, DossierQueue queue, QueueFilter filter, int limit)
    {
        if (queue is not (DossierQueue.All or DossierQueue.DueSoon or DossierQueue.Overdue or DossierQueue.AwaitingSupplement) || !string.IsNullOrWhiteSpace(filter.Text))
            return null;
        var submitted = db.Dossiers.AsNoTracking().Where(d => !d.IsDraft);
        return (Branch(submitted.Where(d => d.ReceivingAgencyId == agency), queue, filter, limit),
            Branch(submitted.Where(d => d.CompetentAgencyId == agency), queue, filter, limit),
            Branch(submitted.Where(d => d.CurrentAgencyId == agency), queue, filter, limit));
    }

    /// <summary>One page of a queue: the rows in the queue's order (<see cref="InOrder"/>).</summary>
    public IQueryable<Dossier> Page(DossierQueue queue, QueueFilter filter, int skip, int take)
    {
        var ids = Ids(queue, filter, skip + take);
        return InOrder(db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id)), queue).Skip(skip).Take(take);
    }

    /// <summary>How many dossiers a queue holds, counted up to <see cref="CountLimit"/> + 1.</summary>
    public IQueryable<long> Counted(DossierQueue queue, QueueFilter filter) => Ids(queue, filter, CountLimit + 1);

    /// <summary>
    /// What counting a queue reads, for one statement of the form "if any agency branch alone holds more than
    /// the limit, more than; else the united count": a busy desk's queue then costs one index range of
    /// <see cref="CountLimit"/> + 1 entries instead of uniting every branch cut there (docs/adr/0012-queue-queries.md).
    /// A queue read from one place has empty branches, which PostgreSQL and SQLite answer without reading.
    /// </summary>
    public QueueCount Counting(DossierQueue queue, QueueFilter filter)
    {
        var all = Counted(queue, filter);
        var empty = db.Dossiers.AsNoTracking().Where(_ => false).Select(d => d.Id);
        return OfficeAgency() is { } agency && Branches(agency, queue, filter, CountLimit + 1) is (var receiving, var competent, var current)
            ? new QueueCount(all, receiving, competent, current)
            : new QueueCount(all, empty, empty, empty);
    }

    /// <summary>
    /// One agency branch cut at <paramref name="limit"/>. A queue of the two open statuses (to process, due
    /// soon, overdue) reads each status as its own index range, in the queue's order:
    /// "status in (2, 4) order by id desc" is no one range of it, and PostgreSQL, which cannot tell that
    /// an agency holds few open dossiers, then walked the whole primary key backwards (1.1 s at 1 M
    /// dossiers, bench/RESULTS.md).
    /// </summary>
    private IQueryable<long> Branch(IQueryable<Dossier> place, DossierQueue queue, QueueFilter filter, int limit) =>
        filter.Status is null && queue is DossierQueue.ToProcess or DossierQueue.DueSoon or DossierQueue.Overdue
            ? Cut(Rule(place, queue, filter with { Status = DossierStatus.Accepted }), queue, limit)
                .Union(Cut(Rule(place, queue, filter with { Status = DossierStatus.Processing }), queue, limit))
            : Cut(Rule(place, queue, filter), queue, limit);

    /// <summary>The rule of the queue, the status and the text, without the scope.</summary>
    private IQueryable<Dossier> Rule(IQueryable<Dossier> dossiers, DossierQueue queue, QueueFilter filter)
    {
        if (filter.Status is { } s)
            dossiers = dossiers.Where(d => d.Status == s);
        var (now, soon, agency, user) = (nowUtc, soonUtc, actor.AgencyId, actor.UserId);
        dossiers = queue switch
        {
            DossierQueue.NewOnline => dossiers.Where(d => d.Status == DossierStatus.Submitted && d.ReceivingAgencyId == agency),
            DossierQueue.ToProcess => Open(dossiers, filter).Where(d => d.CurrentAgencyId == agency),
            DossierQueue.DueSoon => Open(dossiers, filter).Where(d => d.DueAt != null && d.DueAt >= now && d.DueAt <= soon),
            DossierQueue.Overdue => Open(dossiers, filter).Where(d => d.DueAt != null && d.DueAt < now),
            // Two values, not "≠ None", so the supplement-state index is a range.
            DossierQueue.AwaitingSupplement => dossiers.Where(d => d.SupplementState == SupplementState.AwaitingApplicant || d.SupplementState == SupplementState.SubmittedByApplicant),
            DossierQueue.ReadyToReturn => dossiers.Where(d => d.Status == DossierStatus.Processed && d.ReceivingAgencyId == agency),
            DossierQueue.Mine => dossiers.Where(d => d.AssigneeId == user && d.Status != DossierStatus.Processed && d.Status != DossierStatus.Returned),
            _ => dossiers,
        };
        if (!string.IsNullOrWhiteSpace(filter.Text))
            dossiers = Matching(dossiers, filter.Text.Trim());
        return dossiers;
    }

    /// <summary>
    /// Accepted or being processed (the open statuses). A status already chosen is not tested again: the
    /// redundant "status in (2, 4)" made PostgreSQL read the (agency, status, due moment, id) range as
    /// unordered and sort every overdue dossier of the desk (45,000 at 10 M, 15 ms) for a page of 20.
    /// </summary>
    private static IQueryable<Dossier> Open(IQueryable<Dossier> dossiers, QueueFilter filter) => filter.Status switch
    {
        null => dossiers.Where(d => d.Status == DossierStatus.Accepted || d.Status == DossierStatus.Processing),
        DossierStatus.Accepted or DossierStatus.Processing => dossiers,
        _ => dossiers.Where(_ => false),
    };

    /// <summary>
    /// The code exactly, or the applicant's or the procedure's name containing the text in any case. On
    /// PostgreSQL ILIKE, which the trigram indexes of migration 0020 answer (each arm of the OR is an index,
    /// so the planner unites three index reads instead of reading the agency's dossiers); on SQLite LIKE over
    /// the trigram full-text table of migration 0023, which ignores the case of unaccented letters only.
    /// The text's own % and _ are literal.
    /// </summary>
    private IQueryable<Dossier> Matching(IQueryable<Dossier> dossiers, string text)
    {
        // Text shaped like a whole dossier code (Circular 01/2018/TT-VPCP art. 19, docs/domain/codes.md#dossier-code) is looked up as that code only,
        // in any case: no name contains one, and a contains-search would read every dossier in scope.
        if (AsDossierCode(text) is { } code)
            return dossiers.Where(d => d.Code == code);
        var pattern = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        if (!db.Database.IsNpgsql())
            return dossiers.Where(d => d.Code == text || SqliteNames(text).Contains(d.Id));
        return dossiers.Where(d => d.Code == text || EF.Functions.ILike(d.ApplicantName, pattern, @"\") || EF.Functions.ILike(d.ProcedureName, pattern, @"\"));
    }

    /// <summary>
    /// SQLite: the ids whose applicant or procedure name contains the text, from the trigram full-text table
    /// of migration 0023, one column at a time (an OR across its columns is not answered from the index).
    /// FTS5 answers LIKE from the index only without an ESCAPE clause, so a text holding % _ or \ takes the
    /// escaped pattern and a full read of the table; SQLite re-checks every candidate with its own LIKE.
    /// </summary>
    private IQueryable<long> SqliteNames(string text)
    {
        if (text.AsSpan().IndexOfAny(@"%_\") < 0)
        {
            var plain = "%" + text + "%";
            return db.Database.SqlQuery<long>($"""
                SELECT rowid AS "Value" FROM "DossierNameSearch" WHERE "ApplicantName" LIKE {plain}
                UNION SELECT rowid FROM "DossierNameSearch" WHERE "ProcedureName" LIKE {plain}
                """);
        }
        var escaped = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
        return db.Database.SqlQuery<long>($"""
            SELECT rowid AS "Value" FROM "DossierNameSearch" WHERE "ApplicantName" LIKE {escaped} ESCAPE '\'
            UNION SELECT rowid FROM "DossierNameSearch" WHERE "ProcedureName" LIKE {escaped} ESCAPE '\'
            """);
    }

    private static string? AsDossierCode(string text)
    {
        var upper = text.Trim().ToUpperInvariant();
        return DossierCode.TryParse(upper, out _, out _, out _) ? upper : null;
    }

    /// <summary>The first <paramref name="limit"/> ids of the queue's order.</summary>
    private static IQueryable<long> Cut(IQueryable<Dossier> dossiers, DossierQueue queue, int limit) => InOrder(dossiers, queue).Select(d => d.Id).Take(limit);

    /// <summary>
    /// The queue's order (docs/domain/dossier-handling.md#queues): newest first, except the two deadline
    /// queues, earliest due first (the dossier to act on first). That is also the order of their
    /// (agency, status, due moment, id) indexes, so a cut reads the first entries of a range instead of
    /// sorting every overdue dossier of a busy desk (45,000 at 10 M dossiers, bench/RESULTS.md).
    /// </summary>
    private static IOrderedQueryable<Dossier> InOrder(IQueryable<Dossier> dossiers, DossierQueue queue) =>
        queue is DossierQueue.DueSoon or DossierQueue.Overdue ? dossiers.OrderBy(d => d.DueAt).ThenBy(d => d.Id) : dossiers.OrderByDescending(d => d.Id);
}
