using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>
/// A demo-data host whose dossiers are replaced by a small labelled set that touches every queue
/// rule: each of the four places an agency sees a dossier from (receiving, competent, current,
/// consulted), each queue's status, due and supplement conditions, drafts and an assignee. The
/// reception desk is at the provincial centre (TTPVHCC), the handler and leader at the Department
/// of Finance (STC), a consulted officer at the provincial police (CAT); SXD is an agency none of them work at.
/// </summary>
public sealed class QueueDataset
{
    public required WebHost Host { get; init; }
    public required IReadOnlyDictionary<string, long> Ids { get; init; }
    public required string PoliceOfficer { get; init; }
    /// <summary>A reception officer of the Department of Education (SGDDT), whose desk received more dossiers than the count limit.</summary>
    public required string BusyDesk { get; init; }

    /// <summary>Labels → ids, newest first (the queue order).</summary>
    public long[] Expected(string labels) =>
        labels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(l => Ids[l]).OrderDescending().ToArray();

    /// <summary>Labels → ids in the order written (the deadline queues list the earliest due first).</summary>
    public long[] Listed(string labels) =>
        labels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(l => Ids[l]).ToArray();

    public static async Task<QueueDataset> CreateAsync(DatabaseKind kind)
    {
        var host = await WebHost.StartAsync(kind, demoData: true);
        var police = await TestAccounts.NewOfficerAsync(host, "CAT", OfficerRole.Handler);
        var busy = await TestAccounts.NewOfficerAsync(host, "SGDDT", OfficerRole.Reception);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.DossierHistory.ExecuteDeleteAsync();
        await db.SupplementRequests.ExecuteDeleteAsync();
        await db.DossierFiles.ExecuteDeleteAsync();
        await db.Consultations.ExecuteDeleteAsync();
        await db.Dossiers.ExecuteDeleteAsync();
        var agency = await db.Agencies.Where(a => a.Code == "TTPVHCC" || a.Code == "STC" || a.Code == "CAT" || a.Code == "SXD" || a.Code == "SGDDT").ToDictionaryAsync(a => a.Code, a => a.Id);
        var user = await db.UserAccounts.Where(u => u.UserName == "handler.demo" || u.UserName == "citizen.demo" || u.UserName == police)
            .ToDictionaryAsync(u => u.UserName, u => u.Id);
        var version = await db.ProcedureVersions.OrderBy(v => v.Id).FirstAsync();
        var now = host.Time.GetUtcNow().UtcDateTime;
        var (r, f, k, x) = (agency["TTPVHCC"], agency["STC"], agency["CAT"], agency["SXD"]);
        var (handler, citizen, officer) = (user["handler.demo"], user["citizen.demo"], user[police]);
        var rows = new List<(string Label, Dossier Dossier)>();
        var number = 0;
        Dossier Add(string label, DossierStatus status, long receiving, long competent, long? current, TimeSpan? due, string applicant)
        {
            var d = new Dossier
            {
                Status = status,
                Channel = Channel.Online,
                ProcedureId = version.ProcedureId,
                ProcedureVersionId = version.Id,
                ProcedureCode = "1.000001",
                ProcedureName = "Đăng ký thành lập doanh nghiệp",
                CaseCode = "TH1",
                ApplicantName = applicant,
                ReceivingAgencyId = receiving,
                CompetentAgencyId = competent,
                CurrentAgencyId = current,
                Code = status == DossierStatus.Submitted ? null : $"Q-{++number:000}",
                CreatedAt = now.AddDays(-30),
                SubmittedAt = now.AddDays(-30),
                ReceivedAt = status == DossierStatus.Submitted ? null : now.AddDays(-29),
                DueAt = due is { } t ? now + t : null,
            };
            rows.Add((label, d));
            return d;
        }
        var day = TimeSpan.FromDays(1);
        var hour = TimeSpan.FromHours(1);
        Add("sub", DossierStatus.Submitted, r, f, null, null, "Nguyễn Văn An").OwnerAccountId = citizen;
        Add("sub2", DossierStatus.Submitted, r, f, null, null, "Trần Thị Bích");
        Add("accFar", DossierStatus.Accepted, r, f, r, 10 * day, "Lê Văn Cường");
        Add("proMine", DossierStatus.Processing, r, f, f, 10 * day, "Phạm Thị Dung").AssigneeId = handler;
        Add("proSoon", DossierStatus.Processing, r, f, f, 2 * hour, "Hoàng Văn Em");
        Add("proLate", DossierStatus.Processing, r, f, f, -day, "Vũ Thị Phương").OwnerAccountId = citizen;
        var sup = Add("supF", DossierStatus.SupplementRequested, r, f, f, -2 * day, "Đặng Văn Giang");
        (sup.SupplementState, sup.PausedAt) = (SupplementState.AwaitingApplicant, now.AddDays(-3));
        Add("accSupDone", DossierStatus.Accepted, r, f, r, 5 * day, "Bùi Thị Hà").SupplementState = SupplementState.SubmittedByApplicant;
        Add("done", DossierStatus.Processed, r, f, r, day, "Đỗ Văn Inh").AssigneeId = handler;
        Add("returned", DossierStatus.Returned, r, f, r, -5 * day, "Ngô Thị Kim").AssigneeId = handler;
        Add("stoppedMine", DossierStatus.Stopped, r, f, f, 3 * day, "Dương Văn Long").AssigneeId = handler;
        Add("xConsultF", DossierStatus.Processing, x, x, x, -3 * hour, "Lý Thị Mai");
        Add("xPrivate", DossierStatus.Processing, x, x, x, -day, "Mai Văn Nam");
        Add("xCompetentF", DossierStatus.Processing, x, f, k, 3 * hour, "Trịnh Thị Oanh").AssigneeId = officer;
        var draft = Add("draft", DossierStatus.Submitted, r, f, null, null, "Nguyễn Văn An");
        (draft.IsDraft, draft.OwnerAccountId) = (true, citizen);
        Add("kAccepted", DossierStatus.Accepted, r, k, r, 20 * day, "Cao Thị Phúc").ProcedureName = "Cấp giấy phép đặc biệt";
        Add("xSupK", DossierStatus.Processing, x, x, x, 4 * day, "Tạ Văn Quang").SupplementState = SupplementState.SubmittedByApplicant;
        db.Dossiers.AddRange(rows.Select(row => row.Dossier));
        await db.SaveChangesAsync();
        var ids = rows.ToDictionary(row => row.Label, row => row.Dossier.Id);
        // One more returned dossier than the count limit at the busy desk, and one new online.
        var g = agency["SGDDT"];
        rows.Clear();
        for (var i = 0; i <= DossierQueueQuery.CountLimit; i++)
            Add("busy", DossierStatus.Returned, g, g, g, -day, "Người nộp " + i);
        Add("busyNew", DossierStatus.Submitted, g, g, null, null, "Người nộp mới");
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Dossiers.AddRange(rows.Select(row => row.Dossier));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        foreach (var (label, consulted) in new[] { ("xConsultF", f), ("xSupK", k), ("accFar", k) })
            db.Consultations.Add(new Consultation { DossierId = ids[label], AgencyId = consulted, Question = "Xin ý kiến", RequestedAt = now, DueAt = now + day });
        await db.SaveChangesAsync();
        // The set is bulk-loaded and queried at once, before autovacuum's first ANALYZE (a minute on a fresh
        // cluster). On the never-analysed table PostgreSQL took the 10,000 dossiers for none, ran the text search
        // once per dossier and hit the 30 s command timeout (a CI run); a live database has its statistics.
        if (kind == DatabaseKind.Postgres)
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "Dossiers", "Consultations" """);
        return new QueueDataset { Host = host, Ids = ids, PoliceOfficer = police, BusyDesk = busy };
    }
}

/// <summary>One queue dataset per database kind, shared by the queue tests (they only read).</summary>
public sealed class QueueHosts : IAsyncLifetime
{
    private readonly Dictionary<DatabaseKind, Task<QueueDataset>> _sets = [];
    private readonly Lock _gate = new();

    public Task<QueueDataset> Get(DatabaseKind kind)
    {
        lock (_gate)
        {
            if (!_sets.TryGetValue(kind, out var set))
                _sets[kind] = set = QueueDataset.CreateAsync(kind);
            return set;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var set in _sets.Values)
            await (await set).Host.DisposeAsync();
    }
}
