using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Text;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Integrations.Dvcqg;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Catalog;

public sealed record ImportFromDvcqgRequest(string? NationalCode);

/// <param name="NewProcedure">The catalogue had no procedure with this code.</param>
/// <param name="UnresolvedAgencies">DVCQG's agency codes with no agency here: kept as given, to be fixed before publishing.</param>
public sealed record ImportFromDvcqgResult(string Code, string Name, int VersionNumber, bool NewProcedure, string SectorCode, IReadOnlyList<string> UnresolvedAgencies);

/// <summary>
/// Fills a draft version of a procedure from DVCQG's national catalogue (<c>LayThuTuc</c> by national code;
/// docs/integrations/dvcqg.md#catalogue): a new procedure gets draft 1; a procedure with an open draft has it
/// refilled; otherwise a new draft follows its versions. Published versions are never touched (they are
/// immutable, docs/domain/dossier-states.md#procedure-version); an administrator reviews the draft and publishes it.
/// What DVCQG does not hold (levels, receiving agencies, online level, form, internal process, templates)
/// is carried over from the procedure's latest version. One SaveChanges with the audit row; any failure writes nothing.
/// </summary>
public sealed partial class ImportProcedureFromDvcqgHandler(AppDbContext db, IDvcqgTransport transport, DvcqgOptions options, TimeProvider time)
{
    public sealed record Outcome(ImportFromDvcqgResult? Result, ProblemHttpResult? Problem);

    public async Task<Outcome> HandleAsync(string? nationalCode, long? userId, CancellationToken ct)
    {
        var code = nationalCode?.Trim() ?? "";
        if (!NationalCode().IsMatch(code))
            return Fail(Problems.Validation("nationalCode", "Mã thủ tục quốc gia không hợp lệ (ví dụ 1.001234)."));
        if (!options.Enabled)
            return Fail(Problems.Problem(StatusCodes.Status503ServiceUnavailable, "dvcqg-not-configured", "Chưa cấu hình kết nối Cổng Dịch vụ công quốc gia"));
        DvcqgProcedure national;
        try
        {
            var answer = await transport.CallAsync("LayThuTuc", new JsonObject { ["maTTHC"] = code }, ct);
            if (!answer.Succeeded)
                return Fail(Unavailable($"Cổng DVCQG trả lỗi {answer.ErrorCode}: {answer.Message}"));
            if (answer.Result is not { ValueKind: JsonValueKind.Array } result)
                return Fail(Malformed("Phản hồi không có danh sách result."));
            if (result.GetArrayLength() == 0)
                return Fail(Problems.Problem(StatusCodes.Status404NotFound, "dvcqg-procedure-not-found", "Cổng DVCQG không có thủ tục này",
                    $"Không có thủ tục mã {code} trên Cổng Dịch vụ công quốc gia."));
            national = DvcqgProcedureMapping.Read(result[0]);
        }
        catch (DvcqgException e)
        {
            return Fail(Unavailable(e.Message));
        }
        catch (FormatException e)
        {
            return Fail(Malformed(e.Message));
        }

        var today = VietnamTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var procedure = await db.Procedures.Include(p => p.Versions).SingleOrDefaultAsync(p => p.Code == code, ct);
        var isNew = procedure is null;
        procedure ??= db.Procedures.Add(new Procedure { Code = code }).Entity;
        var latest = procedure.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
        if (!await db.Sectors.AnyAsync(s => s.Code == national.SectorCode, ct))
            db.Sectors.Add(new Sector { Code = national.SectorCode, Name = national.SectorName });

        var (agencyKeys, unresolved) = await AgencyKeysAsync(national, today, ct);
        var definition = Definition(code, national, latest?.Definition, agencyKeys);
        var draft = latest is { State: VersionState.Draft } ? latest : null;
        if (draft is null)
        {
            draft = NewDraft(definition, (latest?.Number ?? 0) + 1, today);
            procedure.Versions.Add(draft);
        }
        else
        {
            Fill(draft, definition);
        }
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            UserId = userId,
            Action = "catalog.import-dvcqg",
            EntityType = "Procedure",
            EntityId = code,
            Details = JsonSerializer.Serialize(new { version = draft.Number, newProcedure = isNew, unresolved }),
        });
        await db.SaveChangesAsync(ct);
        return new Outcome(new ImportFromDvcqgResult(code, definition.Name, draft.Number, isNew, definition.SectorCode, unresolved), null);
    }

    /// <summary>DVCQG names agencies by their QCVN 102 code; the catalogue by MotCua's own agency code.</summary>
    private async Task<(IReadOnlyList<string> Keys, IReadOnlyList<string> Unresolved)> AgencyKeysAsync(DvcqgProcedure national, DateOnly today, CancellationToken ct)
    {
        var codes = national.Agencies.Select(a => a.Code).Distinct().ToList();
        var found = await db.Agencies.AsNoTracking()
            .Where(a => (codes.Contains(a.Qcvn102Code) || codes.Contains(a.Code)) && a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo > today))
            .Select(a => new { a.Code, a.Qcvn102Code }).ToListAsync(ct);
        var keys = codes.Select(c => found.FirstOrDefault(a => a.Qcvn102Code == c || a.Code == c)?.Code ?? c).ToList();
        return (keys, codes.Where(c => !found.Any(a => a.Qcvn102Code == c || a.Code == c)).ToList());
    }

    private static ProcedureDefinition Definition(string code, DvcqgProcedure n, ProcedureDefinition? previous, IReadOnlyList<string> agencies)
    {
        var documents = n.Documents.Select(d => d with { Template = previous?.Cases.SelectMany(c => c.Documents).FirstOrDefault(p => p.Name == d.Name)?.Template }).ToList();
        var cases = previous?.Cases is { Count: > 1 } several
            ? several // several local cases: DVCQG's times and fees are per channel, not per case, so they stay as reviewed
            : [Case(previous?.Cases is { Count: > 0 } one ? one[0] : null, n, documents)];
        return (previous ?? new ProcedureDefinition { Code = code, Name = n.Name, SectorCode = n.SectorCode, CompetentAgency = "" }) with
        {
            Code = code,
            CodeVerified = true,
            Name = n.Name,
            SectorCode = n.SectorCode,
            ApplicantTypes = n.ApplicantTypes.Count > 0 ? n.ApplicantTypes : previous?.ApplicantTypes ?? [],
            CompetentAgency = agencies.Count > 0 ? agencies[0] : previous?.CompetentAgency ?? "",
            ResultType = n.ResultType ?? previous?.ResultType,
            LegalBasis = n.LegalBasis.Count > 0 ? n.LegalBasis : previous?.LegalBasis ?? [],
            Description = n.Requirements is { } r ? "Yêu cầu, điều kiện: " + r : previous?.Description,
            Cases = cases,
        };
    }

    private static ProcedureCase Case(ProcedureCase? previous, DvcqgProcedure n, IReadOnlyList<RequiredDocument> documents) =>
        (previous ?? new ProcedureCase { Code = "TH01", Name = n.Name, TimeLimit = new TimeLimit(0, TimeLimitUnit.WorkingDays) }) with
        {
            TimeLimit = n.TimeLimit ?? previous?.TimeLimit ?? new TimeLimit(0, TimeLimitUnit.WorkingDays),
            OnlineTimeLimit = n.TimeLimit is null ? previous?.OnlineTimeLimit : n.OnlineTimeLimit,
            Fees = n.Fees,
            Documents = documents.Count > 0 ? documents : previous?.Documents ?? [],
        };

    private static ProcedureVersion NewDraft(ProcedureDefinition definition, int number, DateOnly today)
    {
        var draft = new ProcedureVersion
        {
            Number = number,
            State = VersionState.Draft,
            EffectiveFrom = today, // set again when it is published
            Name = definition.Name,
            NameFolded = "",
            SectorCode = definition.SectorCode,
            Levels = "",
            Definition = definition,
        };
        Fill(draft, definition);
        return draft;
    }

    private static void Fill(ProcedureVersion draft, ProcedureDefinition definition)
    {
        draft.Name = definition.Name;
        draft.NameFolded = VietnameseText.Fold(definition.Name);
        draft.SectorCode = definition.SectorCode;
        draft.Levels = "," + string.Join(",", definition.Levels) + ",";
        draft.OnlineLevel = definition.OnlineLevel;
        draft.Definition = definition;
    }

    private static Outcome Fail(ProblemHttpResult problem) => new(null, problem);

    private static ProblemHttpResult Unavailable(string detail) =>
        Problems.Problem(StatusCodes.Status502BadGateway, "dvcqg-unavailable", "Không lấy được thủ tục từ Cổng Dịch vụ công quốc gia", detail);

    private static ProblemHttpResult Malformed(string detail) =>
        Problems.Problem(StatusCodes.Status502BadGateway, "dvcqg-malformed", "Cổng Dịch vụ công quốc gia trả về dữ liệu thủ tục không đọc được", detail);

    /// <summary>National procedure codes: "1.001234", "2.002154", some with letters (e.g. "1.00309.000.00.00.H12").</summary>
    [GeneratedRegex(@"^[0-9A-Za-z][0-9A-Za-z.\-]{2,39}$")]
    private static partial Regex NationalCode();

    public static async Task<IResult> Endpoint(HttpContext http, ImportFromDvcqgRequest? request, ImportProcedureFromDvcqgHandler handler, CancellationToken ct)
    {
        var outcome = await handler.HandleAsync(request?.NationalCode, http.User.UserId(), ct);
        return outcome.Problem is { } problem ? problem : TypedResults.Ok(outcome.Result);
    }
}
