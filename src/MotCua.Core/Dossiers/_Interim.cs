// Interim declarations until the dossier-core branch is merged; deleted at merge.
using MotCua.Core.Calendar;

namespace MotCua.Core.Dossiers;

public enum DossierStatus { Submitted = 1, Accepted = 2, Refused = 3, Processing = 4, SupplementRequested = 5, FinancialObligation = 6, Withdrawn = 7, Stopped = 8, Processed = 9, Returned = 10 }
public enum Channel { InPerson = 1, Online = 2, Postal = 3 }
public enum DossierAction { Accept, RequestSupplementAtReception, SubmitSupplement, Refuse, Forward, Assign, Transfer, Consult, AnswerConsultation, SendBack, RequestSupplement, ConfirmSupplement, RequestPayment, ConfirmPayment, Withdraw, Stop, Approve, Recall, Extend, Return }
public static class DossierStateMachine
{
    public static DossierStatus? Next(DossierStatus from, DossierAction action) => throw new NotSupportedException();
    public static IReadOnlyList<DossierAction> AllowedFrom(DossierStatus from) => throw new NotSupportedException();
    public static bool IsTerminal(DossierStatus status) => throw new NotSupportedException();
    public static bool ClockRuns(DossierStatus status) => throw new NotSupportedException();
    public static string VietnameseName(DossierStatus status) => throw new NotSupportedException();
    public static string VietnameseName(DossierAction action) => throw new NotSupportedException();
}
public static class DossierCode
{
    public static string Format(string unitCode, DateOnly receptionDate, int sequence) => throw new NotSupportedException();
    public static bool IsValidUnitCode(string? unitCode) => throw new NotSupportedException();
}
public static class PersonalIdentificationNumber
{
    public static bool IsValid(string? value) => throw new NotSupportedException();
    public static IReadOnlyList<string> Validate(string? value, DateOnly? birthDate) => throw new NotSupportedException();
}
public enum DocumentFileType { Pdf, Jpeg, Png, Docx, Xlsx }
public static class FileSignature
{
    public static DocumentFileType? Detect(Stream content) => throw new NotSupportedException();
    public static string ContentType(DocumentFileType type) => throw new NotSupportedException();
    public static string Extension(DocumentFileType type) => throw new NotSupportedException();
}
public static class TrackingCheck
{
    public static string? LastFour(string? digits) => throw new NotSupportedException();
    public static bool Matches(string? given, string? idNumber, string? phone) => throw new NotSupportedException();
}
public static class ExtensionRule
{
    public static IReadOnlyList<string> Check(WorkingCalendar calendar, DateTime requestedAt, DateTime currentDue, DateTime newDue, int extensionCount) => throw new NotSupportedException();
}
public enum DueFlag { None, DueSoon, Overdue }
public static class DueFlags
{
    public static DueFlag Of(WorkingCalendar calendar, DateTime now, DateTime? due, DossierStatus status) => throw new NotSupportedException();
}
