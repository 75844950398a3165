using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.Integrations.Dvcqg;

/// <summary>The national portal follows every dossier that has a code (received at the counter or accepted online).</summary>
public sealed class DvcqgSyncTarget(DvcqgOptions options) : IDossierSyncTarget
{
    public string Target => DvcqgOptions.Target;
    public string MessageType => DvcqgSyncHandler.MessageType;
    public bool Enabled => options.Enabled;
    public bool Follows(Dossier dossier) => dossier.Code is not null;
}

/// <summary>
/// Delivers "dossier changed" to DVCQG (docs/integrations/dvcqg.md#flow): <c>DongBoHoSoMC</c> as an add
/// the first time (an answer "đã tồn tại" sends it again as an update) and as an update afterwards, then
/// <c>CapNhatTienDoHoSoMC</c> with the history rows not yet acknowledged, ten per call. What the portal
/// acknowledged is saved after each call, so a delivery repeated after a crash resends only what was
/// not acknowledged; a message whose change a delivery already covered is a no-op.
/// </summary>
public sealed class DvcqgSyncHandler(AppDbContext db, IDvcqgTransport transport, DvcqgDossierBuilder builder, TimeProvider time)
    : IOutboxHandler, IOutboxFailureObserver
{
    public const string MessageType = "dvcqg.dossier";
    public const int ProgressChunk = 10;
    public string Type => MessageType;

    public async Task HandleAsync(string payloadJson, CancellationToken ct)
    {
        var message = JsonSerializer.Deserialize<DossierSyncMessage>(payloadJson)!;
        var state = await StateAsync(message.DossierId, ct);
        if (state is null || state.DeliveredSequence >= message.Sequence)
            return;
        state.LastAttemptAt = time.GetUtcNow().UtcDateTime;
        var snapshot = await builder.BuildAsync(message.DossierId, state.LastSyncedHistoryId, ct);
        if (snapshot is null)
            return; // no code yet: nothing DVCQG could file it under

        if (snapshot.NationalCode is not null)
        {
            // DVCQG already holds a dossier it pushed to us: it hears its status, not an add (docs/integrations/dvcqg-inbound.md#status-back).
            Ensure("DongBoTrangThaiHoSo", await transport.CallAsync("DongBoTrangThaiHoSo", StatusBack(snapshot.Dossier, await LocalCodeAsync(message.DossierId, ct)), ct));
        }
        else
        {
            var data = new JsonArray(JsonSerializer.SerializeToNode(snapshot.Dossier, DvcqgFormat.Json));
            var answer = await transport.CallAsync("DongBoHoSoMC", Fields(state.KnownByTarget, data), ct);
            if (!state.KnownByTarget && answer.AlreadyExists)
                answer = await transport.CallAsync("DongBoHoSoMC", Fields(true, data), ct);
            Ensure("DongBoHoSoMC", answer);
        }
        var now = time.GetUtcNow().UtcDateTime;
        state.KnownByTarget = true;
        state.FirstSyncedAt ??= now;
        await db.SaveChangesAsync(ct);

        while (snapshot is not null && snapshot.Progress.Count > 0)
        {
            foreach (var chunk in snapshot.Progress.Chunk(ProgressChunk))
            {
                var items = new JsonArray(chunk.Select(c => JsonSerializer.SerializeToNode(c.Item, DvcqgFormat.Json)).ToArray());
                Ensure("CapNhatTienDoHoSoMC", await transport.CallAsync("CapNhatTienDoHoSoMC", new JsonObject { ["data"] = items }, ct));
                state.LastSyncedHistoryId = chunk[^1].HistoryId;
                await db.SaveChangesAsync(ct);
            }
            snapshot = await builder.BuildAsync(message.DossierId, state.LastSyncedHistoryId, ct);
        }
        state.DeliveredSequence = Math.Max(state.DeliveredSequence, message.Sequence);
        state.SyncedAt = time.GetUtcNow().UtcDateTime;
        state.LastError = null;
    }

    /// <summary>In the dispatcher's transaction: the attempt and its error on the dossier; "failed" once the dispatcher gives up.</summary>
    public async Task OnFailureAsync(OutboxMessage message, bool givenUp, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<DossierSyncMessage>(message.PayloadJson)!;
        if (await StateAsync(payload.DossierId, ct) is not { } state)
            return;
        state.LastAttemptAt = time.GetUtcNow().UtcDateTime;
        state.LastError = message.LastError;
        if (givenUp)
            state.FailedSequence = Math.Max(state.FailedSequence, payload.Sequence);
    }

    private Task<DossierSyncState?> StateAsync(long dossierId, CancellationToken ct) =>
        db.DossierSyncStates.SingleOrDefaultAsync(s => s.DossierId == dossierId && s.Target == DvcqgOptions.Target, ct);

    private Task<string?> LocalCodeAsync(long dossierId, CancellationToken ct) =>
        db.Dossiers.Where(d => d.Id == dossierId).Select(d => d.Code).SingleAsync(ct);

    /// <summary><c>DongBoTrangThaiHoSo</c> with <c>type "2"</c>: the national code, ours beside it, and the status 1–10 as the dossier's.</summary>
    private static JsonObject StatusBack(DvcqgDossier dossier, string? localCode) => new()
    {
        ["type"] = "2",
        ["data"] = new JsonObject
        {
            ["MaHoSo"] = dossier.MaHoSo,
            ["MaHoSoDonVi"] = localCode ?? "",
            ["MaDoiTuong"] = "",
            ["NoiDung"] = dossier.TrichYeuHoSo,
            ["NgayXuLy"] = dossier.NgayKetThucXuLy is { Length: > 0 } ended ? ended : dossier.NgayTiepNhan,
            ["TrangThai"] = dossier.TrangThaiHoSo,
            ["TaiLieuXuLy"] = new JsonArray(),
        },
    };

    private static JsonObject Fields(bool updating, JsonArray data) =>
        new() { ["isUpdating"] = updating ? "True" : "False", ["data"] = data.DeepClone() };

    private static void Ensure(string service, DvcqgAnswer answer)
    {
        if (!answer.Succeeded)
            throw new DvcqgException($"{service}: error_code {answer.ErrorCode}: {answer.Message}");
    }
}
