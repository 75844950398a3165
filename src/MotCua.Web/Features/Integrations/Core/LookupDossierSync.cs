using Microsoft.EntityFrameworkCore;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Integrations.Core;

public sealed record SyncStateView(string Target, SyncState State, DateTime ChangedAt, DateTime? SyncedAt, DateTime? LastAttemptAt, string? LastError, bool KnownByTarget);

public sealed record MessageView(long Id, string Target, string Type, DateTime CreatedAt, DateTime? ProcessedAt, bool Failed, int Attempts, string? LastError);

public sealed record ExchangeView(long Id, long? MessageId, string Operation, DateTime At, int DurationMs, int? HttpStatus, bool Succeeded,
    string RequestSha256, string? ResponseSha256, string? Error);

public sealed record DossierSyncView(long DossierId, string Code, DossierStatus Status, IReadOnlyList<SyncStateView> States,
    IReadOnlyList<MessageView> Messages, IReadOnlyList<ExchangeView> Exchanges);

/// <summary>
/// A dossier's sync state and its messages, by dossier code, for the "Liên thông" page. Shows
/// metadata and the SHA-256 of each exchange, not the bodies: the administrator fixes deliveries
/// without reading the applicant's data (separation of duties, TCVN 14423 5.6.2.4).
/// </summary>
public sealed class LookupDossierSyncHandler(AppDbContext db)
{
    public const int MessagesShown = 100;

    public async Task<DossierSyncView?> HandleAsync(string code, CancellationToken ct)
    {
        var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Code == code)
            .Select(d => new { d.Id, d.Code, d.Status }).SingleOrDefaultAsync(ct);
        if (dossier is null)
            return null;
        var states = await db.DossierSyncStates.AsNoTracking().Where(s => s.DossierId == dossier.Id).OrderBy(s => s.Target).ToListAsync(ct);
        var key = DossierSyncTracking.OrderingKey(dossier.Id);
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.OrderingKey == key)
            .OrderByDescending(m => m.Id).Take(MessagesShown)
            .Select(m => new MessageView(m.Id, m.Target, m.Type, m.CreatedAt, m.ProcessedAt, m.Failed, m.Attempts, m.LastError))
            .ToListAsync(ct);
        var ids = messages.Select(m => (long?)m.Id).ToList();
        var exchanges = await db.IntegrationExchanges.AsNoTracking().Where(e => ids.Contains(e.OutboxMessageId))
            .OrderByDescending(e => e.Id).Take(MessagesShown)
            .Select(e => new ExchangeView(e.Id, e.OutboxMessageId, e.Operation, e.At, e.DurationMs, e.HttpStatus, e.Succeeded, e.RequestSha256, e.ResponseSha256, e.Error))
            .ToListAsync(ct);
        return new DossierSyncView(dossier.Id, dossier.Code!, dossier.Status,
            states.Select(s => new SyncStateView(s.Target, s.State, s.ChangedAt, s.SyncedAt, s.LastAttemptAt, s.LastError, s.KnownByTarget)).ToList(),
            messages, exchanges);
    }
}
