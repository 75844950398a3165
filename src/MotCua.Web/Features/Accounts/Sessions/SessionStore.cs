using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Accounts.Sessions;

/// <summary>
/// Starts, checks and ends the sessions of <see cref="UserSession"/>. A session starts where a
/// principal is issued (cookie sign-in, token endpoint) and is checked on every authenticated
/// request by <see cref="SessionMiddleware"/>.
/// </summary>
public sealed class SessionStore(AppDbContext db, TimeProvider time, SessionOptions options)
{
    public const string ClaimType = "sid";

    /// <summary>"Last seen" is written at most this often, so a busy session does not write on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Records a new session for the principal's account and adds its id to the principal (a new id at every sign-in: no fixation).</summary>
    public async Task<ClaimsPrincipal> StartAsync(ClaimsPrincipal principal, SessionKind kind, CancellationToken ct)
    {
        var accountId = principal.UserId() ?? throw new InvalidOperationException("A session needs an account id claim.");
        var account = await db.UserAccounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new { a.Kind, Roles = a.Roles.Select(r => r.Role).ToList() })
            .SingleAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var lifetime = TimeSpan.FromHours(options.AbsoluteHours);
        if (kind == SessionKind.Bearer && AccountsSetup.TokenLifetime < lifetime)
            lifetime = AccountsSetup.TokenLifetime;
        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            UserAccountId = accountId,
            Kind = kind,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + lifetime,
            IdleMinutes = account.Kind == AccountKind.Applicant ? options.ApplicantIdleMinutes
                : account.Roles.Any(r => r is OfficerRole.SystemAdmin or OfficerRole.UnitAdmin) ? options.AdminIdleMinutes
                : options.OfficerIdleMinutes,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);

        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var old in identity.FindAll(ClaimType).ToList())
            identity.RemoveClaim(old);
        identity.AddClaim(new Claim(ClaimType, session.Id));
        return principal;
    }

    /// <summary>
    /// The kind of the principal's session when it is still open, else null. Ends a session found
    /// idle, past its absolute lifetime or of a disabled account, and moves "last seen" forward.
    /// </summary>
    public async Task<SessionKind?> CheckAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.FindFirstValue(ClaimType) is not { Length: > 0 } id || principal.UserId() is not { } accountId)
            return null;
        var row = await (from s in db.UserSessions.AsNoTracking()
                         join a in db.UserAccounts on s.UserAccountId equals a.Id
                         where s.Id == id
                         select new { s.UserAccountId, s.Kind, s.LastSeenAt, s.ExpiresAt, s.IdleMinutes, s.EndedAt, a.Active })
            .SingleOrDefaultAsync(ct);
        if (row is null || row.EndedAt is not null || row.UserAccountId != accountId)
            return null;
        var now = time.GetUtcNow().UtcDateTime;
        SessionEndReason? end = !row.Active ? SessionEndReason.AccountDisabled
            : now >= row.ExpiresAt ? SessionEndReason.Expired
            : now - row.LastSeenAt > TimeSpan.FromMinutes(row.IdleMinutes) ? SessionEndReason.IdleTimeout
            : null;
        if (end is { } reason)
        {
            await EndAsync(id, reason, ct);
            return null;
        }
        if (now - row.LastSeenAt >= TouchInterval)
            await db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), ct);
        return row.Kind;
    }

    /// <summary>Ends the principal's own session (signing out).</summary>
    public Task EndAsync(ClaimsPrincipal principal, CancellationToken ct) =>
        principal.FindFirstValue(ClaimType) is { Length: > 0 } id ? EndAsync(id, SessionEndReason.SignedOut, ct) : Task.CompletedTask;

    private Task<int> EndAsync(string id, SessionEndReason reason, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.UserSessions.Where(s => s.Id == id && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), ct);
    }

    /// <summary>
    /// Marks every open session of an account as ended, in the caller's unit of work: the use case
    /// that disables the account or changes its roles saves it with its own change and audit row.
    /// </summary>
    /// <param name="except">A session to keep (the caller's own, when changing the password).</param>
    public static async Task<int> EndAllAsync(AppDbContext db, long accountId, SessionEndReason reason, DateTime now, CancellationToken ct, string? except = null)
    {
        var open = await db.UserSessions.Where(s => s.UserAccountId == accountId && s.EndedAt == null && s.Id != except).ToListAsync(ct);
        foreach (var session in open)
        {
            session.EndedAt = now;
            session.EndReason = reason;
        }
        return open.Count;
    }
}
