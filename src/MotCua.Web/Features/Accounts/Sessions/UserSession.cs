using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Accounts.Sessions;

public enum SessionKind { Cookie, Bearer }

public enum SessionEndReason { SignedOut, IdleTimeout, Expired, AccountDisabled, RolesChanged, PasswordChanged }

/// <summary>
/// One signed-in session, held in the database so that every node sees it and it can be ended at
/// once (TCVN 14423 level 3: idle lock, session termination; ASVS 7.2.3 reference tokens of at least
/// 128 bits). The cookie and the bearer token carry <see cref="Id"/> as a claim; every request checks
/// the row (<see cref="SessionStore.CheckAsync"/>).
/// </summary>
public sealed class UserSession
{
    /// <summary>256 random bits, hex: unguessable, never derived from the account.</summary>
    public required string Id { get; set; }
    public long UserAccountId { get; set; }
    public SessionKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Updated at most once a minute (<see cref="SessionStore.TouchInterval"/>), not on every request.</summary>
    public DateTime LastSeenAt { get; set; }
    /// <summary>Absolute end, whatever the activity.</summary>
    public DateTime ExpiresAt { get; set; }
    /// <summary>Idle limit decided at sign-in from the account's kind and roles (administrators shorter).</summary>
    public int IdleMinutes { get; set; }
    public DateTime? EndedAt { get; set; }
    public SessionEndReason? EndReason { get; set; }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<UserSession>(e =>
    {
        e.Property(x => x.Id).HasMaxLength(64);
        e.HasIndex(x => x.UserAccountId);
        e.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.UserAccountId).OnDelete(DeleteBehavior.Cascade);
    });
}
