using Microsoft.EntityFrameworkCore;
using MotCua.Core.Calendar;
using MotCua.Core.Dossiers;
using MotCua.Web.Data;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Issues dossier codes (docs/domain/codes.md#sequences): the receiving unit's QCVN 102 code, the Vietnam-local
/// reception date and a per-unit daily sequence from 0001. The sequence is one atomic upsert
/// (INSERT … ON CONFLICT DO UPDATE … RETURNING) inside the caller's transaction: concurrent
/// receptions on several nodes serialise on that row, and a number is never issued twice.
/// </summary>
public static class DossierCodes
{
    public static async Task<string> IssueAsync(AppDbContext db, string unitCode, DateTime receivedAtUtc, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(DossierWorkflow.Local(receivedAtUtc));
        object dayParameter = db.Database.IsNpgsql() ? day : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var numbers = await db.Database.SqlQueryRaw<int>(
            """
            INSERT INTO "DossierSequences" ("UnitCode", "Day", "Last") VALUES ({0}, {1}, 1)
            ON CONFLICT ("UnitCode", "Day") DO UPDATE SET "Last" = "DossierSequences"."Last" + 1
            RETURNING "Last" AS "Value"
            """, unitCode, dayParameter).ToListAsync(ct);
        return DossierCode.Format(unitCode, day, numbers.Single());
    }
}
