using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Core.Statistics;
using MotCua.Web.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Statistics.Counters;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Statistics;

/// <summary>Figures of one period ending today, in Report 06a terms (docs/domain/statistics.md#ioc): col 3, 4, 5, 7, 8+9, 10, 11, 13.</summary>
public sealed record IocPeriod(string From, string To, int Received, int NewOnline, int NewInPersonOrPostal, int Solved, int SolvedOnTimeOrEarly,
    int SolvedLate, int Pending, int PendingOverdue, double? OnTimePercent, double? OnlinePercent);
public sealed record IocChannel(Channel Channel, string Name, int Received);
public sealed record IocTrendMonth(string Month, int Solved, int OnTimeOrEarly, int Late, double? OnTimePercent);
public sealed record IocAgencyLoad(string AgencyCode, string AgencyName, int Pending, int Overdue);
public sealed record IocProcedureCount(string ProcedureCode, string ProcedureName, int Received);
public sealed record IocSatisfaction(int Ratings, double? Average, double? SatisfiedPercent, IReadOnlyList<int> ByLevel);
public sealed record IocResponse(string AsOf, IocPeriod Today, IocPeriod Month, IocPeriod Year, IReadOnlyList<IocChannel> ByChannel,
    IReadOnlyList<IocTrendMonth> OnTimeTrend, IReadOnlyList<IocAgencyLoad> OverdueByAgency, IReadOnlyList<IocProcedureCount> BusiestProcedures,
    IocSatisfaction Satisfaction, string Convention);

/// <summary>
/// The operations dashboard (IOC) of the office: today, this month, this year, the 12-month on-time
/// trend, dossiers by channel and overdue dossiers by agency. Every period figure is Report 06a's,
/// computed from one read of the statistics counters summed over the scope (<see cref="CounterSnapshot"/>);
/// the overdue agencies, the busiest procedures and the satisfaction come from the counters too (<see cref="IocQueries"/>).
/// </summary>
public sealed class IocHandler(AppDbContext db, IocQueries queries, TimeProvider time)
{
    public const int TopAgencies = 10;
    public const int TopProcedures = 10;
    public const int TrendMonths = 12;

    public const string Convention = Report06aHandler.Convention
        + " Hôm nay, tháng này, năm nay: từ đầu kỳ đến hết ngày hôm nay (giờ Việt Nam), nên hồ sơ có hạn trong ngày hôm nay chưa xong được tính là đang quá hạn."
        + " Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / đã giải quyết. Tỷ lệ trực tuyến = tiếp nhận mới trực tuyến / tiếp nhận mới."
        + " Mức độ hài lòng: các đánh giá trong năm theo ngày đánh giá; hài lòng = 4 hoặc 5 sao.";

    public async Task<IocResponse> HandleAsync(long? agencyId, CancellationToken ct)
    {
        var now = VietnamTime.ToLocal(time.GetUtcNow());
        var today = DateOnly.FromDateTime(now);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var yearStart = new DateOnly(today.Year, 1, 1);

        // One read of the by-agency counters, summed over the scope by the database, serves every
        // period below (CounterSnapshot); the figures are those of Report 06a for the same dates, which the tests check.
        var scope = agencyId is { } root ? await AgencyTree.SubtreeAsync(db, root, ct) : null;
        var counters = await CounterSnapshot.LoadAsync(db, scope, today, ct);
        var todayFigures = counters.Report06a(today, today);
        var month = counters.Report06a(monthStart, today);
        var year = counters.Report06a(yearStart, today);
        // Col 5 joins in person and post; the post share is the same report restricted to the postal channel.
        var postal = counters.Report06a(yearStart, today, Channel.Postal).NewInPersonOrPostal;

        var trend = new List<IocTrendMonth>(TrendMonths);
        for (var back = TrendMonths - 1; back >= 0; back--)
        {
            var first = monthStart.AddMonths(-back);
            var figures = back == 0 ? month : counters.Report06a(first, first.AddMonths(1).AddDays(-1));
            var onTime = figures.SolvedEarly + figures.SolvedOnTime;
            trend.Add(new IocTrendMonth(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), figures.Solved, onTime, figures.SolvedLate, Percent(onTime, figures.Solved)));
        }

        var overdue = await OverdueByAgencyAsync(scope, today, ct);
        var busiest = await queries.BusiestProceduresAsync(scope, today.Year, TopProcedures, ct);
        var satisfaction = await queries.SatisfactionAsync(scope, today.Year, ct);

        return new IocResponse(now.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            Period(today, today, todayFigures), Period(monthStart, today, month), Period(yearStart, today, year),
            [
                new IocChannel(Channel.Online, ChannelName(Channel.Online), year.NewOnline),
                new IocChannel(Channel.InPerson, ChannelName(Channel.InPerson), year.NewInPersonOrPostal - postal),
                new IocChannel(Channel.Postal, ChannelName(Channel.Postal), postal),
            ],
            trend, overdue, busiest, satisfaction, Convention);
    }

    /// <summary>
    /// The agencies with the most overdue pending dossiers at the end of today. Pending and overdue
    /// depend only on the end of a period (Report 06a col 11 and 13): one prefix per agency.
    /// </summary>
    private async Task<IocAgencyLoad[]> OverdueByAgencyAsync(IReadOnlyCollection<long>? scope, DateOnly today, CancellationToken ct)
    {
        var prefix = await CounterQueries.PrefixAsync(CounterQueries.Scope(db, scope, null, null, null), today.AddDays(1), c => c.AgencyId, ct);
        var loads = prefix.Select(kv => (Agency: kv.Key, Figures: Report06aFromCounters.Compute(kv.Value, kv.Value)))
            .Where(r => r.Figures.Pending > 0).ToList();
        var ids = loads.Select(r => r.Agency).ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), ct);
        return loads.Select(r => new IocAgencyLoad(agencies[r.Agency].Code, agencies[r.Agency].Name, r.Figures.Pending, r.Figures.PendingOverdue))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Pending).ThenBy(r => r.AgencyCode, StringComparer.Ordinal)
            .Take(TopAgencies).ToArray();
    }

    public static string ChannelName(Channel channel) => channel switch
    {
        Channel.Online => "Trực tuyến",
        Channel.Postal => "Bưu chính",
        _ => "Trực tiếp",
    };

    private static IocPeriod Period(DateOnly from, DateOnly to, Report06aFigures f)
    {
        var onTime = f.SolvedEarly + f.SolvedOnTime;
        return new IocPeriod(IsoDate.Format(from), IsoDate.Format(to), f.Received, f.NewOnline, f.NewInPersonOrPostal, f.Solved, onTime, f.SolvedLate,
            f.Pending, f.PendingOverdue, Percent(onTime, f.Solved), Percent(f.NewOnline, f.NewOnline + f.NewInPersonOrPostal));
    }

    public static double? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    public static async Task<IResult> Endpoint(string? agency, IocHandler handler, AppDbContext db, CancellationToken ct)
    {
        var (found, agencyId) = await AgencyTree.FindAsync(db, agency, ct);
        if (!found)
            return Problems.NotFound(StatisticsRequest.UnknownAgency);
        return TypedResults.Ok(await handler.HandleAsync(agencyId, ct));
    }
}
