using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.Integrations.Core;

/// <summary>A system that keeps a copy of the dossiers (e.g. the national portal): told of every change of a dossier it follows.</summary>
public interface IDossierSyncTarget
{
    string Target { get; }
    string MessageType { get; }
    /// <summary>Configured and switched on; when off, nothing is queued and the dossiers stay "never synced".</summary>
    bool Enabled { get; }
    bool Follows(Dossier dossier);
}

/// <summary>The payload of a dossier sync message: which dossier, and which of its changes it announces.</summary>
public sealed record DossierSyncMessage(long DossierId, long Sequence);

/// <summary>
/// Called by <see cref="AppDbContext"/>'s SaveChanges (docs/integrations/integration-layer.md#enqueue):
/// every added or changed dossier that a sync target follows gets its sync state set to pending and a
/// message queued, in the same transaction as the change. Because every dossier action goes through
/// SaveChanges (docs/adr/0004-counter-writing-savechanges.md), no action can forget the national portal.
/// </summary>
public sealed class DossierSyncTracking(IEnumerable<IDossierSyncTarget> targets, TimeProvider time)
{
    private readonly IReadOnlyList<IDossierSyncTarget> _targets = targets.ToList();

    /// <summary>The dossiers of this save that some enabled target follows (detects changes first).</summary>
    public IReadOnlyList<Dossier> Collect(AppDbContext db)
    {
        if (!_targets.Any(t => t.Enabled))
            return [];
        return db.ChangeTracker.Entries<Dossier>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => e.Entity)
            .Where(d => !d.IsDraft && _targets.Any(t => t.Enabled && t.Follows(d)))
            .ToList();
    }

    /// <summary>After the dossiers were saved (their ids are known), in the same transaction: states to pending, messages queued.</summary>
    public async Task EnqueueAsync(AppDbContext db, IReadOnlyList<Dossier> dossiers, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = dossiers.Select(d => d.Id).ToList();
        foreach (var target in _targets.Where(t => t.Enabled))
        {
            var states = await db.DossierSyncStates.Where(s => s.Target == target.Target && ids.Contains(s.DossierId)).ToDictionaryAsync(s => s.DossierId, ct);
            foreach (var dossier in dossiers.Where(target.Follows))
                Queue(db, target, dossier, states.GetValueOrDefault(dossier.Id), now);
        }
    }

    public void Enqueue(AppDbContext db, IReadOnlyList<Dossier> dossiers)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = dossiers.Select(d => d.Id).ToList();
        foreach (var target in _targets.Where(t => t.Enabled))
        {
            var states = db.DossierSyncStates.Where(s => s.Target == target.Target && ids.Contains(s.DossierId)).ToDictionary(s => s.DossierId);
            foreach (var dossier in dossiers.Where(target.Follows))
                Queue(db, target, dossier, states.GetValueOrDefault(dossier.Id), now);
        }
    }

    private static void Queue(AppDbContext db, IDossierSyncTarget target, Dossier dossier, DossierSyncState? state, DateTime now)
    {
        if (state is null)
            db.DossierSyncStates.Add(state = new DossierSyncState { DossierId = dossier.Id, Target = target.Target });
        state.ChangeSequence++;
        state.ChangedAt = now;
        OutboxDispatcher.Enqueue(db, target.MessageType, new DossierSyncMessage(dossier.Id, state.ChangeSequence), now, target.Target, OrderingKey(dossier.Id));
    }

    public static string OrderingKey(long dossierId) => "dossier:" + dossierId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
