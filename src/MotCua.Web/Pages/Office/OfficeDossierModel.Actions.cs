using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Core.Catalog;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Actions;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// The action forms of the dossier page. Each calls the action the API calls (docs/architecture.md#pages-and-api: the page
/// and the endpoint call the same handler) through the same runner, then post-redirect-get with a
/// message (docs/architecture.md#pages-and-api); a refusal re-renders the page with the runner's Vietnamese message and
/// its status (400, 403, 409), and an ID outside the officer's scope is the site's 404 page.
/// </summary>
public sealed partial class OfficeDossierModel
{
    public Task<IActionResult> OnPostAcceptAsync(long id, long? version, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.Accept, Accept.RunAsync, ct);

    public Task<IActionResult> OnPostRequestSupplementAtReceptionAsync(long id, long? version, string? items, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.RequestSupplementAtReception, (c, t) => RequestSupplementAtReception.RunAsync(c, new SupplementRequestBody(Lines(items), reason), t), ct);

    public Task<IActionResult> OnPostRefuseAsync(long id, long? version, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.Refuse, (c, t) => Refuse.RunAsync(c, new ReasonRequest(reason), t), ct);

    public Task<IActionResult> OnPostForwardAsync(long id, long? version, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.Forward, (c, t) => Forward.RunAsync(c, new NoteRequest(Blank(note)), t), ct);

    public Task<IActionResult> OnPostAssignAsync(long id, long? version, long? userId, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.Assign, (c, t) => Assign.RunAsync(c, new AssignRequest(userId, Blank(note)), t), ct);

    public Task<IActionResult> OnPostTransferAsync(long id, long? version, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.Transfer, (c, t) => Transfer.RunAsync(c, new NoteRequest(Blank(note)), t), ct);

    public Task<IActionResult> OnPostConsultAsync(long id, long? version, string? agencyCode, string? question, string? workingDays, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.Consult, (c, t) => Consult.RunAsync(c, new ConsultRequest(agencyCode, question,
            decimal.TryParse(workingDays?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var days) ? days : null), t), ct);

    public Task<IActionResult> OnPostAnswerConsultationAsync(long id, long? version, long? consultationId, string? answer, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.AnswerConsultation, (c, t) => AnswerConsultation.RunAsync(c, new AnswerRequest(consultationId, answer), t), ct);

    public Task<IActionResult> OnPostTransferAgencyAsync(long id, long? version, string? agencyCode, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.TransferAgency, (c, t) => TransferAgency.RunAsync(c, new InterAgencyRequest(agencyCode, Blank(note)), t), ct);

    public Task<IActionResult> OnPostSendBackAsync(long id, long? version, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.SendBack, (c, t) => SendBack.RunAsync(c, new NoteRequest(note), t), ct);

    public Task<IActionResult> OnPostRequestSupplementAsync(long id, long? version, string? items, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.RequestSupplement, (c, t) => RequestSupplement.RunAsync(c, new SupplementRequestBody(Lines(items), reason), t), ct);

    public Task<IActionResult> OnPostConfirmSupplementAsync(long id, long? version, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.ConfirmSupplement, (c, t) => ConfirmSupplement.RunAsync(c, new NoteRequest(Blank(note)), t), ct);

    public Task<IActionResult> OnPostRequestPaymentAsync(long id, long? version, string? amountVnd, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.RequestPayment, (c, t) => RequestPayment.RunAsync(c, new PaymentRequestBody(Amount(amountVnd), Blank(note)), t), ct);

    public Task<IActionResult> OnPostConfirmPaymentAsync(long id, long? version, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.ConfirmPayment, (c, t) => ConfirmPayment.RunAsync(c, new NoteRequest(Blank(note)), t), ct);

    public async Task<IActionResult> OnPostApproveAsync(long id, long? version, string? resultNumber, string? signer, string? resultDate, string? summary,
        IFormFile? resultFile, CancellationToken ct)
    {
        // The signed result file, when there is one, is stored first (type checked from its content), then attached by the approval.
        long? fileId = null;
        if (resultFile is { Length: > 0 })
        {
            var (stored, errors) = await upload.HandleAsync(resultFile, Actor, ct);
            if (stored is null)
                return await RefuseAsync(id, DossierCommand.Approve, new DossierActionOutcome(OutcomeKind.Invalid, string.Join(" ", errors.Select(e => e.Message)), errors, null), ct);
            fileId = stored.Id;
        }
        return await ActAsync(id, version, DossierCommand.Approve, (c, t) => Approve.RunAsync(c, new ApproveRequest(resultNumber, signer, Date(resultDate), Blank(summary), fileId), t), ct);
    }

    public Task<IActionResult> OnPostRecallAsync(long id, long? version, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.Recall, (c, t) => Recall.RunAsync(c, new ReasonRequest(reason), t), ct);

    public Task<IActionResult> OnPostStopAsync(long id, long? version, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.Stop, (c, t) => Stop.RunAsync(c, new ReasonRequest(reason), t), ct);

    public Task<IActionResult> OnPostWithdrawAsync(long id, long? version, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.Withdraw, (c, t) => Withdraw.RunAsync(c, new ReasonRequest(reason), t), ct);

    public Task<IActionResult> OnPostExtendAsync(long id, long? version, string? newDueDate, string? newDueTime, string? reason, CancellationToken ct)
    {
        // The form asks for a Vietnam date and time; the action takes an instant with its offset (UTC+7, no DST).
        if (Date(newDueDate) is not { } day || !TimeOnly.TryParseExact(newDueTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return RefuseAsync(id, DossierCommand.Extend, new DossierActionOutcome(OutcomeKind.Invalid, "Vui lòng nhập ngày và giờ hẹn trả kết quả mới.",
                [new FieldError("newDue", "Vui lòng nhập ngày và giờ hẹn trả kết quả mới.")], null), ct);
        var due = new DateTimeOffset(day.ToDateTime(at), TimeSpan.FromHours(7));
        return ActAsync(id, version, DossierCommand.Extend, (c, t) => Extend.RunAsync(c, new ExtendRequest(due, reason), t), ct);
    }

    public Task<IActionResult> OnPostReturnAsync(long id, long? version, string? method, string? receivedBy, string? postalReference, CancellationToken ct) =>
        ActAsync(id, version, DossierCommand.Return, (c, t) => Return.RunAsync(c, new ReturnRequest(method, Blank(receivedBy), Blank(postalReference)), t), ct);

    private async Task<IActionResult> ActAsync(long id, long? version, DossierCommand command, Func<DossierActionContext, CancellationToken, Task> run, CancellationToken ct)
    {
        // The form was filled against the dossier as it was shown; if someone acted since, the
        // officer looks again instead of acting on a stale view (e.g. two leaders assigning).
        var outcome = await runner.TryAsync(id, Actor, command, run, ct, shownVersion: version);
        if (!outcome.Ok)
            return await RefuseAsync(id, command, outcome, ct);
        Message = command == DossierCommand.Accept && outcome.Receipt?.Code is { } code
            ? $"Đã tiếp nhận hồ sơ, mã hồ sơ {code}."
            : $"Đã thực hiện: {ActionName(command)}.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefuseAsync(long id, DossierCommand command, DossierActionOutcome outcome, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound || !await LoadAsync(id, ct))
            return NotFound();
        Response.StatusCode = outcome.Kind switch
        {
            OutcomeKind.Invalid => StatusCodes.Status400BadRequest,
            OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
            OutcomeKind.Unauthenticated => StatusCodes.Status401Unauthorized,
            _ => StatusCodes.Status409Conflict,
        };
        Error = outcome.Message;
        Errors = outcome.Errors;
        FailedAction = command;
        return Page();
    }

    /// <summary>One item a line, as the officer lists what is missing (Decree 61/2018 art. 15: the complete list, once).</summary>
    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Whole đồng; the separators an officer may type (1.500.000 or 1 500 000) are ignored.</summary>
    private static long? Amount(string? text) =>
        long.TryParse(string.Concat((text ?? "").Where(ch => ch is not ('.' or ',' or ' ' or '\u00a0'))), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
}
