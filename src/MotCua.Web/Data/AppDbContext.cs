using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Core.Catalog;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Accounts.Sessions;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Statistics.Counters;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Data;

/// <summary>
/// The one DbContext. Features own their tables (configured here, grouped by feature); the
/// schema itself is created by the versioned SQL scripts in Data/Migrations, and a test checks
/// that those scripts match this model on both providers.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, AuditEnricher? audit = null,
    Features.Integrations.Core.DossierSyncTracking? sync = null) : DbContext(options)
{
    /// <summary>
    /// What this unit of work already took from the catalogue index (the receiving agency, the sector of
    /// the procedure version), so the save path does not read those rows again (docs/capacity.md).
    /// </summary>
    public Features.Catalog.KnownCatalogFacts Known { get; } = new();

    public DbSet<AdminUnit> AdminUnits => Set<AdminUnit>();
    public DbSet<AdminUnitSuccession> AdminUnitSuccessions => Set<AdminUnitSuccession>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<UserAccount> UserAccounts => Set<UserAccount>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();
    public DbSet<ProcedureOffering> ProcedureOfferings => Set<ProcedureOffering>();
    public DbSet<CatalogStamp> CatalogStamps => Set<CatalogStamp>();
    public DbSet<CalendarOverrideRow> CalendarOverrides => Set<CalendarOverrideRow>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditMarker> AuditMarkers => Set<AuditMarker>();
    public DbSet<TrackingGuard> TrackingGuards => Set<TrackingGuard>();
    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierHistory> DossierHistory => Set<DossierHistory>();
    public DbSet<DossierFile> DossierFiles => Set<DossierFile>();
    public DbSet<Features.Catalog.FormTemplate> FormTemplates => Set<Features.Catalog.FormTemplate>();
    public DbSet<SupplementRequest> SupplementRequests => Set<SupplementRequest>();
    public DbSet<DossierSequence> DossierSequences => Set<DossierSequence>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Features.Integrations.Core.IntegrationTarget> IntegrationTargets => Set<Features.Integrations.Core.IntegrationTarget>();
    public DbSet<Features.Integrations.Core.IntegrationExchange> IntegrationExchanges => Set<Features.Integrations.Core.IntegrationExchange>();
    public DbSet<Features.Integrations.Core.DossierSyncState> DossierSyncStates => Set<Features.Integrations.Core.DossierSyncState>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<StatisticsCounter> StatisticsCounters => Set<StatisticsCounter>();
    public DbSet<Features.Integrations.Population.PopulationLookup> PopulationLookups => Set<Features.Integrations.Population.PopulationLookup>();
    public DbSet<Features.Accounts.Security.AccountSecurity> AccountSecurity => Set<Features.Accounts.Security.AccountSecurity>();
    public DbSet<Features.Accounts.Security.RecoveryCode> RecoveryCodes => Set<Features.Accounts.Security.RecoveryCode>();
    public DbSet<Features.Accounts.Security.Passkeys.Passkey> Passkeys => Set<Features.Accounts.Security.Passkeys.Passkey>();
    public DbSet<Features.Accounts.Security.Passkeys.PasskeyChallenge> PasskeyChallenges => Set<Features.Accounts.Security.Passkeys.PasskeyChallenge>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        Features.Catalog.FormTemplate.Configure(modelBuilder);
        modelBuilder.Entity<AdminUnit>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(10);
            e.Property(x => x.ParentCode).HasMaxLength(10);
            e.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        });
        modelBuilder.Entity<AdminUnitSuccession>(e =>
        {
            e.Property(x => x.OldCode).HasMaxLength(10);
            e.Property(x => x.NewCode).HasMaxLength(10);
            e.HasIndex(x => x.OldCode);
        });
        modelBuilder.Entity<Agency>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(40);
            e.Property(x => x.Qcvn102Code).HasMaxLength(20);
            e.Property(x => x.ElectronicId).HasMaxLength(35);
            e.Property(x => x.AdminUnitCode).HasMaxLength(10);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.Qcvn102Code);
            e.HasIndex(x => x.ParentId);
        });
        modelBuilder.Entity<UserAccount>(e =>
        {
            e.Property(x => x.UserName).HasMaxLength(100);
            e.HasIndex(x => x.UserName).IsUnique();
            e.Property(x => x.EidProvider).HasMaxLength(20);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Roles).WithOne().HasForeignKey(r => r.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RoleAssignment>(e =>
        {
            e.HasIndex(x => new { x.UserAccountId, x.Role, x.AgencyId }).IsUnique();
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Sector>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(40);
            e.HasIndex(x => x.Code).IsUnique();
        });
        modelBuilder.Entity<Procedure>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(40);
            e.HasIndex(x => x.Code).IsUnique();
            e.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ProcedureVersion>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(1000);
            e.Property(x => x.NameFolded).HasMaxLength(1000);
            e.Property(x => x.SectorCode).HasMaxLength(40);
            e.Property(x => x.Levels).HasMaxLength(100);
            e.Property(x => x.Definition)
                .HasConversion(
                    d => JsonSerializer.Serialize(d, CatalogJson.Options),
                    s => JsonSerializer.Deserialize<ProcedureDefinition>(s, CatalogJson.Options)!,
                    new ValueComparer<ProcedureDefinition>(
                        (a, b) => JsonSerializer.Serialize(a, CatalogJson.Options) == JsonSerializer.Serialize(b, CatalogJson.Options),
                        d => JsonSerializer.Serialize(d, CatalogJson.Options).GetHashCode(StringComparison.Ordinal),
                        d => d))
                .HasMaxLength(int.MaxValue)
                .HasColumnName("DefinitionJson");
            e.HasIndex(x => new { x.ProcedureId, x.Number }).IsUnique();
            e.HasIndex(x => new { x.State, x.EffectiveFrom });
            e.HasIndex(x => x.SectorCode);
        });
        modelBuilder.Entity<ProcedureOffering>(e =>
        {
            e.HasIndex(x => new { x.ProcedureId, x.AgencyId }).IsUnique();
            e.HasIndex(x => x.AgencyId);
            e.HasOne(x => x.Procedure).WithMany().HasForeignKey(x => x.ProcedureId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CalendarOverrideRow>(e =>
        {
            e.ToTable("CalendarOverrides");
            e.HasIndex(x => x.Date).IsUnique();
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.Action).HasMaxLength(100);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(100);
            e.Property(x => x.Details).HasMaxLength(4000);
            e.HasIndex(x => x.At);
            AuditModel.Configure(e);
        });
        AuditModel.Configure(modelBuilder);
        DossierModel.Configure(modelBuilder);
        Features.Integrations.DvcqgInbound.DvcqgInboundModel.Configure(modelBuilder);
        Features.Integrations.Population.PopulationModel.Configure(modelBuilder);
        StatisticsCounter.Configure(modelBuilder);
        UserSession.Configure(modelBuilder);
        CatalogStamp.Configure(modelBuilder);
        Features.Accounts.Security.AccountSecurityModel.Configure(modelBuilder);
        Features.Integrations.Core.IntegrationsModel.Configure(modelBuilder);
    }

    /// <summary>
    /// Saves, and moves the statistics counters of every changed dossier in the same transaction
    /// (<see cref="CounterTracking"/>): the counters are exact at every commit.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardPublishedVersions();
        if (audit is not null)
            await audit.EnrichAsync(this, cancellationToken);
        var deltas = await CounterTracking.CollectAsync(this, cancellationToken);
        var synced = sync?.Collect(this) ?? [];
        var catalogTouched = CatalogStamp.Touched(ChangeTracker);
        if (deltas.Count == 0 && synced.Count == 0 && !catalogTouched)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (deltas.Count > 0)
            await CounterWriter.ApplyAsync(this, deltas, cancellationToken);
        if (catalogTouched)
            await CatalogStamp.BumpAsync(this, cancellationToken);
        if (synced.Count > 0)
        {
            // Sync state and outbox message of each changed dossier, in the same transaction (docs/integrations/integration-layer.md#enqueue).
            await sync!.EnqueueAsync(this, synced, cancellationToken);
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (tx is not null)
            await tx.CommitAsync(cancellationToken);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardPublishedVersions();
        audit?.Enrich(this);
        var deltas = CounterTracking.Collect(this);
        var synced = sync?.Collect(this) ?? [];
        var catalogTouched = CatalogStamp.Touched(ChangeTracker);
        if (deltas.Count == 0 && synced.Count == 0 && !catalogTouched)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        using var tx = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (deltas.Count > 0)
            CounterWriter.Apply(this, deltas);
        if (catalogTouched)
            CatalogStamp.Bump(this);
        if (synced.Count > 0)
        {
            sync!.Enqueue(this, synced);
            base.SaveChanges(acceptAllChangesOnSuccess);
        }
        tx?.Commit();
        return saved;
    }

    /// <summary>A published version is immutable; only its EffectiveTo may be closed once.</summary>
    private void GuardPublishedVersions()
    {
        foreach (var entry in ChangeTracker.Entries<ProcedureVersion>())
        {
            if (entry.State == EntityState.Deleted && entry.OriginalValues.GetValue<VersionState>(nameof(ProcedureVersion.State)) == VersionState.Published)
                throw new PublishedVersionImmutableException(entry.Entity.ProcedureId);
            if (entry.State != EntityState.Modified)
                continue;
            if (entry.OriginalValues.GetValue<VersionState>(nameof(ProcedureVersion.State)) != VersionState.Published)
                continue;
            var changed = entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToArray();
            var closingOnly = changed.All(n => n == nameof(ProcedureVersion.EffectiveTo))
                              && entry.OriginalValues.GetValue<DateOnly?>(nameof(ProcedureVersion.EffectiveTo)) is null;
            if (!closingOnly)
                throw new PublishedVersionImmutableException(entry.Entity.ProcedureId);
        }
    }
}

public sealed class PublishedVersionImmutableException(long procedureId)
    : InvalidOperationException($"Published version of procedure {procedureId} cannot be changed.");
