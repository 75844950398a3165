using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;

namespace MotCua.Web.Features.Dossiers;

public enum SupplementState { None, AwaitingApplicant, SubmittedByApplicant }
public enum PaymentState { None, Requested, Paid }
public enum ReturnMethod { AtCounter, Online, ByPost }

/// <summary>
/// A dossier (hồ sơ). The status is the DVCQG code 1–10 (docs/domain/dossier-states.md#statuses); sub-states are separate
/// fields. It keeps the procedure version, case and time limit it was received under (docs/domain/dossier-states.md#procedure-version),
/// and three organisations: where it was received (issues the code), the competent agency, and the
/// agency currently holding it (docs/domain/dossier-states.md#agencies). Every change of status is also a history row.
/// </summary>
public sealed class Dossier
{
    public long Id { get; set; }
    /// <summary>Dossier code, assigned at reception (Circular 01/2018 art. 19); null while only submitted.</summary>
    public string? Code { get; set; }
    /// <summary>The National Public Service Portal's code of a dossier submitted there (docs/integrations/dvcqg-inbound.md); null otherwise.</summary>
    public string? NationalCode { get; set; }
    public DossierStatus Status { get; set; }
    public Channel Channel { get; set; }
    public bool IsDraft { get; set; }

    public long ProcedureId { get; set; }
    public long ProcedureVersionId { get; set; }
    public required string ProcedureCode { get; set; }
    public required string ProcedureName { get; set; }
    public required string CaseCode { get; set; }
    public TimeLimitUnit LimitUnit { get; set; }
    public decimal LimitValue { get; set; }
    public bool NoAppointment { get; set; }

    public long ReceivingAgencyId { get; set; }
    public long CompetentAgencyId { get; set; }
    public long? CurrentAgencyId { get; set; }
    public long? AssigneeId { get; set; }
    public int? CurrentStep { get; set; }
    public DateTime? StepDueAt { get; set; }

    /// <summary>The applicant's account when submitted online; null for a walk-in without an account.</summary>
    public long? OwnerAccountId { get; set; }
    public long? ReceivedById { get; set; }
    public ApplicantType ApplicantType { get; set; }
    public required string ApplicantName { get; set; }
    public string? ApplicantIdNumber { get; set; }
    public DateOnly? ApplicantBirthDate { get; set; }
    public string? ApplicantPhone { get; set; }
    public string? ApplicantEmail { get; set; }
    public string? ApplicantProvinceCode { get; set; }
    public string? ApplicantCommuneCode { get; set; }
    public string? ApplicantAddress { get; set; }
    /// <summary>Authorised representative who submitted for the applicant (người được ủy quyền).</summary>
    public string? RepresentativeName { get; set; }
    public string? RepresentativeIdNumber { get; set; }
    public string? RepresentativePhone { get; set; }
    public string? AuthorisationDocument { get; set; }
    /// <summary>The applicant's data was filled from the National Population Database (docs/integrations/lgsp-population.md); feeds Decision 766 4.5.</summary>
    public bool PopulationVerified { get; set; }
    /// <summary>Last four digits of the ID number and of the phone: the public tracking check values.</summary>
    public string? CheckIdLast4 { get; set; }
    public string? CheckPhoneLast4 { get; set; }

    public string FormDataJson { get; set; } = "{}";
    public string? IdempotencyKey { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ReceivedAt { get; set; }
    public DateTime? ClockStartAt { get; set; }
    public DateTime? DueAt { get; set; }
    /// <summary>The due moment before the one extension (Decree 61/2018 art. 19.9 keeps it).</summary>
    public DateTime? OriginalDueAt { get; set; }
    public DateTime? PausedAt { get; set; }
    public long PausedWorkingMinutes { get; set; }
    public int PauseCount { get; set; }
    public int SupplementCount { get; set; }
    public int ExtensionCount { get; set; }
    public SupplementState SupplementState { get; set; }
    public PaymentState PaymentState { get; set; }
    public long FeeAmountVnd { get; set; }

    /// <summary>End of processing (status 9) — the KPI end time.</summary>
    public DateTime? ProcessingEndedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public DateTime? ReturnedAt { get; set; }
    public ReturnMethod? ReturnMethod { get; set; }
    public string? ReturnedTo { get; set; }
    public string? ResultNumber { get; set; }
    public string? ResultSigner { get; set; }
    public DateOnly? ResultDate { get; set; }
    public string? ResultSummary { get; set; }
    public string? RefusalReason { get; set; }
    public string? StopReason { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
    public DateTime? RatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// The competent agency's result (status 9): the document's number, signer, date and summary;
    /// processing ends now (the KPI end time) and the dossier goes back to the receiving agency for return.
    /// </summary>
    public void RecordResult(string number, string signer, DateOnly date, string? summary, DateTime nowUtc)
    {
        ResultNumber = number;
        ResultSigner = signer;
        ResultDate = date;
        ResultSummary = summary;
        ProcessingEndedAt = nowUtc;
        CurrentAgencyId = ReceivingAgencyId;
        AssigneeId = null;
        CurrentStep = null;
        StepDueAt = null;
    }
}

/// <summary>Append-only: one row per action on a dossier (process control sheet, DVCQG progress sync).</summary>
public sealed class DossierHistory
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public Dossier? Dossier { get; set; }
    public DateTime At { get; set; }
    public long? ActorId { get; set; }
    public required string ActorName { get; set; }
    public DossierAction? Action { get; set; }
    public required string ActionName { get; set; }
    public DossierStatus? FromStatus { get; set; }
    public DossierStatus ToStatus { get; set; }
    public int? Step { get; set; }
    public long? FromAgencyId { get; set; }
    public long? ToAgencyId { get; set; }
    public long? ToUserId { get; set; }
    public DateTime? StepDueAt { get; set; }
    public string? Note { get; set; }
}

public enum DossierFileKind { Component, Supplement, Result }

/// <summary>A file of a dossier: content-addressed (SHA-256) in the file store, hash checked on read.</summary>
public sealed class DossierFile
{
    public long Id { get; set; }
    public long? DossierId { get; set; }
    public Dossier? Dossier { get; set; }
    public long? OwnerAccountId { get; set; }
    public DossierFileKind Kind { get; set; }
    public int? DocumentIndex { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
    public FileScanState ScanState { get; set; }
    public DateTime? ScannedAt { get; set; }
}

/// <summary>
/// Where a file stands with the malware scanner: only Clean and NotScanned (no scanner configured
/// and not required) may be attached or served; AwaitingScan waits for clamd, Infected is quarantined.
/// </summary>
public enum FileScanState { NotScanned, Clean, AwaitingScan, Infected }

/// <summary>A supplement request (Form 02): one complete list of what is missing (Decree 61/2018 art. 15).</summary>
public sealed class SupplementRequest
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public bool DuringProcessing { get; set; }
    public DateTime RequestedAt { get; set; }
    public long? RequestedById { get; set; }
    public required string ItemsJson { get; set; }
    public required string Reason { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? ApplicantNote { get; set; }
    public DateTime? AcceptedAt { get; set; }
}

/// <summary>Per receiving unit and Vietnam-local day, the last dossier sequence number issued.</summary>
public sealed class DossierSequence
{
    public required string UnitCode { get; set; }
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}

/// <summary>A consultation of another agency with a deadline (Decree 61/2018 art. 19.5); the dossier stays with the lead agency.</summary>
public sealed class Consultation
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public long AgencyId { get; set; }
    public required string Question { get; set; }
    public DateTime RequestedAt { get; set; }
    public long? RequestedById { get; set; }
    public DateTime DueAt { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public long? AnsweredById { get; set; }
}
