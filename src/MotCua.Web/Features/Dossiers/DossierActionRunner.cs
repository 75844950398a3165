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

/// <summary>What an action sees: the dossier (tracked), the actor, the time and the calendar.</summary>
public sealed record DossierActionContext(AppDbContext Db, Dossier Dossier, DossierActor Actor, DateTime NowUtc, WorkingCalendar Calendar)
{
    public void Require(string permission, long? agencyId)
    {
        if (!Actor.Can(permission) || (agencyId is not null && Actor.AgencyId != agencyId))
            throw new DossierForbiddenException("Bạn không có quyền thực hiện thao tác này với hồ sơ.");
    }

    public void RequireOwner()
    {
        if (Actor.IsOfficer || Dossier.OwnerAccountId != Actor.UserId)
            throw new DossierForbiddenException("Chỉ chủ hồ sơ được thực hiện thao tác này.");
    }

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
}

/// <summary>
/// Runs one dossier action as one transaction: load within the actor's scope (someone else's ID is
/// a 404 that reveals nothing), apply, save once; a concurrent change of the same dossier (version
/// token) or an action the state does not allow is a conflict and leaves the dossier as it was.
/// The API endpoints and the office and portal pages call this same runner.
/// </summary>
public sealed class DossierActionRunner(AppDbContext db, CalendarProvider calendars, TimeProvider time)
{
    public async Task<IResult> RunAsync(long id, DossierActor? actor, Func<DossierActionContext, Task> action, CancellationToken ct) =>
        (await TryAsync(id, actor, action, ct)).ToHttpResult();

    public async Task<DossierActionOutcome> TryAsync(long id, DossierActor? actor, Func<DossierActionContext, Task> action, CancellationToken ct)
    {
        if (actor is null)
            return DossierActionOutcome.Fail(OutcomeKind.Unauthenticated, "Chưa đăng nhập.");
        var dossier = await db.Dossiers.VisibleTo(actor, db.Consultations).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dossier is null)
            return DossierActionOutcome.Fail(OutcomeKind.NotFound, "Không tìm thấy hồ sơ.");
        var calendar = await calendars.GetAsync(ct);
        var context = new DossierActionContext(db, dossier, actor, time.GetUtcNow().UtcDateTime, calendar);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await action(context);
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

    /// <summary>SQLite in WAL mode refuses a write from a stale snapshot (SQLITE_BUSY): another writer won.</summary>
    private static bool IsBusy(Exception ex) =>
        (ex as Microsoft.Data.Sqlite.SqliteException ?? ex.InnerException as Microsoft.Data.Sqlite.SqliteException)?.SqliteErrorCode is 5 or 6;
}
