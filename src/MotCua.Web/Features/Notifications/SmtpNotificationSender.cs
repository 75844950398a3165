using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MotCua.Web.Features.Notifications;

/// <summary>Configuration "Notifications:Smtp": the mail relay; an empty Host keeps e-mail in the file sink.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "motcua@localhost";
}

/// <summary>
/// E-mail through SMTP (MailKit) when Notifications:Smtp:Host is set; SMS still go to the file sink
/// until a gateway is chosen. Connections are kept open and reused by the outbox lanes (one
/// connection per concurrent send), so a backlog is not throttled by a TCP and SMTP handshake per
/// message; a kept connection the relay has closed is replaced once, at once.
/// </summary>
public sealed class SmtpNotificationSender(NotificationOptions options, FileNotificationSender fallback) : INotificationSender, IDisposable
{
    private readonly ConcurrentBag<SmtpClient> _idle = [];

    public async Task SendAsync(Notification notification, AttachmentContent? attachment, CancellationToken ct)
    {
        if (notification.Channel != NotificationChannel.Email)
        {
            await fallback.SendAsync(notification, null, ct);
            return;
        }
        using var message = Compose(notification, attachment);
        if (_idle.TryTake(out var kept))
        {
            try
            {
                await kept.SendAsync(message, ct);
                _idle.Add(kept);
                return;
            }
            catch (SmtpCommandException)
            {
                _idle.Add(kept); // the relay refused this message; the connection is fine
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                kept.Dispose(); // closed by the relay since its last use: open a fresh one below
            }
        }
        var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(options.Smtp.Host!, options.Smtp.Port, SecureSocketOptions.Auto, ct);
            await client.SendAsync(message, ct);
        }
        catch (SmtpCommandException)
        {
            _idle.Add(client);
            throw;
        }
        catch
        {
            client.Dispose();
            throw;
        }
        _idle.Add(client);
    }

    private MimeMessage Compose(Notification notification, AttachmentContent? attachment)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Smtp.From));
        message.To.Add(MailboxAddress.Parse(notification.To));
        message.Subject = notification.Subject;
        var body = new BodyBuilder { TextBody = notification.Body };
        if (attachment is not null)
            body.Attachments.Add(attachment.FileName, attachment.Content, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var client))
            client.Dispose();
    }
}
