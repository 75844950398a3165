using MotCua.Core.Calendar;
using MotCua.Core.Catalog;

namespace MotCua.Tests.Infrastructure;

/// <summary>Small catalogue documents a test builds for itself, in a sector of its own.</summary>
public static class TestCatalog
{
    private static int _next = Random.Shared.Next(100_000, 800_000);

    /// <summary>A fresh national-format code no other test uses (range 8.xxxxxx).</summary>
    public static string NewCode() => $"8.{Interlocked.Increment(ref _next):000000}";

    public static string NewSector() => "TEST-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    public static ProcedureDefinition Procedure(string code, string name, string sector,
        OnlineLevel online = OnlineLevel.FullyOnline, ImplementingLevel level = ImplementingLevel.Province,
        string competent = "STP", decimal days = 3) => new()
        {
            Code = code,
            Name = name,
            SectorCode = sector,
            Levels = [level],
            ApplicantTypes = [ApplicantType.Citizen],
            CompetentAgency = competent,
            ReceivingAgencies = [level == ImplementingLevel.Commune ? "COMMUNE_CENTRE" : "TTPVHCC"],
            OnlineLevel = online,
            LegacyLevel = 4,
            ResultType = "Giấy chứng nhận",
            LegalBasis = ["Nghị định 118/2025/NĐ-CP"],
            Cases =
        [
            new ProcedureCase
            {
                Code = "TH01",
                Name = "Trường hợp thông thường",
                TimeLimit = new TimeLimit(days, TimeLimitUnit.WorkingDays),
                Fees = [new Fee("Lệ phí", 50_000)],
                Documents = [new RequiredDocument("Tờ khai", 1, 0, "Mẫu 01", true)],
                FormFields = [new FormField { Key = "purpose", Label = "Mục đích", Type = FormFieldType.Text, Required = true }],
                Process =
                [
                    new ProcessStep(1, "Tiếp nhận", ProcessRole.Reception, "Receiving", 0.25m),
                    new ProcessStep(2, "Thẩm định", ProcessRole.Handler, "Competent", 0.5m),
                    new ProcessStep(3, "Phê duyệt", ProcessRole.Leader, "Competent", 0.25m),
                ],
            },
        ],
        };

    public static CatalogDocument Document(string sector, params ProcedureDefinition[] procedures) => new()
    {
        Sectors = [new SectorDefinition(sector, "Lĩnh vực thử nghiệm " + sector, "Bộ thử nghiệm")],
        Procedures = procedures,
    };
}
