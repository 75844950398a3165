using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Audit;

/// <summary>Mapping of the audit chain's columns and tables (migration 0008).</summary>
public static class AuditModel
{
    public static void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.AccountName).HasMaxLength(100);
        e.Property(x => x.ClientIp).HasMaxLength(45);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => x.ChainSeq).IsUnique();
        e.HasIndex(x => new { x.Action, x.At });
    }

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditMarker>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(40);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.LeaseOwner).HasMaxLength(100);
        });
        modelBuilder.Entity<TrackingGuard>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
    }
}
