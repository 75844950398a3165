using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Office;

/// <summary>
/// The action forms of the dossier page. Each calls the action the API calls (DESIGN §1: the page
/// and the endpoint call the same handler) through the same runner, then post-redirect-get with a
/// message (DESIGN §3); a refusal re-renders the page with the runner's Vietnamese message and
/// its status (400, 403, 409), and an ID outside the officer's scope is the site's 404 page.
/// </summary>
public sealed partial class OfficeDossierModel
{
    public Task<IActionResult> OnPostAcceptAsync(long id, long? version, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Accept, ReceptionActions.Accept, ct);

    public Task<IActionResult> OnPostRequestSupplementAtReceptionAsync(long id, long? version, string? items, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.RequestSupplementAtReception, c => ReceptionActions.RequestSupplement(c, new SupplementRequestBody(Lines(items), reason)), ct);

    public Task<IActionResult> OnPostRefuseAsync(long id, long? version, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Refuse, c => ReceptionActions.Refuse(c, new ReasonRequest(reason)), ct);

    public Task<IActionResult> OnPostForwardAsync(long id, long? version, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Forward, c => ProcessingActions.Forward(c, new NoteRequest(Blank(note))), ct);

    public Task<IActionResult> OnPostAssignAsync(long id, long? version, long? userId, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Assign, c => ProcessingActions.Assign(c, new AssignRequest(userId, Blank(note))), ct);

    public Task<IActionResult> OnPostTransferAsync(long id, long? version, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Transfer, c => ProcessingActions.Transfer(c, new NoteRequest(Blank(note))), ct);

    public Task<IActionResult> OnPostConsultAsync(long id, long? version, string? agencyCode, string? question, string? workingDays, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Consult, c => ConsultActions.Consult(c, new ConsultRequest(agencyCode, question,
            decimal.TryParse(workingDays?.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var days) ? days : null)), ct);

    public Task<IActionResult> OnPostAnswerConsultationAsync(long id, long? version, long? consultationId, string? answer, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.AnswerConsultation, c => ConsultActions.Answer(c, new AnswerRequest(consultationId, answer)), ct);

    public Task<IActionResult> OnPostTransferAgencyAsync(long id, long? version, string? agencyCode, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Transfer, c => ConsultActions.TransferToAgency(c, new InterAgencyRequest(agencyCode, Blank(note))), ct);

    public Task<IActionResult> OnPostSendBackAsync(long id, long? version, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.SendBack, c => ProcessingActions.SendBack(c, new NoteRequest(note)), ct);

    public Task<IActionResult> OnPostRequestSupplementAsync(long id, long? version, string? items, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.RequestSupplement, c => DecisionActions.RequestSupplement(c, new SupplementRequestBody(Lines(items), reason)), ct);

    public Task<IActionResult> OnPostConfirmSupplementAsync(long id, long? version, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.ConfirmSupplement, c => DecisionActions.ConfirmSupplement(c, new NoteRequest(Blank(note))), ct);

    public Task<IActionResult> OnPostRequestPaymentAsync(long id, long? version, string? amountVnd, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.RequestPayment, c => DecisionActions.RequestPayment(c, new PaymentRequestBody(Amount(amountVnd), Blank(note))), ct);

    public Task<IActionResult> OnPostConfirmPaymentAsync(long id, long? version, string? note, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.ConfirmPayment, c => DecisionActions.ConfirmPayment(c, new NoteRequest(Blank(note))), ct);

    public async Task<IActionResult> OnPostApproveAsync(long id, long? version, string? resultNumber, string? signer, string? resultDate, string? summary,
        IFormFile? resultFile, CancellationToken ct)
    {
        // The signed result file, when there is one, is stored first (type checked from its content), then attached by the approval.
        long? fileId = null;
        if (resultFile is { Length: > 0 })
        {
            var (stored, errors) = await upload.HandleAsync(resultFile, Actor, ct);
            if (stored is null)
                return await RefuseAsync(id, DossierAction.Approve, new DossierActionOutcome(OutcomeKind.Invalid, string.Join(" ", errors.Select(e => e.Message)), errors, null), ct);
            fileId = stored.Id;
        }
        return await ActAsync(id, version, DossierAction.Approve, c => DecisionActions.Approve(c, new ApproveRequest(resultNumber, signer, Date(resultDate), Blank(summary), fileId)), ct);
    }

    public Task<IActionResult> OnPostRecallAsync(long id, long? version, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Recall, c => DecisionActions.Recall(c, new ReasonRequest(reason)), ct);

    public Task<IActionResult> OnPostStopAsync(long id, long? version, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Stop, c => DecisionActions.Stop(c, new ReasonRequest(reason)), ct);

    public Task<IActionResult> OnPostWithdrawAsync(long id, long? version, string? reason, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Withdraw, c => DecisionActions.Withdraw(c, new ReasonRequest(reason)), ct);

    public Task<IActionResult> OnPostExtendAsync(long id, long? version, string? newDueDate, string? newDueTime, string? reason, CancellationToken ct)
    {
        // The form asks for a Vietnam date and time; the action takes an instant with its offset (UTC+7, no DST).
        if (Date(newDueDate) is not { } day || !TimeOnly.TryParseExact(newDueTime, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return RefuseAsync(id, DossierAction.Extend, new DossierActionOutcome(OutcomeKind.Invalid, "Vui lòng nhập ngày và giờ hẹn trả kết quả mới.",
                [new FieldError("newDue", "Vui lòng nhập ngày và giờ hẹn trả kết quả mới.")], null), ct);
        var due = new DateTimeOffset(day.ToDateTime(at), TimeSpan.FromHours(7));
        return ActAsync(id, version, DossierAction.Extend, c => DecisionActions.Extend(c, new ExtendRequest(due, reason)), ct);
    }

    public Task<IActionResult> OnPostReturnAsync(long id, long? version, string? method, string? receivedBy, string? postalReference, CancellationToken ct) =>
        ActAsync(id, version, DossierAction.Return, c => ReturnActions.Return(c, new ReturnRequest(method, Blank(receivedBy), Blank(postalReference))), ct);

    private async Task<IActionResult> ActAsync(long id, long? version, DossierAction action, Func<DossierActionContext, Task> run, CancellationToken ct)
    {
        var outcome = await runner.TryAsync(id, Actor, c =>
        {
            // The form was filled against the dossier as it was shown; if someone acted since, the
            // officer looks again instead of acting on a stale view (e.g. two leaders assigning).
            if (version is { } shown && c.Dossier.Version != shown)
                throw new DossierRuleException("Hồ sơ vừa được người khác cập nhật. Vui lòng xem lại hồ sơ rồi thực hiện lại.");
            return run(c);
        }, ct);
        if (!outcome.Ok)
            return await RefuseAsync(id, action, outcome, ct);
        Message = action == DossierAction.Accept && outcome.Receipt?.Code is { } code
            ? $"Đã tiếp nhận hồ sơ, mã hồ sơ {code}."
            : $"Đã thực hiện: {ActionName(action)}.";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefuseAsync(long id, DossierAction action, DossierActionOutcome outcome, CancellationToken ct)
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
        FailedAction = action;
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
