using MotCua.Core.Calendar;

namespace MotCua.Core.Catalog;

/// <summary>Implementing level of a procedure after the 2025 two-level reorganisation (docs/domain/organisation.md#two-level-government).</summary>
public enum ImplementingLevel { Province, Commune }

/// <summary>Applicant types, in the order of DVCQG LoaiDoiTuong 1–4 (docs/domain/legal-framework.md#applicants).</summary>
public enum ApplicantType { Citizen, Business, StateAgency, Organization }

/// <summary>
/// Online service level of a procedure at an agency (Decree 42/2022 art. 11): toàn trình
/// (end to end), một phần (partly online), or information only.
/// </summary>
public enum OnlineLevel { InformationOnly, PartlyOnline, FullyOnline }

public enum FormFieldType { Text, Number, Date, Choice, YesNo, Rows }

/// <summary>Roles that own a step of a procedure's internal process (docs/domain/legal-framework.md#roles).</summary>
public enum ProcessRole { Reception, DivisionHead, Handler, Leader, Clerk, ReturnOfficer }

/// <summary>
/// The content of one version of a procedure, as published in the catalogue and as
/// imported/exported in JSON ("motcua-catalog/1"). A published version is immutable.
/// </summary>
public sealed record ProcedureDefinition
{
    public required string Code { get; init; }
    public bool CodeVerified { get; init; } = true;
    public required string Name { get; init; }
    public required string SectorCode { get; init; }
    public IReadOnlyList<ImplementingLevel> Levels { get; init; } = [];
    public IReadOnlyList<ApplicantType> ApplicantTypes { get; init; } = [];
    /// <summary>Agency code, or a commune-level key (COMMUNE_PC, COMMUNE_CENTRE, COMMUNE_POLICE) meaning "of each commune".</summary>
    public required string CompetentAgency { get; init; }
    public IReadOnlyList<string> ReceivingAgencies { get; init; } = [];
    public OnlineLevel OnlineLevel { get; init; }
    /// <summary>Legacy level 1–4 of Decree 43/2011 art. 3, kept for old reports.</summary>
    public int? LegacyLevel { get; init; }
    public string? ResultType { get; init; }
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    public string? Description { get; init; }
    public IReadOnlyList<ProcedureCase> Cases { get; init; } = [];
}

/// <summary>A case variant (trường hợp) with its own time limit, fees, documents, form and process.</summary>
public sealed record ProcedureCase
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required TimeLimit TimeLimit { get; init; }
    /// <summary>A possibly shorter limit for online dossiers (ThoiGianThucHienTrucTuyen).</summary>
    public TimeLimit? OnlineTimeLimit { get; init; }
    public bool NoAppointment { get; init; }
    public IReadOnlyList<Fee> Fees { get; init; } = [];
    public IReadOnlyList<RequiredDocument> Documents { get; init; } = [];
    public IReadOnlyList<FormField> FormFields { get; init; } = [];
    public IReadOnlyList<ProcessStep> Process { get; init; } = [];
}

/// <summary>A fee or charge in VND; VND has no minor unit, so amounts are whole numbers.</summary>
public sealed record Fee(string Name, long AmountVnd, string? Note = null);

public sealed record RequiredDocument(string Name, int Originals, int Copies, string? Template, bool Required);

public sealed record FormField
{
    public required string Key { get; init; }
    public required string Label { get; init; }
    public FormFieldType Type { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<string>? Options { get; init; }
    public IReadOnlyList<FormField>? Columns { get; init; }
}

/// <summary>One step of the internal process; Share is its fraction of the case's time limit.</summary>
public sealed record ProcessStep(int Order, string Name, ProcessRole Role, string Agency, decimal Share);
