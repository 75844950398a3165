using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers;

/// <summary>What the public tracking answer needs of a dossier and of its code's guard, read together.</summary>
public sealed class TrackedDossier
{
    public required string Code { get; init; }
    public required string ProcedureName { get; init; }
    public DossierStatus Status { get; init; }
    public DateTime? ReceivedAt { get; init; }
    public DateTime? DueAt { get; init; }
    public DateTime? ReturnedAt { get; init; }
    public string? CheckIdLast4 { get; init; }
    public string? CheckPhoneLast4 { get; init; }
    public DateTime? LockedUntil { get; init; }
    public int? Failures { get; init; }
    public DateTime? WindowStart { get; init; }
    public int? WindowCount { get; init; }
    public required List<TrackedStep> Steps { get; init; }

    /// <summary>Look-ups of this code the database has counted in the current minute (the misses, from every node).</summary>
    public int CountedThisMinute(DateTime now) =>
        WindowStart is { } start && now - start < TimeSpan.FromMinutes(1) ? WindowCount ?? 0 : 0;
}

public sealed record TrackedStep(DateTime At, string ActionName, DossierStatus ToStatus, string? Agency);

/// <summary>
/// The public tracking look-up as one statement: the dossier by its unique code, its history with
/// the agencies' names, and the code's guard row, all through indexes (Dossiers.Code,
/// DossierHistory (DossierId, Id), TrackingGuards' key).
/// </summary>
public static class TrackingRead
{
    /// <summary>A dossier's history is a few dozen rows; the answer shows at most this many.</summary>
    public const int MaxSteps = 500;

    public static Task<TrackedDossier?> ReadAsync(AppDbContext db, string code, CancellationToken ct) =>
        db.Dossiers.AsNoTracking().Where(d => d.Code == code)
            .Select(d => new TrackedDossier
            {
                Code = d.Code!,
                ProcedureName = d.ProcedureName,
                Status = d.Status,
                ReceivedAt = d.ReceivedAt,
                DueAt = d.DueAt,
                ReturnedAt = d.ReturnedAt,
                CheckIdLast4 = d.CheckIdLast4,
                CheckPhoneLast4 = d.CheckPhoneLast4,
                LockedUntil = db.TrackingGuards.Where(g => g.Code == code).Select(g => g.LockedUntil).FirstOrDefault(),
                Failures = db.TrackingGuards.Where(g => g.Code == code).Select(g => (int?)g.Failures).FirstOrDefault(),
                WindowStart = db.TrackingGuards.Where(g => g.Code == code).Select(g => (DateTime?)g.WindowStart).FirstOrDefault(),
                WindowCount = db.TrackingGuards.Where(g => g.Code == code).Select(g => (int?)g.WindowCount).FirstOrDefault(),
                // No Take here: a row limit inside the collection becomes a window function over the whole table.
                Steps = db.DossierHistory.Where(h => h.DossierId == d.Id).OrderBy(h => h.Id)
                    .Select(h => new TrackedStep(h.At, h.ActionName, h.ToStatus, db.Agencies.Where(a => a.Id == h.ToAgencyId).Select(a => a.Name).FirstOrDefault()))
                    .ToList(),
            })
            .FirstOrDefaultAsync(ct);
}

/// <summary>
/// Right answers per code and minute, counted by this node. A right answer writes nothing (the
/// look-up stays one read), so it is not counted in the shared <see cref="TrackingGuard"/>; the
/// wrong check values, which lock a code for every node, still are (docs/capacity.md).
/// </summary>
public sealed class TrackingHitWindows
{
    private const int SweepAbove = 100_000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, HitWindow> _windows = new(StringComparer.Ordinal);

    /// <summary>Takes one permit of the code's minute; false when <paramref name="permits"/> are used up.</summary>
    public bool TryTake(string code, DateTime now, int permits)
    {
        if (_windows.Count > SweepAbove)
            foreach (var (key, old) in _windows)
                if (now - old.Start >= Window)
                    _windows.TryRemove(key, out _);
        var window = _windows.GetOrAdd(code, _ => new HitWindow { Start = now });
        lock (window)
        {
            if (now - window.Start >= Window)
                (window.Start, window.Count) = (now, 0);
            if (window.Count >= permits)
                return false;
            window.Count++;
            return true;
        }
    }

    private sealed class HitWindow
    {
        public DateTime Start { get; set; }
        public int Count { get; set; }
    }
}
