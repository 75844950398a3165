using System.Globalization;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.DemoData;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Bench.Statistics;

/// <summary>A batch of generated dossiers in reception order, with their history rows.</summary>
internal sealed record GeneratedChunk(List<Dossier> Dossiers, List<DossierHistory> History);

/// <summary>
/// Deterministic (one seed) dossier histories over the working days of an <see cref="ArrivalPlan"/>.
/// Channel ≈ 45 % online, 50 % in person, 5 % by post. Reception through DossierWorkflow.StartClock
/// (due moment by Core's Deadline.Due on the legal calendar); later actions through
/// DossierWorkflow.Transition, so statuses and history rows are those of the real actions. Outcome:
/// ≈ 2 % withdrawn, 1 % stopped, 3 % stalled (a backlog never decided, overdue in the end), the rest solved —
/// about 6.5 % of those after the due moment, the others at 15–97 % of the time allowed. An action
/// dated after "now" has not happened yet, so recent dossiers are pending; 30 % of returned
/// dossiers are rated (1–5, mostly 4–5). Online dossiers: 1 % refused at reception (never counted),
/// and some of the last hours not yet received.
/// </summary>
internal sealed class DossierGenerator(GeneratorCatalog catalog, DateTime nowUtc, int seed)
{
    private readonly WorkingCalendar _calendar = catalog.Calendar;
    private readonly Random _rng = new(seed);
    private readonly DateOnly _today = DateOnly.FromDateTime(DossierWorkflow.Local(nowUtc));
    private readonly Dictionary<long, string[]> _officers = [];
    private readonly double[] _allWeights = catalog.Procedures.Select(p => p.Weight).ToArray();
    private readonly double[] _onlineWeights = catalog.Procedures.Select(p => p.Online ? p.Weight : 0).ToArray();
    private readonly string[] _communes = catalog.CommuneNames.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The last sequence number issued per receiving unit and day (the DossierSequences rows).</summary>
    public Dictionary<(string Unit, DateOnly Day), int> Sequences { get; } = [];

    public IEnumerable<GeneratedChunk> Generate(ArrivalPlan plan, long firstId, long firstHistoryId, int chunkSize)
    {
        var id = firstId;
        var historyId = firstHistoryId;
        var chunk = new GeneratedChunk(new List<Dossier>(chunkSize), new List<DossierHistory>(chunkSize * 4));
        foreach (var (day, count) in plan.Days)
        {
            var instants = Enumerable.Range(0, count).Select(_ => ArrivalPlan.Instant(_calendar, day, nowUtc, _rng)).Order().ToArray();
            foreach (var received in instants)
            {
                var (dossier, history) = One(id++, received);
                foreach (var row in history)
                {
                    row.Id = historyId++;
                    row.DossierId = dossier.Id;
                }
                chunk.Dossiers.Add(dossier);
                chunk.History.AddRange(history);
                if (chunk.Dossiers.Count >= chunkSize)
                {
                    yield return chunk;
                    chunk = new GeneratedChunk(new List<Dossier>(chunkSize), new List<DossierHistory>(chunkSize * 4));
                }
            }
        }
        if (chunk.Dossiers.Count > 0)
            yield return chunk;
    }

    private (Dossier, List<DossierHistory>) One(long id, DateTime received)
    {
        var roll = _rng.NextDouble();
        var channel = roll < 0.45 ? Channel.Online : roll < 0.95 ? Channel.InPerson : Channel.Postal;
        var procedure = catalog.Procedures[Pick(channel == Channel.Online ? _onlineWeights : _allWeights)];
        var place = procedure.Places[PickPlace(procedure.Places)];
        var @case = procedure.Cases[_rng.Next(procedure.Cases.Count)];
        var limit = channel == Channel.Online && @case.OnlineTimeLimit is { } online ? online : @case.TimeLimit;
        var commune = place.Receiving.AdminUnitCode is { Length: 5 } ward ? ward : _communes[_rng.Next(_communes.Length)];
        var communeName = catalog.CommuneNames.GetValueOrDefault(commune, "Phường Đông Kinh");
        var person = DemoPeople.Person(_rng, commune, communeName, _today);
        var d = new Dossier
        {
            Id = id,
            Channel = channel,
            ProcedureId = procedure.ProcedureId,
            ProcedureVersionId = procedure.VersionId,
            ProcedureCode = procedure.Definition.Code,
            ProcedureName = procedure.Definition.Name,
            CaseCode = @case.Code,
            LimitUnit = limit.Unit,
            LimitValue = limit.Value,
            ReceivingAgencyId = place.Receiving.Id,
            CompetentAgencyId = place.Competent.Id,
            CurrentAgencyId = place.Receiving.Id,
            ApplicantType = ApplicantType.Citizen,
            ApplicantName = person.Name,
            ApplicantIdNumber = person.IdNumber,
            ApplicantBirthDate = person.BirthDate,
            ApplicantPhone = person.Phone,
            ApplicantEmail = person.Email,
            ApplicantProvinceCode = "20",
            ApplicantCommuneCode = commune,
            ApplicantAddress = person.Address,
            CheckIdLast4 = TrackingCheck.LastFour(person.IdNumber),
            CheckPhoneLast4 = TrackingCheck.LastFour(person.Phone),
            FormDataJson = DemoFormData.Create(@case.FormFields, _rng, new DemoFormData.Context(person, _today, communeName)),
            FeeAmountVnd = @case.Fees.Sum(f => f.AmountVnd),
            IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"bench-{seed}-{id}"),
        };
        var history = new List<DossierHistory>(4);
        var reception = Officer(place.Receiving, 0);
        if (channel == Channel.Online)
        {
            d.Status = DossierStatus.Submitted;
            d.CreatedAt = ArrivalPlan.WholeSeconds(received - TimeSpan.FromMinutes(10 + (_rng.NextDouble() * 960)));
            d.SubmittedAt = d.CreatedAt;
            if (nowUtc - received < TimeSpan.FromHours(3) && _rng.NextDouble() < 0.5)
            {
                history.Add(Created(d, d.CreatedAt, "Nộp hồ sơ trực tuyến", d.ApplicantName));
                return (d, history);
            }
            if (_rng.NextDouble() < 0.01)
            {
                d.RefusalReason = "Hồ sơ không thuộc thẩm quyền giải quyết";
                history.Add(DossierWorkflow.Transition(d, DossierAction.Refuse, null, reception, received, d.RefusalReason));
                d.EndedAt = received;
                return (d, history);
            }
            history.Add(DossierWorkflow.Transition(d, DossierAction.Accept, null, reception, received));
        }
        else
        {
            d.Status = DossierStatus.Accepted;
            d.CreatedAt = received;
            d.SubmittedAt = received;
            history.Add(Created(d, received, channel == Channel.Postal ? "Tiếp nhận hồ sơ qua bưu chính" : "Tiếp nhận hồ sơ trực tiếp", reception));
        }
        DossierWorkflow.StartClock(d, _calendar, received);
        d.Code = Code(place.Receiving.UnitCode, received);
        d.StepDueAt = ReceiveAtCounterHandler.ForwardDeadline(_calendar, received);
        new DossierLife(d, history, _calendar, nowUtc, _rng, reception, Officer(place.Competent, 1), place.Competent.Name, procedure.Definition.ResultType)
            .Play();
        return (d, history);
    }

    private static DossierHistory Created(Dossier d, DateTime at, string actionName, string actor) => new()
    {
        At = at,
        ActorName = actor,
        ActionName = actionName,
        ToStatus = d.Status,
        ToAgencyId = d.ReceivingAgencyId,
    };

    /// <summary>The daily sequence per receiving unit (docs/domain/codes.md#sequences): receptions come in time order, so numbers do too.</summary>
    private string Code(string unit, DateTime receivedUtc)
    {
        var day = DateOnly.FromDateTime(DossierWorkflow.Local(receivedUtc));
        var next = Sequences.GetValueOrDefault((unit, day)) + 1;
        Sequences[(unit, day)] = next;
        return DossierCode.Format(unit, day, next);
    }

    /// <summary>A few named officers per agency (0: reception, 1: leaders), stable for the seed.</summary>
    private string Officer(GenAgency agency, int role)
    {
        if (!_officers.TryGetValue(agency.Id, out var names))
        {
            var rng = new Random(unchecked((int)agency.Id * 7919) ^ seed);
            _officers[agency.Id] = names = Enumerable.Range(0, 6).Select(i => DemoPeople.FullName(rng, i % 2 == 0)).ToArray();
        }
        return names[(role * 3) + _rng.Next(3)];
    }

    private int Pick(double[] weights)
    {
        var roll = _rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
                return i;
        }
        return weights.Length - 1;
    }

    private int PickPlace(IReadOnlyList<GenPlace> places)
    {
        var roll = _rng.NextDouble() * places.Sum(p => p.Weight);
        for (var i = 0; i < places.Count; i++)
        {
            roll -= places[i].Weight;
            if (roll < 0)
                return i;
        }
        return places.Count - 1;
    }
}
