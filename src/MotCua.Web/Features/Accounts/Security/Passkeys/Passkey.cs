using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Accounts.Security.Passkeys;

/// <summary>
/// A passkey (WebAuthn Level 2 public-key credential) registered as a second factor in place of
/// the TOTP code. Only the public key (COSE) and the authenticator's signature counter are kept.
/// </summary>
public sealed class Passkey
{
    public long Id { get; set; }
    public long UserAccountId { get; set; }
    /// <summary>The owner's own name for it ("Điện thoại", "Khóa USB").</summary>
    public required string Name { get; set; }
    public required byte[] CredentialId { get; set; }
    /// <summary>COSE_Key of the credential (WebAuthn §6.5.1.1).</summary>
    public required byte[] PublicKey { get; set; }
    /// <summary>The last signature counter seen; a lower or equal non-zero value means a cloned authenticator (WebAuthn §6.1.1).</summary>
    public long SignCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

public enum PasskeyCeremony { Register, SignIn }

/// <summary>
/// The options sent to the browser for one ceremony, kept until the answer comes back: the
/// challenge is checked against them and the row is deleted on use, so a challenge serves once
/// (WebAuthn §13.4.3) on whichever node the answer reaches.
/// </summary>
public sealed class PasskeyChallenge
{
    /// <summary>256 random bits, hex.</summary>
    public required string Id { get; set; }
    public long UserAccountId { get; set; }
    public PasskeyCeremony Ceremony { get; set; }
    public required string OptionsJson { get; set; }
    public DateTime ExpiresAt { get; set; }
}

public static class PasskeyModel
{
    public const int MaxNameLength = 100;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Passkey>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(MaxNameLength);
            e.HasIndex(x => x.CredentialId).IsUnique();
            e.HasIndex(x => x.UserAccountId);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PasskeyChallenge>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.OptionsJson).HasMaxLength(int.MaxValue);
            e.HasIndex(x => x.ExpiresAt);
            e.HasOne<UserAccount>().WithMany().HasForeignKey(x => x.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
