using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Integrations.DvcqgInbound;

/// <summary>EF configuration of what the inbound adapter adds to dossiers: the national code, unique (docs/integrations/dvcqg-inbound.md#duplicates).</summary>
public static class DvcqgInboundModel
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Dossier>(e =>
        {
            e.Property(x => x.NationalCode).HasMaxLength(40);
            e.HasIndex(x => x.NationalCode).IsUnique();
        });
}
