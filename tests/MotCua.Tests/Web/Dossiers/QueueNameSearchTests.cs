using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>
/// The queue search by name follows the dossiers as they change: a renamed applicant is found by the new
/// name and no longer by the old one, a deleted dossier is gone (on SQLite the trigram table of migration
/// 0023 is kept by triggers; on PostgreSQL the trigram indexes are part of the table). A dossier code is
/// found typed in any case.
/// </summary>
public class QueueNameSearchTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NameSearch_FollowsRenamesAndDeletes_CodeInAnyCase(DatabaseKind kind)
    {
        await using var host = await WebHost.StartAsync(kind, demoData: true);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var reception = await host.ClientAs("reception.demo");
        var code = (await GetAsync(reception, id)).GetProperty("code").GetString()!;

        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dossier = await db.Dossiers.SingleAsync(d => d.Id == id);
            dossier.ApplicantName = "Hoàng Thị Quỳnh Như";
            await db.SaveChangesAsync();
        }
        Assert.Equal([id], await SearchAsync(reception, "Quỳnh Như"));
        Assert.Equal([id], await SearchAsync(reception, "quỳnh như")); // unaccented letters in any case, on both databases
        Assert.Empty(await SearchAsync(reception, "Nội dung thử nghiệm khác"));
        Assert.Equal([id], await SearchAsync(reception, code.ToLowerInvariant()));

        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.DossierHistory.Where(h => h.DossierId == id).ExecuteDeleteAsync();
            await db.DossierFiles.Where(f => f.DossierId == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DossierId, (long?)null));
            await db.Dossiers.Where(d => d.Id == id).ExecuteDeleteAsync();
        }
        Assert.Empty(await SearchAsync(reception, "Quỳnh Như"));
    }

    private static async Task<long[]> SearchAsync(HttpClient client, string text)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/dossiers?queue=All&q={Uri.EscapeDataString(text)}");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
    }
}
