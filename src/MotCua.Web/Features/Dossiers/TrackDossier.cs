using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed record TrackingStep(DateTime At, string Action, string Status, string? Agency);
public sealed record TrackingResponse(string Code, string ProcedureName, int Status, string StatusName, DateTime? ReceivedAt, DateTime? DueAt,
    DateTime? ReturnedAt, IReadOnlyList<TrackingStep> Steps);

/// <summary>Why a look-up was not answered: the code is locked after too many wrong check values, or asked too often.</summary>
public enum TrackingRefusal { None, CodeLocked, CodeThrottled }

public sealed record TrackingAnswer(TrackingResponse? Found, TrackingRefusal Refusal);

/// <summary>
/// Public tracking by dossier code plus a check value: the last 4 digits of the applicant's ID
/// number or phone (docs/domain/codes.md#tracking-check). The answer carries no personal data (no names, no notes); a wrong
/// check value and an unknown code give the same 404. Guessing is limited three ways (OWASP ASVS
/// 2.4.1, SECURITY T-IN-15 in docs): per client address prefix (the rate limiter in DossiersApi), per
/// code (look-ups per minute), and a code locks for an hour after 10 wrong check values. The per-code
/// state is in the database (<see cref="TrackingGuard"/>) so every node shares it, and unknown codes
/// are guarded like real ones so a lock does not reveal that a code exists. Every miss is audited.
/// A right answer to an unlocked code with no wrong values pending is one read and writes nothing
/// (<see cref="TrackingRead"/>); its per-code count is kept by the node (<see cref="TrackingHitWindows"/>).
/// Everything else (misses, locks, refusals) takes the guarded path that counts in the database.
/// </summary>
public sealed class TrackDossierHandler(AppDbContext db, TrackingOptions options, TrackingHitWindows hits, TimeProvider time)
{
    public const string RateLimitPolicy = "tracking";
    private const int MaxCodeLength = 40;

    public async Task<TrackingAnswer> HandleAsync(string code, string? check, CancellationToken ct)
    {
        var key = NormaliseCode(code);
        if (key.Length is 0 or > MaxCodeLength)
            return new TrackingAnswer(null, TrackingRefusal.None);
        var now = time.GetUtcNow().UtcDateTime;
        var read = await TrackingRead.ReadAsync(db, key, ct);
        if (read is not null && !string.IsNullOrWhiteSpace(check) && TrackingCheck.Matches(check, read.CheckIdLast4, read.CheckPhoneLast4)
            && !(read.LockedUntil > now) && read.Failures is null or 0)
        {
            return hits.TryTake(key, now, options.PermitsPerCodePerMinute - read.CountedThisMinute(now))
                ? new TrackingAnswer(Answer(read), TrackingRefusal.None)
                : await RefuseAsync(key, TrackingRefusal.CodeThrottled, ct);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAsync(key, check, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear(); // another node changed the same code's guard first: count again
            }
        }
    }

    /// <summary>
    /// A code as people copy or type it: any case, spaces or line breaks inside (from an SMS), and
    /// the en or em dash a phone keyboard or word processor puts for "-" (docs/domain/codes.md#tracking-check).
    /// </summary>
    public static string NormaliseCode(string code) =>
        new string(code.Where(c => !char.IsWhiteSpace(c)).Select(c => c is '\u2013' or '\u2014' or '\u2212' ? '-' : c).ToArray()).ToUpperInvariant();

    private async Task<TrackingAnswer> TryAsync(string key, string? check, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var guard = await db.TrackingGuards.SingleOrDefaultAsync(g => g.Code == key, ct);
        if (guard is null)
            db.TrackingGuards.Add(guard = new TrackingGuard { Code = key, WindowStart = now });
        guard.Version++;
        if (guard.LockedUntil > now)
            return await RefuseAsync(key, TrackingRefusal.CodeLocked, ct);
        if (now - guard.WindowStart >= TimeSpan.FromMinutes(1))
            (guard.WindowStart, guard.WindowCount) = (now, 0);
        if (++guard.WindowCount > options.PermitsPerCodePerMinute)
            return await RefuseAsync(key, TrackingRefusal.CodeThrottled, ct);

        var d = await db.Dossiers.AsNoTracking().Where(x => x.Code == key).Select(x => new { x.CheckIdLast4, x.CheckPhoneLast4 }).SingleOrDefaultAsync(ct);
        if (d is null || string.IsNullOrWhiteSpace(check) || !TrackingCheck.Matches(check, d.CheckIdLast4, d.CheckPhoneLast4))
        {
            guard.Failures++;
            Audit(now, "security.tracking-miss", key, AuditOutcome.Failed);
            if (guard.Failures >= options.FailuresBeforeLock)
            {
                (guard.Failures, guard.LockedUntil) = (0, now + TimeSpan.FromMinutes(options.LockMinutes));
                Audit(now, "security.tracking-locked", key, AuditOutcome.Denied);
            }
            await db.SaveChangesAsync(ct);
            return new TrackingAnswer(null, TrackingRefusal.None);
        }
        guard.Failures = 0;
        await db.SaveChangesAsync(ct);
        return new TrackingAnswer(Answer((await TrackingRead.ReadAsync(db, key, ct))!), TrackingRefusal.None);
    }

    private static TrackingResponse Answer(TrackedDossier d) =>
        new(d.Code, d.ProcedureName, (int)d.Status, DossierStateMachine.VietnameseName(d.Status), d.ReceivedAt, d.DueAt, d.ReturnedAt,
            d.Steps.Take(TrackingRead.MaxSteps).Select(h => new TrackingStep(h.At, h.ActionName, DossierStateMachine.VietnameseName(h.ToStatus), h.Agency)).ToArray());

    private async Task<TrackingAnswer> RefuseAsync(string key, TrackingRefusal refusal, CancellationToken ct)
    {
        Audit(time.GetUtcNow().UtcDateTime, "security.tracking-refused", key, AuditOutcome.Denied, refusal.ToString());
        await db.SaveChangesAsync(ct);
        return new TrackingAnswer(null, refusal);
    }

    private void Audit(DateTime now, string action, string code, AuditOutcome outcome, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry { At = now, Action = action, EntityType = "DossierCode", EntityId = code, Outcome = outcome, Details = details });

    public static async Task<IResult> Endpoint(string code, string? check, TrackDossierHandler handler, CancellationToken ct)
    {
        var answer = await handler.HandleAsync(code, check, ct);
        if (answer.Found is { } found)
            return TypedResults.Ok(found);
        return answer.Refusal == TrackingRefusal.None
            ? Problems.NotFound("Không tìm thấy hồ sơ với mã và số kiểm tra đã nhập.")
            : Problems.Problem(429, "tracking-locked", RefusalMessage, "Vui lòng thử lại sau.");
    }

    public const string RefusalMessage = "Mã hồ sơ này đang tạm khóa tra cứu do nhập sai nhiều lần";
}

/// <summary>Per-code guessing state of the public tracking, shared by every node.</summary>
public sealed class TrackingGuard
{
    public required string Code { get; set; }
    public DateTime WindowStart { get; set; }
    public int WindowCount { get; set; }
    public int Failures { get; set; }
    public DateTime? LockedUntil { get; set; }
    public long Version { get; set; }
}
