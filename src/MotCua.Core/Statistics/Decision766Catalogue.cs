using MotCua.Core.Calendar;
using MotCua.Core.Catalog;

namespace MotCua.Core.Statistics;

/// <summary>
/// A procedure offered at an agency (DonViThuTuc), with what 1.3, 3.1, 3.2 and 4.5a need of it:
/// whether its applicants include citizens, and whether a dossier received there in the period used
/// data from the population database.
/// </summary>
public readonly record struct Offering766(long ProcedureId, OnlineLevel Level, bool Complete, bool ReceivedOnline, bool ForCitizens = false, bool UsedPopulationData = false);

/// <summary>The counts behind the catalogue indicators 1.3, 3.1, 3.2 and 4.5a for one unit.</summary>
public sealed record Catalogue766Counts(int Procedures, int Complete, int FullyOnline, int PartlyOnline, int OnlineUsed, int ForCitizens = 0, int ForCitizensUsingPopulation = 0)
{
    public int Online => FullyOnline + PartlyOnline;
}

/// <summary>
/// Catalogue indicators. A unit's procedures are those offered at it (ProcedureOffering, one row per
/// procedure and agency: the receiving and the competent agencies); a procedure offered at several
/// agencies of a unit counts once, at the highest online level among them (3.1: "the highest level
/// counts"), and as used online when any of them received an online dossier in the period (3.2).
/// </summary>
public static class Decision766Catalogue
{
    public static Catalogue766Counts Count(IEnumerable<Offering766> offerings)
    {
        var procedures = offerings.GroupBy(o => o.ProcedureId)
            .Select(g => (Level: g.Max(o => o.Level), Complete: g.Any(o => o.Complete), Used: g.Any(o => o.ReceivedOnline),
                Citizens: g.Any(o => o.ForCitizens), Population: g.Any(o => o.UsedPopulationData)))
            .ToList();
        return new Catalogue766Counts(procedures.Count, procedures.Count(p => p.Complete),
            procedures.Count(p => p.Level == OnlineLevel.FullyOnline), procedures.Count(p => p.Level == OnlineLevel.PartlyOnline),
            procedures.Count(p => p.Level != OnlineLevel.InformationOnly && p.Used),
            procedures.Count(p => p.Citizens), procedures.Count(p => p.Citizens && p.Population));
    }

    /// <summary>
    /// The parts of a published procedure that Decree 63/2010/NĐ-CP art. 8.2 requires and that are
    /// missing [GK — the article's list a–h: name, sequence, method, dossier (components and
    /// quantity), time limit, applicants, implementing agency, result]. In MotCua's definition: the
    /// sequence is each case's process steps, the method is where it is received (receiving agencies),
    /// the dossier is each case's documents with a number of copies, the time limit each case's limit
    /// (or "no appointment"), the agency the competent agency, the result the result type.
    /// </summary>
    public static IReadOnlyList<string> MissingParts(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(definition.Name))
            missing.Add("tên thủ tục");
        if (definition.Cases.Count == 0 || definition.Cases.Any(c => c.Process.Count == 0))
            missing.Add("trình tự thực hiện");
        if (definition.ReceivingAgencies.Count == 0)
            missing.Add("cách thức thực hiện");
        if (definition.Cases.Count == 0 || definition.Cases.Any(c => c.Documents.Count == 0 || c.Documents.Any(d => string.IsNullOrWhiteSpace(d.Name) || d.Originals + d.Copies < 1)))
            missing.Add("thành phần, số lượng hồ sơ");
        if (definition.Cases.Count == 0 || definition.Cases.Any(c => !c.NoAppointment && c.TimeLimit.Unit != TimeLimitUnit.SameDay && c.TimeLimit.Value <= 0))
            missing.Add("thời hạn giải quyết");
        if (definition.ApplicantTypes.Count == 0)
            missing.Add("đối tượng thực hiện");
        if (string.IsNullOrWhiteSpace(definition.CompetentAgency))
            missing.Add("cơ quan thực hiện");
        if (string.IsNullOrWhiteSpace(definition.ResultType))
            missing.Add("kết quả thực hiện");
        return missing;
    }

    /// <summary>
    /// Whether the procedure's result is a document (a paper the applicant receives), so 3.3, 4.1 and
    /// 4.2 expect an electronic result: the catalogue names a result type. MotCua's catalogue has no
    /// separate "no document result" flag, so a named result counts as a document.
    /// </summary>
    public static bool ResultIsDocument(ProcedureDefinition definition) =>
        definition is not null && !string.IsNullOrWhiteSpace(definition.ResultType);

    /// <summary>Indicator 4.5a's denominator: procedures whose applicants include citizens (LoaiDoiTuong 1).</summary>
    public static bool ForCitizens(ProcedureDefinition definition) =>
        definition is not null && definition.ApplicantTypes.Contains(ApplicantType.Citizen);
}
