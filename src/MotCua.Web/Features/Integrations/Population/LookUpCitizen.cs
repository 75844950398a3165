using System.Security.Cryptography;
using System.Text;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Integrations.Population;

public sealed record PopulationLookupRequest(string? IdNumber, string? FullName, DateOnly? BirthDate);

/// <summary>What the caller sees: the outcome, a Vietnamese message, the citizen when found, and the proof that marks what it fills as verified.</summary>
public sealed record PopulationLookupResult(LookupOutcome Outcome, string Message, PopulationCitizen? Citizen, string? Proof);

/// <summary>Who asks and why (docs/integrations/lgsp-population.md#log).</summary>
public sealed record PopulationLookupCaller(long? UserId, long? AgencyId, string Name, LookupPurpose Purpose);

/// <summary>
/// Fills name, birth date and address from the National Population Database (docs/integrations/lgsp-population.md):
/// the ID number, full name and birth date must all be given and must all match the database; a citizen the
/// database returns with another name or birth date counts as a mismatch and nothing is filled. Every lookup
/// is logged whatever its outcome (the log is what the police monitor and the monthly report counts), with
/// a keyed hash of the ID number, never the number.
/// </summary>
public sealed class LookUpCitizenHandler(AppDbContext db, PopulationClient client, PopulationProofs proofs, PopulationOptions options, TimeProvider time)
{
    public async Task<(PopulationLookupResult? Result, IReadOnlyList<FieldError> Errors)> HandleAsync(
        PopulationLookupRequest request, PopulationLookupCaller caller, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var id = request.IdNumber?.Trim();
        var name = request.FullName is { } n ? string.Join(' ', n.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : null;
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            errors.Add(new FieldError("fullName", "Vui lòng nhập họ tên như trên căn cước (tối đa 200 ký tự)."));
        if (request.BirthDate is null)
            errors.Add(new FieldError("birthDate", "Vui lòng nhập ngày sinh."));
        errors.AddRange(PersonalIdentificationNumber.Validate(id, request.BirthDate).Select(m => new FieldError("idNumber", m)));
        if (errors.Count > 0)
            return (null, errors);

        var answer = await client.LookupAsync(id!, name!, request.BirthDate!.Value, caller.Name, ct);
        var citizen = answer.Citizen;
        var outcome = answer.Outcome;
        if (outcome == LookupOutcome.Found && (citizen is null || citizen.IdNumber != id || citizen.BirthDate != request.BirthDate
                                               || !string.Equals(citizen.Name.Normalize(), name!.Normalize(), StringComparison.OrdinalIgnoreCase)))
        {
            outcome = LookupOutcome.Mismatch;
            citizen = null;
        }
        db.PopulationLookups.Add(new PopulationLookup
        {
            At = time.GetUtcNow().UtcDateTime,
            UserId = caller.UserId,
            AgencyId = caller.AgencyId,
            Purpose = caller.Purpose,
            Outcome = outcome,
            IdNumberHash = Hash(options, id!),
        });
        await db.SaveChangesAsync(ct);
        return (new PopulationLookupResult(outcome, Message(outcome), citizen, citizen is null ? null : proofs.Issue(citizen)), []);
    }

    /// <summary>HMAC-SHA256 of the ID number under the installation's key: the same person gives the same hash, the number cannot be read back.</summary>
    public static string Hash(PopulationOptions options, string idNumber) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.LookupHashKey), Encoding.UTF8.GetBytes(idNumber)));

    public static string Message(LookupOutcome outcome) => outcome switch
    {
        LookupOutcome.Found => "Đã lấy thông tin từ Cơ sở dữ liệu quốc gia về dân cư: họ tên, ngày sinh và địa chỉ đã được điền.",
        LookupOutcome.NotFound => "Không tìm thấy công dân có số định danh cá nhân này trong Cơ sở dữ liệu quốc gia về dân cư.",
        LookupOutcome.Mismatch => "Họ tên hoặc ngày sinh không khớp với số định danh cá nhân trong Cơ sở dữ liệu quốc gia về dân cư; vui lòng kiểm tra lại giấy tờ.",
        _ => "Chưa kết nối được Cơ sở dữ liệu quốc gia về dân cư (qua nền tảng tích hợp LGSP của tỉnh); vui lòng thử lại sau hoặc nhập thông tin theo giấy tờ.",
    };
}
