using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// The tamper-evident chain over the audit rows (TCVN 14423 5.8.2.1; OWASP ASVS 16.4.2; see
/// docs/adr/0007-audit-chain.md). Rows are written by any node without coordination; sealing gives
/// each committed row the next chain position and hash SHA-256(previous hash ‖ canonical content),
/// one sealer at a time (PostgreSQL advisory transaction lock, SQLite's single writer). The head
/// (position and hash) is kept in <see cref="AuditMarker"/> "chain", so deleting the newest rows is
/// noticed too.
/// </summary>
public static class AuditChain
{
    public const string MarkerName = "chain";
    public static readonly string Genesis = new('0', 64);
    private const long SealLockKey = 0x4D6F744175646974; // "MotAudit"
    private const int Batch = 2000;

    /// <summary>Seals every committed row not yet in the chain, in id order; returns how many.</summary>
    public static async Task<int> SealAsync(AppDbContext db, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({SealLockKey})", ct);
            var head = await db.AuditMarkers.SingleOrDefaultAsync(m => m.Name == MarkerName, ct);
            if (head is null)
                db.AuditMarkers.Add(head = new AuditMarker { Name = MarkerName, Position = 0, Hash = Genesis });
            var rows = await db.AuditEntries.Where(a => a.ChainSeq == null).OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            foreach (var row in rows)
            {
                row.ChainSeq = ++head.Position;
                row.Hash = HashOf(head.Hash ?? Genesis, row);
                head.Hash = row.Hash;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            total += rows.Count;
            if (rows.Count < Batch)
                return total;
        }
    }

    public static string HashOf(string previousHash, AuditEntry row) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(row))));

    /// <summary>Every column except the hash, each written as length:value so no two rows share a text.</summary>
    public static string Canonical(AuditEntry row)
    {
        var text = new StringBuilder();
        foreach (var value in new[]
                 {
                     Num(row.Id), Num(row.ChainSeq), row.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
                     Num(row.UserId), row.AccountName, row.Roles, Num(row.AgencyId), row.ClientIp,
                     row.Action, row.EntityType, row.EntityId, row.Outcome.ToString(), row.Details,
                 })
        {
            if (value is null)
                text.Append("-;");
            else
                text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }
        return text.ToString();
    }

    private static string? Num(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public sealed record Verification(long RowsChecked, long Unsealed, IReadOnlyList<string> Problems);

    /// <summary>Walks the chain from its start: changed, deleted and inserted rows are problems.</summary>
    public static async Task<Verification> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var problems = new List<string>();
        var head = await db.AuditMarkers.AsNoTracking().SingleOrDefaultAsync(m => m.Name == MarkerName, ct)
                   ?? new AuditMarker { Name = MarkerName, Position = 0, Hash = Genesis };
        var previous = Genesis;
        long expected = 1, checkedRows = 0, last = 0;
        while (true)
        {
            var rows = await db.AuditEntries.AsNoTracking().Where(a => a.ChainSeq != null && a.ChainSeq > last)
                .OrderBy(a => a.ChainSeq).Take(Batch).ToListAsync(ct);
            foreach (var row in rows)
            {
                var seq = row.ChainSeq!.Value;
                if (seq > head.Position)
                    problems.Add($"Row {row.Id} at position {seq} is beyond the sealed head {head.Position}: inserted.");
                else if (seq != expected)
                    problems.Add($"Positions {expected}–{seq - 1} are missing: deleted.");
                if (row.Hash != HashOf(previous, row))
                    problems.Add($"Row {row.Id} at position {seq} does not match its hash: changed, or the row before it was changed, deleted or inserted.");
                previous = row.Hash ?? "";
                expected = seq + 1;
                last = seq;
                checkedRows++;
            }
            if (rows.Count < Batch)
                break;
        }
        if (last < head.Position)
            problems.Add($"Positions {last + 1}–{head.Position} are missing: deleted.");
        else if (last == head.Position && last > 0 && previous != head.Hash)
            problems.Add($"The last row (position {last}) does not carry the sealed head's hash: changed.");
        var unsealedSealedHash = await db.AuditEntries.CountAsync(a => a.ChainSeq == null && a.Hash != null, ct);
        if (unsealedSealedHash > 0)
            problems.Add($"{unsealedSealedHash} row(s) carry a hash but no chain position: changed.");
        var unsealed = await db.AuditEntries.LongCountAsync(a => a.ChainSeq == null, ct);
        return new Verification(checkedRows, unsealed, problems);
    }
}
