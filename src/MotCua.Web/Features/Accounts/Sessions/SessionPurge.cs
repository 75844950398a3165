using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Accounts.Sessions;

/// <summary>
/// Removes session rows ended or past their absolute lifetime for more than
/// <see cref="SessionOptions.PurgeAfterDays"/> (the token endpoint adds a row per token, so the
/// table would grow without end), and passkey challenges past their expiry. Sign-ins and sign-outs
/// stay in the audit trail; the rows are kept a while for investigating a live incident.
/// </summary>
public sealed class SessionPurge(IServiceScopeFactory scopes, SessionOptions options, TimeProvider time, ILogger<SessionPurge> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.PurgeEnabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Session purge failed; will retry");
            }
            await Task.Delay(TimeSpan.FromMinutes(options.PurgeIntervalMinutes), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass: how many session rows and passkey challenges were removed.</summary>
    public async Task<(int Sessions, int Challenges)> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-options.PurgeAfterDays);
        var sessions = await db.UserSessions.Where(s => (s.EndedAt != null && s.EndedAt < cutoff) || s.ExpiresAt < cutoff).ExecuteDeleteAsync(ct);
        var challenges = await db.PasskeyChallenges.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(ct);
        if (sessions + challenges > 0)
            log.LogInformation("Purged {Sessions} old sessions and {Challenges} expired passkey challenges", sessions, challenges);
        return (sessions, challenges);
    }
}
