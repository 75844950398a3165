using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Bench.Statistics;

/// <summary>
/// The life of one received dossier after its reception: forward to the competent agency, then an
/// outcome (withdrawn, stopped, stalled, or solved early or late), the return of the result and a
/// rating. Each action happens at a working instant; an action dated after "now" has not happened,
/// so the dossier stays where it was (pending). Transitions go through DossierWorkflow.Transition.
/// </summary>
internal sealed class DossierLife(Dossier d, List<DossierHistory> history, WorkingCalendar calendar, DateTime nowUtc, Random rng,
    string receptionOfficer, string leader, string competentName, string? resultType)
{
    private static readonly string[] Comments = ["Cán bộ hướng dẫn tận tình", "Giải quyết nhanh", "Đúng hẹn", "Phải đi lại nhiều lần", "Thủ tục còn rườm rà", ""];

    private DateTime _last = d.ReceivedAt!.Value;

    public void Play()
    {
        var due = d.DueAt!.Value;
        if (At(_last + Minutes(2, 180)) is not { } forwarded)
            return;
        history.Add(DossierWorkflow.Transition(d, DossierAction.Forward, null, receptionOfficer, forwarded, $"Chuyển {competentName}", d.CompetentAgencyId));
        d.CurrentAgencyId = d.CompetentAgencyId;
        d.StepDueAt = d.DueAt;

        var outcome = rng.NextDouble();
        if (outcome < 0.02)
            End(DossierAction.Withdraw, Within(forwarded, due), d.ApplicantName, "Công dân xin rút hồ sơ để bổ sung giấy tờ");
        else if (outcome < 0.03)
            End(DossierAction.Stop, Within(forwarded, due), leader, "Hồ sơ giả mạo giấy tờ, dừng xử lý theo quy định");
        else if (outcome < 0.06)
            return; // stalled (a backlog, as land and construction desks have): never decided, overdue in the end
        else
            Solve(rng.NextDouble() < 0.065 ? due + Minutes(30, 7 * 24 * 60) : Within(forwarded, due));
    }

    private void Solve(DateTime target)
    {
        if (At(target) is not { } ended)
        {
            // Still being processed; some wait for a supplement from the applicant (the clock is paused).
            if (rng.NextDouble() < 0.12 && At(_last + ((nowUtc - _last) * rng.NextDouble())) is { } paused)
            {
                history.Add(DossierWorkflow.Transition(d, DossierAction.RequestSupplement, null, leader, paused, "Bổ sung bản sao giấy tờ chứng minh nơi cư trú"));
                DossierWorkflow.PauseClock(d, paused);
                d.SupplementState = SupplementState.AwaitingApplicant;
                d.SupplementCount = 1;
            }
            return;
        }
        var summary = resultType is { Length: > 0 } r ? r[..Math.Min(r.Length, 2000)] : "Kết quả giải quyết thủ tục hành chính";
        history.Add(DossierWorkflow.Transition(d, DossierAction.Approve, null, leader, ended, summary, d.ReceivingAgencyId));
        d.ProcessingEndedAt = ended;
        d.ResultNumber = string.Create(CultureInfo.InvariantCulture, $"{d.Id % 100_000}/GCN");
        d.ResultSigner = leader;
        d.ResultDate = DateOnly.FromDateTime(DossierWorkflow.Local(ended));
        d.ResultSummary = summary;
        d.CurrentAgencyId = d.ReceivingAgencyId;
        d.CurrentStep = null;
        d.StepDueAt = null;

        if (At(ended + Minutes(60, 6 * 24 * 60)) is not { } returned)
            return;
        d.ReturnMethod = d.Channel switch
        {
            Channel.Postal => ReturnMethod.ByPost,
            Channel.Online when rng.NextDouble() < 0.6 => ReturnMethod.Online,
            _ => ReturnMethod.AtCounter,
        };
        d.ReturnedTo = d.ApplicantName;
        history.Add(DossierWorkflow.Transition(d, DossierAction.Return, null, receptionOfficer, returned, $"Trả kết quả cho {d.ApplicantName}"));
        d.ReturnedAt = returned;
        if (rng.NextDouble() < 0.3 && ArrivalPlan.WholeSeconds(returned + Minutes(1, 3 * 24 * 60)) is var rated && rated <= nowUtc)
        {
            var roll = rng.NextDouble();
            d.Rating = roll < 0.03 ? 1 : roll < 0.08 ? 2 : roll < 0.20 ? 3 : roll < 0.55 ? 4 : 5;
            d.RatedAt = rated;
            d.RatingComment = Comments[rng.Next(Comments.Length)];
        }
    }

    private void End(DossierAction action, DateTime target, string actor, string reason)
    {
        if (At(target) is not { } ended)
            return;
        history.Add(DossierWorkflow.Transition(d, action, null, actor, ended, reason));
        d.StopReason = reason;
        d.EndedAt = ended;
    }

    /// <summary>Somewhere in the time allowed, mostly well before the due moment.</summary>
    private DateTime Within(DateTime from, DateTime due) =>
        due > from ? from + ((due - from) * (0.15 + (0.82 * rng.NextDouble()))) : from + Minutes(5, 60);

    /// <summary>The next working instant at or after <paramref name="target"/> (and after the last action), or null when it is after now.</summary>
    private DateTime? At(DateTime target)
    {
        if (target <= _last)
            target = _last.AddSeconds(1);
        var at = ArrivalPlan.WholeSeconds(DossierWorkflow.ToUtc(calendar.NextWorkingInstant(DossierWorkflow.Local(target))));
        if (at > nowUtc)
            return null;
        _last = at;
        return at;
    }

    private TimeSpan Minutes(double min, double max) => TimeSpan.FromMinutes(min + ((max - min) * rng.NextDouble()));
}
