using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.Integrations.Core;

/// <summary>EF configuration of the integration layer's tables (migration 0009_integrations).</summary>
public static class IntegrationsModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.Property(x => x.Target).HasMaxLength(40);
            e.Property(x => x.OrderingKey).HasMaxLength(100);
            e.HasIndex(x => new { x.Target, x.ProcessedAt });
            e.HasIndex(x => new { x.OrderingKey, x.Id });
        });
        modelBuilder.Entity<IntegrationTarget>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(40);
            e.Property(x => x.ChangedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<IntegrationExchange>(e =>
        {
            e.Property(x => x.Target).HasMaxLength(40);
            e.Property(x => x.Operation).HasMaxLength(100);
            e.Property(x => x.RequestBody).HasMaxLength(int.MaxValue);
            e.Property(x => x.ResponseBody).HasMaxLength(int.MaxValue);
            e.Property(x => x.RequestSha256).HasMaxLength(64);
            e.Property(x => x.ResponseSha256).HasMaxLength(64);
            e.Property(x => x.Error).HasMaxLength(1000);
            e.HasIndex(x => x.OutboxMessageId);
            e.HasIndex(x => new { x.Target, x.At });
        });
        modelBuilder.Entity<DossierSyncState>(e =>
        {
            e.HasKey(x => new { x.DossierId, x.Target });
            e.Property(x => x.Target).HasMaxLength(40);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Ignore(x => x.State);
            e.HasOne<Dossiers.Dossier>().WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
