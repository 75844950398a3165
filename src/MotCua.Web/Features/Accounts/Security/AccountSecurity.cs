using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Accounts.Security;

/// <summary>
/// Sign-in protection of one account, kept beside UserAccount: consecutive failures, the lock or
/// delay they caused, and the TOTP second factor (RFC 6238). The TOTP secret is stored protected
/// with ASP.NET Data Protection (keys outside the database), never in plain text.
/// </summary>
public sealed class AccountSecurity
{
    public long UserAccountId { get; set; }
    /// <summary>Failed sign-ins (password or second factor) since the last success or lock.</summary>
    public int FailedAttempts { get; set; }
    /// <summary>Attempts before this instant are refused: an officer's 15-minute lock or a citizen's growing delay.</summary>
    public DateTime? LockedUntil { get; set; }
    /// <summary>The protected base32 secret; set at enrolment start, in force once <see cref="TotpEnabledAt"/> is set.</summary>
    public string? TotpSecret { get; set; }
    public DateTime? TotpEnabledAt { get; set; }
    /// <summary>The last accepted time step, so one code cannot be used twice (RFC 6238 §5.2).</summary>
    public long? TotpLastStep { get; set; }

    /// <summary>The last successful sign-in; with <see cref="ReactivatedAt"/> it decides dormancy (TCVN 14423:2026 test T-AUTH-11).</summary>
    public DateTime? LastSignInAt { get; set; }
    /// <summary>When an administrator last let a dormant account sign in again.</summary>
    public DateTime? ReactivatedAt { get; set; }

    public bool TotpEnabled => TotpEnabledAt is not null && TotpSecret is not null;
}

/// <summary>A single-use recovery code for a lost authenticator, stored as a SHA-256 hash.</summary>
public sealed class RecoveryCode
{
    public long Id { get; set; }
    public long UserAccountId { get; set; }
    public required string CodeHash { get; set; }
    public DateTime? UsedAt { get; set; }
}

public static class AccountSecurityModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccountSecurity>(e =>
        {
            e.ToTable("AccountSecurity");
            e.HasKey(x => x.UserAccountId);
            e.Property(x => x.UserAccountId).ValueGeneratedNever();
            e.Property(x => x.TotpSecret).HasMaxLength(1000);
            // Two requests with the same code at the same moment: the second save fails (replay).
            e.Property(x => x.TotpLastStep).IsConcurrencyToken();
            e.HasOne<UserAccount>().WithOne().HasForeignKey<AccountSecurity>(x => x.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RecoveryCode>(e =>
        {
            e.ToTable("RecoveryCodes");
            e.Property(x => x.CodeHash).HasMaxLength(64);
            e.HasIndex(x => x.UserAccountId);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        });
        Passkeys.PasskeyModel.Configure(modelBuilder);
        // One account per person: the personal identification number is unique (Law on Identification 2023 art. 12).
        modelBuilder.Entity<UserAccount>().HasIndex(x => x.PersonalId).IsUnique();
    }
}
