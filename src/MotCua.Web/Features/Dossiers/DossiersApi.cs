using System.Threading.RateLimiting;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Files;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Dossiers;

public sealed class TrackingOptions
{
    public const string Section = "Tracking";
    /// <summary>Tracking look-ups allowed per client address per minute (guessing check values is throttled).</summary>
    public int PermitsPerMinute { get; set; } = 30;
    /// <summary>Look-ups of one dossier code per minute, from all clients together.</summary>
    public int PermitsPerCodePerMinute { get; set; } = 10;
    /// <summary>Wrong check values in a row after which a code locks for <see cref="LockMinutes"/>.</summary>
    public int FailuresBeforeLock { get; set; } = 10;
    public int LockMinutes { get; set; } = 60;
}

public static class DossiersApi
{
    public static IServiceCollection AddDossiers(this IServiceCollection services, IConfiguration configuration)
    {
        var files = configuration.GetSection(FileStoreOptions.Section).Get<FileStoreOptions>() ?? new FileStoreOptions();
        services.AddSingleton(files);
        services.AddSingleton(new FileStoreSizes(files.MaxDossierBytes));
        services.AddSingleton<FileStore>();
        services.AddScoped<DossierIntake>();
        services.AddScoped<UploadFileHandler>();
        services.AddScoped<SubmitDossierHandler>();
        services.AddScoped<ReceiveAtCounterHandler>();
        services.AddScoped<DossierActionRunner>();
        services.AddScoped<ListDossiersHandler>();
        services.AddScoped<GetDossierHandler>();
        services.AddScoped<TrackDossierHandler>();
        services.AddScoped<SignUpHandler>();
        services.AddScoped<DossierFormsHandler>();
        services.AddScoped<ListOfficersHandler>();
        services.AddScoped<DownloadFileHandler>();
        services.AddScoped<SaveDraftHandler>();
        services.AddScoped<ProfileHandler>();
        var tracking = configuration.GetSection(TrackingOptions.Section).Get<TrackingOptions>() ?? new TrackingOptions();
        services.AddSingleton(tracking);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(TrackDossierHandler.RateLimitPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Prefix(ctx),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = tracking.PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                    await Problems.Problem(429, "too-many-requests", "Tra cứu quá nhiều lần", "Vui lòng thử lại sau ít phút.").ExecuteAsync(ctx.HttpContext);
                else
                    await TypedResults.Content("<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Tra cứu quá nhiều lần</title><p>Bạn tra cứu quá nhiều lần, vui lòng thử lại sau ít phút. <a href=\"/\">Về trang chủ</a></p></html>",
                        "text/html; charset=utf-8").ExecuteAsync(ctx.HttpContext);
            };
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = files.MaxFileBytes + 1024 * 1024);
        return services;
    }

    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/officers", ListOfficersHandler.Endpoint).WithTags("Accounts").RequireAuthorization().WithSummary("Officers of the caller's agency with a role");
        app.MapGet("/api/accounts/me", ProfileHandler.GetEndpoint).WithTags("Accounts").RequireAuthorization().WithSummary("The applicant's profile");
        app.MapPut("/api/accounts/me", ProfileHandler.PutEndpoint).WithTags("Accounts").RequireAuthorization().WithSummary("Change contact details and address");
        app.MapPost("/api/accounts", SignUpHandler.Endpoint).WithTags("Accounts").WithSummary("Sign up as a citizen or business").AllowAnonymous();
        app.MapGet("/api/tracking/{code}", TrackDossierHandler.Endpoint).WithTags("Tracking")
            .WithSummary("Public tracking: dossier code + check=last 4 digits of ID number or phone").RequireRateLimiting(TrackDossierHandler.RateLimitPolicy);
        app.MapPost("/api/files", UploadFileHandler.Endpoint).WithTags("Dossiers").RequireAuthorization().DisableAntiforgery()
            .WithSummary("Upload one document file (multipart field \"file\")");

        var g = app.MapGroup("/api/dossiers").WithTags("Dossiers").RequireAuthorization();
        g.MapGet("/", ListDossiersHandler.Endpoint).WithSummary("Dossiers the caller may see: status, queue, q, page, pageSize");
        g.MapGet("/{id:long}", GetDossierHandler.Endpoint).WithSummary("One dossier in full");
        g.MapPost("/", SubmitDossierHandler.Endpoint).WithSummary("Submit online (Idempotency-Key header)");
        g.MapGet("/{id:long}/files/{fileId:long}", DownloadFileHandler.Endpoint).WithSummary("Download a file of the dossier (hash checked, as attachment)");
        g.MapGet("/{id:long}/result", DownloadResult.Endpoint).WithSummary("The result: the signed file, or a letter generated from the result metadata");
        g.MapGet("/{id:long}/forms/{number}", DossierFormsHandler.Endpoint).WithSummary("A form of the dossier as PDF: 01 receipt … 06 control sheet (2025 set)");
        app.MapGet("/api/registers/{year}", DossierRegister.Endpoint).WithTags("Dossiers").RequireAuthorization().WithSummary("The desk's dossier register (Form 07) of a year as PDF");
        g.MapPost("/drafts", (HttpContext http, SubmitDossierRequest? request, SaveDraftHandler handler, CancellationToken ct) =>
            SaveDraftHandler.Endpoint(http, null, request, handler, ct)).WithSummary("Save a new draft (no validation of completeness)");
        g.MapPut("/drafts/{id:long}", (HttpContext http, long id, SubmitDossierRequest? request, SaveDraftHandler handler, CancellationToken ct) =>
            SaveDraftHandler.Endpoint(http, id, request, handler, ct)).WithSummary("Update a draft; submit it with POST /api/dossiers and draftId");
        g.MapPost("/counter", ReceiveAtCounterHandler.Endpoint).WithSummary("Receive a walk-in or postal dossier at a desk (Idempotency-Key header)");

        Action(g, "accept", c => ReceptionActions.Accept(c));
        Action<SupplementRequestBody>(g, "request-supplement-at-reception", ReceptionActions.RequestSupplement);
        Action<ReasonRequest>(g, "refuse", ReceptionActions.Refuse);
        Action<SupplementSubmission>(g, "supplement", ReceptionActions.SubmitSupplement);
        Action<NoteRequest>(g, "forward", ProcessingActions.Forward);
        Action<AssignRequest>(g, "assign", ProcessingActions.Assign);
        Action<NoteRequest>(g, "transfer", ProcessingActions.Transfer);
        Action<NoteRequest>(g, "send-back", ProcessingActions.SendBack);
        Action<InterAgencyRequest>(g, "transfer-agency", ConsultActions.TransferToAgency);
        Action<ConsultRequest>(g, "consult", ConsultActions.Consult);
        Action<AnswerRequest>(g, "answer-consultation", ConsultActions.Answer);
        Action<SupplementRequestBody>(g, "request-supplement", DecisionActions.RequestSupplement);
        Action<NoteRequest>(g, "confirm-supplement", DecisionActions.ConfirmSupplement);
        Action<PaymentRequestBody>(g, "request-payment", DecisionActions.RequestPayment);
        Action<NoteRequest>(g, "confirm-payment", DecisionActions.ConfirmPayment);
        Action<ApproveRequest>(g, "approve", DecisionActions.Approve);
        Action<ReasonRequest>(g, "recall", DecisionActions.Recall);
        Action<ReasonRequest>(g, "stop", DecisionActions.Stop);
        Action<ReasonRequest>(g, "withdraw", DecisionActions.Withdraw);
        Action<ExtendRequest>(g, "extend", DecisionActions.Extend);
        Action<ReturnRequest>(g, "return", ReturnActions.Return);
        Action(g, "receive-online", ReturnActions.ReceiveOnline);
        Action<RateRequest>(g, "rate", ReturnActions.Rate);
        return app;
    }

    private static void Action<TBody>(RouteGroupBuilder g, string name, Func<DossierActionContext, TBody, Task> action) where TBody : class =>
        g.MapPost($"/{{id:long}}/{name}", (long id, TBody? body, HttpContext http, DossierActionRunner runner, CancellationToken ct) =>
                body is null
                    ? Task.FromResult<IResult>(Problems.Validation("body", "Thiếu nội dung yêu cầu."))
                    : runner.RunAsync(id, DossierActor.From(http.User), c => action(c, body), ct))
            .WithSummary($"Dossier action: {name}");

    private static void Action(RouteGroupBuilder g, string name, Func<DossierActionContext, Task> action) =>
        g.MapPost($"/{{id:long}}/{name}", (long id, HttpContext http, DossierActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, DossierActor.From(http.User), action, ct))
            .WithSummary($"Dossier action: {name}");
}
