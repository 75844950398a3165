using System.Text.Json;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.Notifications;

public enum NotificationChannel { Email, Sms }

/// <summary>A message to an applicant: receipt, supplement request, result ready, apology (docs/domain/dossier-handling.md#notifications).</summary>
public sealed record Notification(NotificationChannel Channel, string To, string Subject, string Body, string? DossierCode, FormAttachment? Attachment = null);

/// <summary>A form of a dossier to attach as PDF (e.g. Form 01 with the receipt e-mail), rendered at delivery.</summary>
public sealed record FormAttachment(string DossierCode, string FormNumber);

/// <summary>The rendered attachment handed to a sender.</summary>
public sealed record AttachmentContent(string FileName, byte[] Content);

public sealed class NotificationOptions
{
    public const string Section = "Notifications";
    /// <summary>Default sink: one JSON line per message in this file (a stand-in for the mail and SMS gateways).</summary>
    public string FilePath { get; set; } = Path.Combine("data", "notifications.jsonl");
    /// <summary>E-mail by SMTP ("Notifications:Smtp:Host|Port|From"); an empty Host keeps e-mail in the file.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

public interface INotificationSender
{
    Task SendAsync(Notification notification, AttachmentContent? attachment, CancellationToken ct);
}

/// <summary>Writes each message as a JSON line; the default for the embedded installation and the tests.</summary>
public sealed class FileNotificationSender(NotificationOptions options, TimeProvider time) : INotificationSender
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task SendAsync(Notification notification, AttachmentContent? attachment, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.FilePath));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        var line = JsonSerializer.Serialize(new
        {
            at = time.GetUtcNow(),
            notification.Channel,
            notification.To,
            notification.Subject,
            notification.Body,
            notification.DossierCode,
            attachment = attachment?.FileName,
            attachmentBytes = attachment?.Content.Length,
        }, Readable) + "\n";
        await Gate.WaitAsync(ct);
        try
        {
            await File.AppendAllTextAsync(options.FilePath, line, ct);
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>
/// Outbox handler "notification": delivery happens only after the dossier change committed. A form
/// attachment is rendered at delivery from the committed dossier (the same renderer as the download).
/// </summary>
public sealed class NotificationOutboxHandler(INotificationSender sender, AppDbContext db, Features.Dossiers.DossierFormsHandler forms,
    ExchangeLog exchanges, TimeProvider time) : IOutboxHandler
{
    public const string MessageType = "notification";
    /// <summary>The two targets of the integration layer that notifications go to (paused and watched apart).</summary>
    public const string EmailTarget = "email";
    public const string SmsTarget = "sms";
    public string Type => MessageType;

    public async Task HandleAsync(string payloadJson, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var target = JsonSerializer.Deserialize<Notification>(payloadJson)!.Channel == NotificationChannel.Sms ? SmsTarget : EmailTarget;
        try
        {
            await SendAsync(payloadJson, ct);
            await exchanges.RecordAsync(new ExchangeRecord(target, "send", started.UtcDateTime, watch.Elapsed, payloadJson, "delivered", null, true, null));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await exchanges.RecordAsync(new ExchangeRecord(target, "send", started.UtcDateTime, watch.Elapsed, payloadJson, null, null, false, IntegrationDelivery.Describe(ex)));
            throw;
        }
    }

    private async Task SendAsync(string payloadJson, CancellationToken ct)
    {
        var notification = JsonSerializer.Deserialize<Notification>(payloadJson)!;
        AttachmentContent? attachment = null;
        if (notification.Attachment is { } a
            && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(db.Dossiers, d => d.Code == a.DossierCode, ct) is { } dossier)
        {
            var (pdf, _) = await forms.HandleAsync(dossier, a.FormNumber, ct);
            if (pdf is not null)
                attachment = new AttachmentContent($"mau-{a.FormNumber}-{dossier.Code}.pdf", pdf);
        }
        await sender.SendAsync(notification, attachment, ct);
    }

    /// <summary>Queues a message to every contact the applicant gave, in the caller's transaction; a form goes with the e-mail only.</summary>
    public static void Queue(AppDbContext db, DateTime now, string? email, string? phone, string subject, string body, string? dossierCode, FormAttachment? attachment = null)
    {
        if (!string.IsNullOrWhiteSpace(email))
            OutboxDispatcher.Enqueue(db, MessageType, new Notification(NotificationChannel.Email, email, subject, body, dossierCode, attachment), now, EmailTarget);
        if (!string.IsNullOrWhiteSpace(phone))
            OutboxDispatcher.Enqueue(db, MessageType, new Notification(NotificationChannel.Sms, phone, subject, body, dossierCode), now, SmsTarget);
    }
}

public static class NotificationsSetup
{
    public static IServiceCollection AddNotificationsAndOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        var notifications = configuration.GetSection(NotificationOptions.Section).Get<NotificationOptions>() ?? new NotificationOptions();
        services.AddSingleton(notifications);
        services.AddSingleton<FileNotificationSender>();
        if (string.IsNullOrWhiteSpace(notifications.Smtp.Host))
            services.AddSingleton<INotificationSender>(sp => sp.GetRequiredService<FileNotificationSender>());
        else
            services.AddSingleton<INotificationSender, SmtpNotificationSender>();
        services.AddScoped<IOutboxHandler, NotificationOutboxHandler>();
        services.AddSingleton(configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
