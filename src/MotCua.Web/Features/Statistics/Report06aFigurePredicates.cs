using System.Linq.Expressions;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Statistics;

/// <summary>
/// The figures of Report 06a a list of dossiers can be asked for, in the order of the report's
/// number columns (<see cref="Report06aExport.Cells"/>): columns 3–13 of form II.06a/VPCP/KSTT
/// plus MotCua's withdrawn and stopped columns (docs/domain/statistics.md#convention).
/// </summary>
public enum Report06aFigure
{
    Received, NewOnline, NewInPersonOrPostal, CarriedOver,
    Solved, SolvedEarly, SolvedOnTime, SolvedLate,
    Withdrawn, Stopped,
    Pending, PendingWithinTime, PendingOverdue,
}

/// <summary>
/// For each figure of Report 06a, the SQL-translatable predicate selecting exactly the dossiers that
/// <see cref="Report06a.Compute"/> counts in it for the period [start, end) (UTC), under the status
/// mapping of <see cref="Report06aHandler.Fact"/>: withdrawn (7) and stopped (8) end at EndedAt,
/// processed (9) and returned (10) at ProcessingEndedAt, every other status has not ended. The
/// convention (Report06a's summary, docs/domain/statistics.md#convention):
/// <list type="bullet">
/// <item>counted (col 3): received before <c>end</c> and not ended before <c>start</c>;</item>
/// <item>carried over: received before <c>start</c>; new: received in the period, online or not;</item>
/// <item>solved / withdrawn / stopped: ended before <c>end</c>, by the kind of end;</item>
/// <item>pending: not ended before <c>end</c>; overdue when due before <c>end</c>, else within time;</item>
/// <item>early / on time / late: the end against the due moment, both truncated to the minute; no due
/// moment counts as on time.</item>
/// </list>
/// Tests check every list against the report's figure and against Compute dossier by dossier.
/// </summary>
public static class Report06aFigurePredicates
{
    /// <summary>The figures in the order of the report's number columns (Report06aExport.Cells).</summary>
    public static IReadOnlyList<Report06aFigure> Columns { get; } = Enum.GetValues<Report06aFigure>();

    /// <summary>The Vietnamese heading of the figure's column in Biểu II.06a (the same as the exports').</summary>
    public static string Name(Report06aFigure figure) => Report06aExport.Headers[2 + (int)figure];

    /// <summary>The figure's value in a row of the report.</summary>
    public static int Value(Report06aFigures f, Report06aFigure figure) => figure switch
    {
        Report06aFigure.Received => f.Received,
        Report06aFigure.NewOnline => f.NewOnline,
        Report06aFigure.NewInPersonOrPostal => f.NewInPersonOrPostal,
        Report06aFigure.CarriedOver => f.CarriedOver,
        Report06aFigure.Solved => f.Solved,
        Report06aFigure.SolvedEarly => f.SolvedEarly,
        Report06aFigure.SolvedOnTime => f.SolvedOnTime,
        Report06aFigure.SolvedLate => f.SolvedLate,
        Report06aFigure.Withdrawn => f.Withdrawn,
        Report06aFigure.Stopped => f.Stopped,
        Report06aFigure.Pending => f.Pending,
        Report06aFigure.PendingWithinTime => f.PendingWithinTime,
        Report06aFigure.PendingOverdue => f.PendingOverdue,
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "Unknown figure."),
    };

    public static Expression<Func<Dossier, bool>> For(Report06aFigure figure, DateTime start, DateTime end)
    {
        var counted = And(d => d.ReceivedAt != null && d.ReceivedAt < end, Not(EndedBefore(start)));
        var solved = And(counted, d => (d.Status == DossierStatus.Processed || d.Status == DossierStatus.Returned)
            && d.ProcessingEndedAt != null && d.ProcessingEndedAt < end);
        var pending = And(counted, Not(EndedBefore(end)));
        return figure switch
        {
            Report06aFigure.Received => counted,
            Report06aFigure.CarriedOver => And(counted, d => d.ReceivedAt < start),
            Report06aFigure.NewOnline => And(counted, d => d.ReceivedAt >= start && d.Channel == Channel.Online),
            Report06aFigure.NewInPersonOrPostal => And(counted, d => d.ReceivedAt >= start && d.Channel != Channel.Online),
            Report06aFigure.Solved => solved,
            Report06aFigure.SolvedEarly => And(solved, Early),
            Report06aFigure.SolvedOnTime => And(solved, OnTime),
            Report06aFigure.SolvedLate => And(solved, Late),
            Report06aFigure.Withdrawn => And(counted, d => d.Status == DossierStatus.Withdrawn && d.EndedAt != null && d.EndedAt < end),
            Report06aFigure.Stopped => And(counted, d => d.Status == DossierStatus.Stopped && d.EndedAt != null && d.EndedAt < end),
            Report06aFigure.Pending => pending,
            Report06aFigure.PendingWithinTime => And(pending, d => d.DueAt == null || d.DueAt >= end),
            Report06aFigure.PendingOverdue => And(pending, d => d.DueAt != null && d.DueAt < end),
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "Unknown figure."),
        };
    }

    /// <summary>The dossier's 06a end (Report06aHandler.Fact) exists and is before <paramref name="t"/>.</summary>
    private static Expression<Func<Dossier, bool>> EndedBefore(DateTime t) => d =>
        ((d.Status == DossierStatus.Withdrawn || d.Status == DossierStatus.Stopped) && d.EndedAt != null && d.EndedAt < t)
        || ((d.Status == DossierStatus.Processed || d.Status == DossierStatus.Returned) && d.ProcessingEndedAt != null && d.ProcessingEndedAt < t);

    // Minute precision (Report06a.Timeliness: end and due truncated to the minute, then compared)
    // without truncating in SQL. Two instants are in the same minute exactly when their minute fields
    // are equal and they are less than 30 minutes apart: in the same minute the fields are equal and
    // the gap is under a minute; in different minutes with equal fields the gap is over 59 minutes.
    // In different minutes, the instants are in the order of their minutes. So: on time = same minute;
    // early = end < due and not the same minute; late = end > due and not the same minute.
    // Only minute-field extraction and shifts by whole minutes are used, which both providers
    // translate (SQLite: strftime('%M') on the stored text, exact; PostgreSQL: date_part at UTC).
    // SQLite's date arithmetic rounds to the millisecond, which the 30-minute bound cannot feel.
    // Report06aDossiersBoundaryTests cover due ± seconds, 59.999999 s and equal fields an hour apart.
    private static readonly Expression<Func<Dossier, bool>> OnTime = d => d.DueAt == null
        || (d.ProcessingEndedAt!.Value.Minute == d.DueAt.Value.Minute
            && d.ProcessingEndedAt > d.DueAt.Value.AddMinutes(-30) && d.ProcessingEndedAt < d.DueAt.Value.AddMinutes(30));

    private static readonly Expression<Func<Dossier, bool>> Early = d => d.DueAt != null && d.ProcessingEndedAt < d.DueAt
        && (d.ProcessingEndedAt!.Value.Minute != d.DueAt.Value.Minute || d.ProcessingEndedAt <= d.DueAt.Value.AddMinutes(-30));

    private static readonly Expression<Func<Dossier, bool>> Late = d => d.DueAt != null && d.ProcessingEndedAt > d.DueAt
        && (d.ProcessingEndedAt!.Value.Minute != d.DueAt.Value.Minute || d.ProcessingEndedAt >= d.DueAt.Value.AddMinutes(30));

    private static Expression<Func<Dossier, bool>> Not(Expression<Func<Dossier, bool>> p) =>
        Expression.Lambda<Func<Dossier, bool>>(Expression.Not(p.Body), p.Parameters);

    private static Expression<Func<Dossier, bool>> And(Expression<Func<Dossier, bool>> a, Expression<Func<Dossier, bool>> b) =>
        Expression.Lambda<Func<Dossier, bool>>(Expression.AndAlso(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters);

    /// <summary>Puts one lambda's parameter in place of another's, so two predicates share one dossier.</summary>
    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
