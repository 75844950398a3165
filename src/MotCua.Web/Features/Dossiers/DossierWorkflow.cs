using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers;

/// <summary>An action the state machine or the rules refuse; answered as 409 (wrong state) or 400.</summary>
public sealed class DossierRuleException(string message, bool conflict = true) : InvalidOperationException(message)
{
    public bool Conflict { get; } = conflict;
}

/// <summary>
/// The shared mechanics of every dossier action: the state machine check (Core), the append-only
/// history row, and the processing clock kept on the dossier (start, pause, resume). Handlers
/// decide; this applies. Nothing here saves: the handler's one SaveChanges is the transaction.
/// </summary>
public static class DossierWorkflow
{
    public static void Apply(AppDbContext db, Dossier dossier, DossierAction action, DossierActor? actor, DateTime nowUtc,
        string? note = null, long? toAgencyId = null, long? toUserId = null) =>
        db.DossierHistory.Add(Transition(dossier, action, actor?.UserId, actor?.Name ?? "Hệ thống", nowUtc, note, toAgencyId, toUserId));

    /// <summary>
    /// Moves the dossier to the state the machine gives for the action and returns its history row
    /// (also used by the demo generator, so demo history is exactly what real actions write).
    /// </summary>
    public static DossierHistory Transition(Dossier dossier, DossierAction action, long? actorId, string actorName, DateTime nowUtc,
        string? note = null, long? toAgencyId = null, long? toUserId = null)
    {
        var next = DossierStateMachine.Next(dossier.Status, action) ?? throw new DossierRuleException(DossierPolicy.WrongState(action, dossier.Status));
        var row = new DossierHistory
        {
            Dossier = dossier,
            At = nowUtc,
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            ActionName = DossierStateMachine.VietnameseName(action),
            FromStatus = dossier.Status,
            ToStatus = next,
            Step = dossier.CurrentStep,
            FromAgencyId = dossier.CurrentAgencyId,
            ToAgencyId = toAgencyId ?? dossier.CurrentAgencyId,
            ToUserId = toUserId,
            StepDueAt = dossier.StepDueAt,
            Note = note,
        };
        dossier.Status = next;
        dossier.Version++;
        return row;
    }

    /// <summary>The first history row of a dossier (submission or counter reception).</summary>
    public static void Created(AppDbContext db, Dossier dossier, DossierActor? actor, DateTime nowUtc, string actionName)
    {
        db.DossierHistory.Add(new DossierHistory
        {
            Dossier = dossier,
            At = nowUtc,
            ActorId = actor?.UserId,
            ActorName = actor?.Name ?? dossier.ApplicantName,
            ActionName = actionName,
            ToStatus = dossier.Status,
            ToAgencyId = dossier.ReceivingAgencyId,
        });
    }

    public static TimeLimit Limit(Dossier d) => new(d.LimitValue, d.LimitUnit);

    /// <summary>Reception: the clock starts at the next working instant (docs/domain/deadlines.md#clock-start).</summary>
    public static void StartClock(Dossier dossier, WorkingCalendar calendar, DateTime receivedAtUtc)
    {
        dossier.ReceivedAt = receivedAtUtc;
        var local = VietnamTime.ToLocal(new DateTimeOffset(receivedAtUtc, TimeSpan.Zero));
        dossier.ClockStartAt = ToUtc(calendar.NextWorkingInstant(local));
        dossier.DueAt = dossier.NoAppointment ? null : ToUtc(Deadline.Due(calendar, local, Limit(dossier)));
    }

    /// <summary>Supplement or financial obligation: the clock stops counting (docs/domain/deadlines.md#pauses, the default policy).</summary>
    public static void PauseClock(Dossier dossier, DateTime nowUtc)
    {
        if (dossier.PausedAt is null)
        {
            dossier.PausedAt = nowUtc;
            dossier.PauseCount++;
        }
    }

    public static void ResumeClock(Dossier dossier, WorkingCalendar calendar, DateTime nowUtc, SupplementPolicy policy = SupplementPolicy.Pause)
    {
        if (dossier.PausedAt is not { } pausedAt || dossier.DueAt is not { } due || dossier.ClockStartAt is not { } start)
        {
            dossier.PausedAt = null;
            return;
        }
        var clock = new ProcessingClock(Limit(dossier), Local(start), Local(due), Local(pausedAt), dossier.PauseCount,
            TimeSpan.FromMinutes(dossier.PausedWorkingMinutes));
        var resumed = clock.Resume(calendar, Local(nowUtc), policy);
        dossier.DueAt = ToUtc(resumed.Due);
        dossier.PausedWorkingMinutes = (long)resumed.PausedWorkingTime.TotalMinutes;
        dossier.PausedAt = null;
    }

    /// <summary>Due moment of a process step: its share of the case's time limit, in working time from now.</summary>
    public static DateTime? StepDue(WorkingCalendar calendar, Dossier dossier, decimal share, DateTime nowUtc)
    {
        var hours = dossier.LimitUnit switch
        {
            TimeLimitUnit.WorkingDays => dossier.LimitValue * (decimal)calendar.Hours.DayLength.TotalHours,
            TimeLimitUnit.WorkingHours => dossier.LimitValue,
            TimeLimitUnit.CalendarDays => dossier.LimitValue * (decimal)calendar.Hours.DayLength.TotalHours * 5 / 7,
            _ => (decimal)calendar.Hours.DayLength.TotalHours,
        };
        var amount = TimeSpan.FromHours((double)(hours * share));
        var due = ToUtc(calendar.AddWorkingTime(Local(nowUtc), amount));
        return dossier.DueAt is { } overall && due > overall ? overall : due;
    }

    /// <summary>The appointment as told to the applicant in notifications.</summary>
    public static string DueText(Dossier d) => d.DueAt is { } due
        ? Local(due).ToString("HH:mm 'ngày' dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
        : "không có ngày hẹn";

    public static DateTime Local(DateTime utc) => VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public static DateTime ToUtc(DateTime local) => VietnamTime.ToOffset(local).UtcDateTime;
}
