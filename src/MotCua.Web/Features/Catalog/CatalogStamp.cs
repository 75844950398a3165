using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Web.Data;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Catalog;

/// <summary>
/// One row whose value grows with every committed change to what the catalogue index holds
/// (procedures, their versions and offerings, sectors, agencies). Every node reads it per request
/// (a primary-key read) and rebuilds its <see cref="CatalogIndex"/> when it moved, so a publish on
/// one node is seen by all (docs/capacity.md). The increment is an UPDATE in the publishing
/// transaction: its row lock orders publishers, so the value never goes back nor skips a commit.
/// </summary>
public sealed class CatalogStamp
{
    public const int RowId = 1;
    public int Id { get; set; }
    public long Value { get; set; }

    /// <summary>Whether the pending changes touch anything the catalogue index is built from.</summary>
    public static bool Touched(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                                   && e.Entity is ProcedureVersion or ProcedureOffering or Procedure or Sector or Agency);

    public static Task<int> BumpAsync(AppDbContext db, CancellationToken ct) =>
        db.CatalogStamps.Where(s => s.Id == RowId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, x => x.Value + 1), ct);

    public static int Bump(AppDbContext db) =>
        db.CatalogStamps.Where(s => s.Id == RowId).ExecuteUpdate(s => s.SetProperty(x => x.Value, x => x.Value + 1));

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<CatalogStamp>(e => e.Property(x => x.Id).ValueGeneratedNever());
}
