using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Integrations.Population;

/// <summary>Why a lookup was made: to fill a dossier at the counter, or an account at online sign-up.</summary>
public enum LookupPurpose { CounterIntake, SignUp }

/// <summary>What the National Population Database answered (docs/integrations/lgsp-population.md#outcomes).</summary>
public enum LookupOutcome { Found, NotFound, Mismatch, Unavailable }

/// <summary>
/// One lookup in the National Population Database, logged whatever its outcome: who, for which unit,
/// when, why, and what came back (docs/integrations/lgsp-population.md#log). The ID number is kept only as
/// a salted SHA-256 (<see cref="PopulationLookupHash"/>): enough to count and to answer "was this person looked
/// up", never the number itself.
/// </summary>
public sealed class PopulationLookup
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The officer or citizen who asked; null for someone not yet signed up (online sign-up).</summary>
    public long? UserId { get; set; }
    /// <summary>The officer's unit; null for a citizen.</summary>
    public long? AgencyId { get; set; }
    public LookupPurpose Purpose { get; set; }
    public LookupOutcome Outcome { get; set; }
    public required string IdNumberHash { get; set; }
}

public static class PopulationModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PopulationLookup>(e =>
        {
            e.Property(x => x.IdNumberHash).HasMaxLength(64);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.AgencyId, x.At });
        });
    }
}
