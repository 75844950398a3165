using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.DemoData;

/// <summary>
/// Demo dossiers: several hundred over the six months before "now", in every status, so that the
/// office queues and the statistics (Report 06a, Decision 766 on-time rate) have data. Each
/// dossier is replayed action by action with the effects of the real handlers (DemoLifecycle), so
/// its fields and history agree the way real ones do; codes come from the real daily sequence
/// (DossierCodes), so later receptions on those days continue the numbering. Deterministic for a
/// seed, a calendar and a "now".
/// </summary>
public static class DemoDossiers
{
    /// <summary>About this many dossiers belong to the demo citizen account (citizen.demo).</summary>
    public const int OwnedByCitizen = 30;

    private const int BatchSize = 100;

    public static async Task<int> GenerateAsync(AppDbContext db, WorkingCalendar calendar, DateTime nowUtc, int count = 600, int seed = 2026,
        CancellationToken ct = default)
    {
        var clock = new DemoClock(calendar, nowUtc);
        var today = DateOnly.FromDateTime(DossierWorkflow.Local(clock.Now));
        var catalog = await DemoCatalog.LoadAsync(db, today, ct);
        if (catalog.Procedures.Count == 0 || count <= 0)
            return 0;
        // Six months back, but never before the catalogue version the dossiers are received under.
        var start = clock.Now.AddMonths(-6);
        var effective = DossierWorkflow.ToUtc(catalog.EffectiveFrom.ToDateTime(TimeOnly.MinValue));
        start = effective > start ? effective : start;

        var rng = new Random(seed);
        var factory = new DemoDossierFactory(catalog, today, rng);
        var staff = new DemoStaff(catalog);
        var numbers = new Dictionary<long, int>();
        string ResultNumber(Agency agency)
        {
            numbers[agency.Id] = numbers.GetValueOrDefault(agency.Id) + 1;
            return $"{numbers[agency.Id]}/GCN-{agency.Kind switch { AgencyKind.CommunePeopleCommittee => "UBND", AgencyKind.CommunePolice => "CAX", _ => agency.Code }}";
        }

        var scenarios = count >= 60 ? Scenarios : [];
        var schedule = new DemoSchedule(clock, start, rng);
        var anchors = Enumerable.Range(0, count - scenarios.Length).Select(_ => schedule.NextInstant(rng)).Order().ToList();
        var ownedEvery = Math.Max(1, anchors.Count / OwnedByCitizen);
        var lives = new List<DemoLifecycle>(count);
        var extensions = 0;
        for (var i = 0; i < anchors.Count; i++)
        {
            var kind = i % ownedEvery == ownedEvery / 2 ? DemoKind.Owned : DemoKind.Any;
            var (dossier, steps, owner) = factory.Create(kind, null, i, seed);
            var anchor = anchors[i];
            // Online submissions also come in the evening; reception still happens in office hours.
            if (dossier.Channel == Channel.Online && rng.NextDouble() < 0.3 && anchor - start > TimeSpan.FromDays(1))
                anchor -= TimeSpan.FromHours(14 * rng.NextDouble());
            var extend = extensions < 2 && anchor < clock.Now.AddDays(-20) && rng.NextDouble() < 0.05;
            var life = new DemoLifecycle(dossier, clock, steps);
            new DemoStory(life, rng, staff, catalog, owner, ResultNumber).Play(anchor, DemoHold.None, extend);
            extensions += dossier.ExtensionCount;
            lives.Add(life);
        }
        for (var j = 0; j < scenarios.Length; j++)
        {
            var (hold, channel, place) = scenarios[j];
            var (dossier, steps, owner) = factory.Create(DemoKind.ProvinceDesk, channel, anchors.Count + j, seed);
            var limit = clock.Day * (double)dossier.LimitValue;
            var anchor = clock.Back(clock.Now, place(limit, rng));
            var life = new DemoLifecycle(dossier, clock, steps);
            new DemoStory(life, rng, staff, catalog, owner, ResultNumber).Play(anchor, hold, extend: false);
            lives.Add(life);
        }

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Codes in reception order, through the real sequence: 0001, 0002… per receiving unit and day.
        foreach (var life in lives.Where(l => l.Dossier.ReceivedAt is not null).OrderBy(l => l.Dossier.ReceivedAt))
            life.Dossier.Code = await DossierCodes.IssueAsync(db, catalog.Agencies[life.Dossier.ReceivingAgencyId].Qcvn102Code, life.Dossier.ReceivedAt!.Value, ct);
        // Ids follow submission order, as if the dossiers had arrived one by one.
        foreach (var batch in lives.OrderBy(l => l.Dossier.CreatedAt).Chunk(BatchSize))
        {
            foreach (var life in batch)
            {
                db.Dossiers.Add(life.Dossier);
                db.DossierHistory.AddRange(life.History);
            }
            await db.SaveChangesAsync(ct);
            foreach (var life in batch)
            {
                foreach (var request in life.Supplements)
                    request.DossierId = life.Dossier.Id;
                db.SupplementRequests.AddRange(life.Supplements);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        await BackdateAccountsAsync(db, catalog, start, ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return lives.Count;
    }

    /// <summary>
    /// Dossiers pinned around "now" at the provincial centre (reception.demo's unit), so that its
    /// queues are never empty: new online dossiers, not yet forwarded, overdue, due within a
    /// working day, waiting for a supplement, waiting for payment. The place is working time before now.
    /// </summary>
    private static readonly (DemoHold Hold, Channel Channel, Func<TimeSpan, Random, TimeSpan> Place)[] Scenarios =
    [
        (DemoHold.Submitted, Channel.Online, (_, r) => TimeSpan.FromMinutes(r.Next(10, 240))),
        (DemoHold.Submitted, Channel.Online, (_, r) => TimeSpan.FromMinutes(r.Next(10, 240))),
        (DemoHold.Submitted, Channel.Online, (_, r) => TimeSpan.FromMinutes(r.Next(10, 240))),
        (DemoHold.AwaitingForward, Channel.InPerson, (_, r) => TimeSpan.FromMinutes(r.Next(5, 80))),
        (DemoHold.AwaitingForward, Channel.Postal, (_, r) => TimeSpan.FromMinutes(r.Next(5, 80))),
        (DemoHold.Processing, Channel.InPerson, (limit, r) => limit + TimeSpan.FromMinutes(r.Next(120, 960))),
        (DemoHold.Processing, Channel.InPerson, (limit, r) => limit + TimeSpan.FromMinutes(r.Next(120, 960))),
        (DemoHold.Processing, Channel.InPerson, (limit, r) => limit + TimeSpan.FromMinutes(r.Next(960, 2400))),
        (DemoHold.Processing, Channel.InPerson, (limit, r) => limit - TimeSpan.FromMinutes(r.Next(60, 360))),
        (DemoHold.Processing, Channel.InPerson, (limit, r) => limit - TimeSpan.FromMinutes(r.Next(60, 360))),
        (DemoHold.Supplement, Channel.InPerson, (limit, r) => limit * (0.3 + (0.3 * r.NextDouble()))),
        (DemoHold.Supplement, Channel.InPerson, (limit, r) => limit * (0.3 + (0.3 * r.NextDouble()))),
        (DemoHold.Payment, Channel.InPerson, (limit, r) => limit * (0.3 + (0.3 * r.NextDouble()))),
        (DemoHold.Payment, Channel.InPerson, (limit, r) => limit * (0.3 + (0.3 * r.NextDouble()))),
    ];

    /// <summary>The demo accounts acted in the generated history, so they must have existed by then.</summary>
    private static async Task BackdateAccountsAsync(AppDbContext db, DemoCatalog catalog, DateTime start, CancellationToken ct)
    {
        var ids = catalog.Accounts.Values.Select(a => a.Id).ToArray();
        var accounts = await db.UserAccounts.Where(u => ids.Contains(u.Id) && u.CreatedAt > start).ToListAsync(ct);
        foreach (var account in accounts)
            account.CreatedAt = start.AddDays(-1);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
