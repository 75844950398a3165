using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed class DossierForbiddenException(string message) : InvalidOperationException(message);
public sealed class DossierValidationException(IReadOnlyList<FieldError> errors) : InvalidOperationException("Invalid dossier action input.")
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>
/// What an action sees: the dossier (tracked), the actor, the time and the calendar. Who may act
/// was settled by <see cref="DossierPolicy"/> before the action runs; the action checks its input.
/// </summary>
public sealed record DossierActionContext(AppDbContext Db, Dossier Dossier, DossierActor Actor, DateTime NowUtc, WorkingCalendar Calendar)
{
    public static void Check(bool ok, string field, string message)
    {
        if (!ok)
            throw new DossierValidationException([new FieldError(field, message)]);
    }
}

public enum OutcomeKind { Ok, Unauthenticated, NotFound, Forbidden, Invalid, Conflict }

/// <summary>The result of a dossier action, for the API (ProblemDetails) and the pages (a Vietnamese message).</summary>
public sealed record DossierActionOutcome(OutcomeKind Kind, string Message, IReadOnlyList<FieldError> Errors, DossierReceipt? Receipt, string ProblemType = "")
{
    public bool Ok => Kind == OutcomeKind.Ok;

    public IResult ToHttpResult() => Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(Receipt),
        OutcomeKind.Unauthenticated => Problems.Problem(401, "unauthenticated", "Chưa đăng nhập"),
        OutcomeKind.NotFound => Problems.NotFound(Message),
        OutcomeKind.Forbidden => Problems.Problem(403, "forbidden", "Không có quyền thực hiện", Message),
        OutcomeKind.Invalid => Problems.Validation(Errors),
        _ => Problems.Problem(409, ProblemType, ProblemType == "concurrent-change" ? "Hồ sơ vừa được người khác xử lý" : "Thao tác không phù hợp với trạng thái hồ sơ", Message),
    };

    public static DossierActionOutcome Fail(OutcomeKind kind, string message, string type = "") => new(kind, message, [], null, type);

    /// <summary>A command the policy refuses: 403 for the actor or place, 409 for the state, 400 for a rule answered as invalid input.</summary>
    public static DossierActionOutcome Refused(DossierPermit permit) => permit.Kind switch
    {
        OutcomeKind.Invalid => new(OutcomeKind.Invalid, permit.Reason, [new FieldError(permit.Field, permit.Reason)], null),
        OutcomeKind.Conflict => Fail(OutcomeKind.Conflict, permit.Reason, "invalid-state"),
        _ => Fail(permit.Kind, permit.Reason),
    };
}

/// <summary>
/// Runs one dossier action as one transaction: load within the actor's scope (someone else's ID is
/// a 404 that reveals nothing), apply, save once; a concurrent change of the same dossier (version
/// token) or an action the state does not allow is a conflict and leaves the dossier as it was.
/// Before the action runs, <see cref="DossierPolicy"/> decides whether the actor may give the
/// command here and now; the pages ask <see cref="AllowedAsync"/> of the same policy for their buttons.
/// The API endpoints and the office and portal pages call this same runner.
/// </summary>
public sealed class DossierActionRunner(AppDbContext db, CalendarProvider calendars, TimeProvider time)
{
    public async Task<IResult> RunAsync(long id, DossierActor? actor, DossierCommand command, Func<DossierActionContext, CancellationToken, Task> action,
        CancellationToken ct) =>
        (await TryAsync(id, actor, command, action, ct)).ToHttpResult();

    /// <param name="shownVersion">The version of the dossier the form was filled against; another version is a conflict (someone acted since).</param>
    public async Task<DossierActionOutcome> TryAsync(long id, DossierActor? actor, DossierCommand command, Func<DossierActionContext, CancellationToken, Task> action,
        CancellationToken ct, long? shownVersion = null)
    {
        if (actor is null)
            return DossierActionOutcome.Fail(OutcomeKind.Unauthenticated, "Chưa đăng nhập.");
        var dossier = await db.Dossiers.VisibleTo(actor, db.Consultations).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dossier is null)
            return DossierActionOutcome.Fail(OutcomeKind.NotFound, "Không tìm thấy hồ sơ.");
        if (shownVersion is { } shown && dossier.Version != shown)
            return DossierActionOutcome.Fail(OutcomeKind.Conflict, "Hồ sơ vừa được người khác cập nhật. Vui lòng xem lại hồ sơ rồi thực hiện lại.", "invalid-state");
        var permit = DossierPolicy.Decide(command, actor, dossier, await ConsultedAsync(id, ct));
        if (!permit.IsAllowed)
            return DossierActionOutcome.Refused(permit);
        var calendar = await calendars.GetAsync(ct);
        var context = new DossierActionContext(db, dossier, actor, time.GetUtcNow().UtcDateTime, calendar);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await action(context, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DossierForbiddenException ex)
        {
            return DossierActionOutcome.Fail(OutcomeKind.Forbidden, ex.Message);
        }
        catch (DossierValidationException ex)
        {
            return new DossierActionOutcome(OutcomeKind.Invalid, string.Join(" ", ex.Errors.Select(e => e.Message)), ex.Errors, null);
        }
        catch (DossierRuleException ex)
        {
            return DossierActionOutcome.Fail(OutcomeKind.Conflict, ex.Message, "invalid-state");
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException
                                   || (ex is DbUpdateException or Microsoft.Data.Sqlite.SqliteException && IsBusy(ex)))
        {
            db.ChangeTracker.Clear();
            return DossierActionOutcome.Fail(OutcomeKind.Conflict, "Hồ sơ vừa được người khác xử lý. Vui lòng tải lại hồ sơ và thử lại.", "concurrent-change");
        }
        return new DossierActionOutcome(OutcomeKind.Ok, "Đã thực hiện.", [], SubmitDossierHandler.Receipt(dossier));
    }

    /// <summary>The commands the actor may give on the dossier now: the buttons the pages show.</summary>
    public async Task<IReadOnlyList<DossierCommand>> AllowedAsync(Dossier dossier, DossierActor actor, CancellationToken ct) =>
        DossierPolicy.Allowed(actor, dossier, await ConsultedAsync(dossier.Id, ct));

    private async Task<ConsultedAgencies> ConsultedAsync(long dossierId, CancellationToken ct)
    {
        var rows = await db.Consultations.AsNoTracking().Where(c => c.DossierId == dossierId)
            .Select(c => new { c.AgencyId, Open = c.AnsweredAt == null }).ToListAsync(ct);
        return rows.Count == 0 ? ConsultedAgencies.None
            : new(rows.Select(r => r.AgencyId).ToHashSet(), rows.Where(r => r.Open).Select(r => r.AgencyId).ToHashSet());
    }

    /// <summary>SQLite in WAL mode refuses a write from a stale snapshot (SQLITE_BUSY): another writer won.</summary>
    private static bool IsBusy(Exception ex) =>
        (ex as Microsoft.Data.Sqlite.SqliteException ?? ex.InnerException as Microsoft.Data.Sqlite.SqliteException)?.SqliteErrorCode is 5 or 6;
}
