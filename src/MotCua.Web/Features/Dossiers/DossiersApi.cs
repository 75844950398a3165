using System.Threading.RateLimiting;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers.Actions;
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
        services.AddUploadScanning(configuration);
        services.AddScoped<DossierIntake>();
        services.AddScoped<UploadFileHandler>();
        services.AddScoped<SubmitDossierHandler>();
        services.AddScoped<ReceiveAtCounterHandler>();
        services.AddScoped<DossierActionRunner>();
        services.AddScoped<ListDossiersHandler>();
        services.AddScoped<GetDossierHandler>();
        services.AddScoped<TrackDossierHandler>();
        services.AddSingleton<TrackingHitWindows>();
        services.AddScoped<DossierFormsHandler>();
        services.AddScoped<DownloadFileHandler>();
        services.AddScoped<PreviewFileHandler>();
        services.AddScoped<SaveDraftHandler>();
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
        app.MapGet("/api/tracking/{code}", TrackDossierHandler.Endpoint).WithTags("Tracking")
            .WithSummary("Public tracking: dossier code + check=last 4 digits of ID number or phone").RequireRateLimiting(TrackDossierHandler.RateLimitPolicy);
        app.MapPost("/api/files", UploadFileHandler.Endpoint).WithTags("Dossiers").RequireAuthorization().DisableAntiforgery()
            .WithSummary("Upload one document file (multipart field \"file\")");

        var g = app.MapGroup("/api/dossiers").WithTags("Dossiers").RequireAuthorization();
        g.MapGet("/", ListDossiersHandler.Endpoint).WithSummary("Dossiers the caller may see: status, queue, q, page, pageSize");
        g.MapGet("/queue-counts", ListDossiersHandler.CountsEndpoint).WithSummary("How many dossiers each queue holds: exact up to 10,000, 10,001 means more");
        g.MapGet("/{id:long}", GetDossierHandler.Endpoint).WithSummary("One dossier in full");
        g.MapPost("/", SubmitDossierHandler.Endpoint).WithSummary("Submit online (Idempotency-Key header)");
        g.MapGet("/{id:long}/files/{fileId:long}", DownloadFileHandler.Endpoint).WithSummary("Download a file of the dossier (hash checked, as attachment)");
        g.MapGet("/{id:long}/files/{fileId:long}/preview", PreviewFileHandler.Endpoint).WithSummary("An officer's in-page preview of a PDF or image of the dossier (framed by the site only, audited)");
        g.MapGet("/{id:long}/result", DownloadResult.Endpoint).WithSummary("The result: the signed file, or a letter generated from the result metadata");
        g.MapGet("/{id:long}/forms/{number}", DossierFormsHandler.Endpoint).WithSummary("A form of the dossier as PDF: 01 receipt … 06 control sheet (2025 set)");
        app.MapGet("/api/registers/{year}", DossierRegister.Endpoint).WithTags("Dossiers").RequireAuthorization().WithSummary("The desk's dossier register (Form 07) of a year as PDF");
        g.MapPost("/drafts", (HttpContext http, SubmitDossierRequest? request, SaveDraftHandler handler, CancellationToken ct) =>
            SaveDraftHandler.Endpoint(http, null, request, handler, ct)).WithSummary("Save a new draft (no validation of completeness)");
        g.MapPut("/drafts/{id:long}", (HttpContext http, long id, SubmitDossierRequest? request, SaveDraftHandler handler, CancellationToken ct) =>
            SaveDraftHandler.Endpoint(http, id, request, handler, ct)).WithSummary("Update a draft; submit it with POST /api/dossiers and draftId");
        g.MapPost("/counter", ReceiveAtCounterHandler.Endpoint).WithSummary("Receive a walk-in or postal dossier at a desk (Idempotency-Key header)");

        Action(g, DossierCommand.Accept, Accept.RunAsync);
        Action<SupplementRequestBody>(g, DossierCommand.RequestSupplementAtReception, RequestSupplementAtReception.RunAsync);
        Action<ReasonRequest>(g, DossierCommand.Refuse, Refuse.RunAsync);
        Action<SupplementSubmission>(g, DossierCommand.SubmitSupplement, SubmitSupplement.RunAsync);
        Action<NoteRequest>(g, DossierCommand.Forward, Forward.RunAsync);
        Action<AssignRequest>(g, DossierCommand.Assign, Assign.RunAsync);
        Action<NoteRequest>(g, DossierCommand.Transfer, Transfer.RunAsync);
        Action<NoteRequest>(g, DossierCommand.SendBack, SendBack.RunAsync);
        Action<InterAgencyRequest>(g, DossierCommand.TransferAgency, TransferAgency.RunAsync);
        Action<ConsultRequest>(g, DossierCommand.Consult, Consult.RunAsync);
        Action<AnswerRequest>(g, DossierCommand.AnswerConsultation, AnswerConsultation.RunAsync);
        Action<SupplementRequestBody>(g, DossierCommand.RequestSupplement, RequestSupplement.RunAsync);
        Action<NoteRequest>(g, DossierCommand.ConfirmSupplement, ConfirmSupplement.RunAsync);
        Action<PaymentRequestBody>(g, DossierCommand.RequestPayment, RequestPayment.RunAsync);
        Action<NoteRequest>(g, DossierCommand.ConfirmPayment, ConfirmPayment.RunAsync);
        Action<ApproveRequest>(g, DossierCommand.Approve, Approve.RunAsync);
        Action<ReasonRequest>(g, DossierCommand.Recall, Recall.RunAsync);
        Action<ReasonRequest>(g, DossierCommand.Stop, Stop.RunAsync);
        Action<ReasonRequest>(g, DossierCommand.Withdraw, Withdraw.RunAsync);
        Action<ExtendRequest>(g, DossierCommand.Extend, Extend.RunAsync);
        Action<ReturnRequest>(g, DossierCommand.Return, Return.RunAsync);
        Action(g, DossierCommand.ReceiveOnline, ReceiveOnline.RunAsync);
        Action<RateRequest>(g, DossierCommand.Rate, Rate.RunAsync);
        return app;
    }

    /// <summary>One route per command (<see cref="DossierCommands.Route"/>); the runner asks <see cref="DossierPolicy"/> before the action runs.</summary>
    private static void Action<TBody>(RouteGroupBuilder g, DossierCommand command, Func<DossierActionContext, TBody, CancellationToken, Task> action) where TBody : class =>
        g.MapPost($"/{{id:long}}/{DossierCommands.Route(command)}", (long id, TBody? body, HttpContext http, DossierActionRunner runner, CancellationToken ct) =>
                body is null
                    ? Task.FromResult<IResult>(Problems.Validation("body", "Thiếu nội dung yêu cầu."))
                    : runner.RunAsync(id, DossierActor.From(http.User), command, (c, t) => action(c, body, t), ct))
            .WithSummary($"Dossier action: {DossierCommands.Route(command)}");

    private static void Action(RouteGroupBuilder g, DossierCommand command, Func<DossierActionContext, CancellationToken, Task> action) =>
        g.MapPost($"/{{id:long}}/{DossierCommands.Route(command)}", (long id, HttpContext http, DossierActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, DossierActor.From(http.User), command, action, ct))
            .WithSummary($"Dossier action: {DossierCommands.Route(command)}");
}
