using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Core.Catalog;
using MotCua.Core.Text;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;

namespace MotCua.Tests.Web.Catalog;

/// <summary>
/// The in-memory catalogue index answers exactly what the database query it replaced answered, and
/// follows the database: a publish through any node (the stamp row), and the date a version takes effect.
/// </summary>
[Collection(DemoCollection.Name)]
public class CatalogIndexTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task IndexedSearch_ReturnsTheSameRowsAsTheDatabaseQuery(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var busiest = await context.ProcedureOfferings.GroupBy(o => o.AgencyId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).FirstAsync();
        var communeOffice = await context.Agencies.Where(a => a.Id == busiest).Select(a => a.Code).SingleAsync();
        var today = VietnamTime.Today(host.Time);
        var requests = new List<SearchProceduresRequest>();
        foreach (var q in new[] { null, "giay", "dang ky", "cấp giấy phép xây dựng", "KHAI SINH", "1.00", "2.001610", "không có gì như thế" })
        {
            requests.Add(new(q, null, null, null, null, 1, 20));
            requests.Add(new(q, null, null, null, null, 2, 5));
            requests.Add(new(q, "G15-TP07", null, null, null, 1, 100));
            requests.Add(new(q, null, ImplementingLevel.Commune, null, OnlineLevel.FullyOnline, 1, 100));
            requests.Add(new(q, null, null, "TTPVHCC", null, 1, 100));
            requests.Add(new(q, null, null, communeOffice, OnlineLevel.PartlyOnline, 1, 100));
            requests.Add(new(q, null, null, "NO-SUCH-AGENCY", null, 1, 20));
        }
        foreach (var request in requests)
        {
            var url = "/api/catalog/procedures?" + string.Join('&', new[]
            {
                request.Q is null ? null : "q=" + Uri.EscapeDataString(request.Q),
                request.Sector is null ? null : "sector=" + request.Sector,
                request.Level is null ? null : "level=" + request.Level,
                request.Agency is null ? null : "agency=" + request.Agency,
                request.OnlineLevel is null ? null : "onlineLevel=" + request.OnlineLevel,
                $"page={request.Page}",
                $"pageSize={request.PageSize}",
            }.Where(p => p is not null));
            var answer = await host.Client().GetFromJsonAsync<JsonElement>(url);
            var (codes, total) = await DatabaseReference.SearchAsync(context, today, request);
            Assert.Equal(total, answer.GetProperty("total").GetInt32());
            Assert.Equal(codes, answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Publish_ThroughAnotherContext_IsSeenByTheNextSearch_AndMovesTheStamp(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var sector = TestCatalog.NewSector();
        var code = TestCatalog.NewCode();
        Assert.Equal(0, (await host.Client().GetFromJsonAsync<JsonElement>($"/api/catalog/procedures?sector={sector}")).GetProperty("total").GetInt32());

        // Another node publishes: only the database is shared, so only the stamp row can tell this node.
        await using var scope = host.Scope();
        var context = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = await context.CatalogStamps.AsNoTracking().Select(s => s.Value).SingleAsync();
        var import = scope.ServiceProvider.GetRequiredService<ImportCatalogHandler>();
        var result = await import.HandleAsync(TestCatalog.Document(sector, TestCatalog.Procedure(code, "Thủ tục công bố từ nút khác", sector)), null, null, default);
        Assert.Empty(result.Errors);
        Assert.True(await context.CatalogStamps.AsNoTracking().Select(s => s.Value).SingleAsync() > before);

        var page = await host.Client().GetFromJsonAsync<JsonElement>("/api/catalog/procedures?q=cong%20bo%20tu%20nut%20khac");
        Assert.Equal(code, page.GetProperty("items")[0].GetProperty("code").GetString());
        var sectors = await host.Client().GetFromJsonAsync<JsonElement[]>("/api/catalog/sectors");
        Assert.Equal(1, sectors!.Single(s => s.GetProperty("code").GetString() == sector).GetProperty("procedures").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task VersionTakingEffectTomorrow_IsListedFromTomorrow(DatabaseKind db)
    {
        await using var host = await WebHost.StartAsync(db, demoData: true);
        var sector = TestCatalog.NewSector();
        var code = TestCatalog.NewCode();
        var tomorrow = VietnamTime.Today(host.Time).AddDays(1);
        var admin = await host.ClientAs("admin.demo");
        var response = await admin.PostAsync($"/api/catalog/import?effectiveFrom={tomorrow:yyyy-MM-dd}",
            JsonContent.Create(TestCatalog.Document(sector, TestCatalog.Procedure(code, "Thủ tục có hiệu lực ngày mai", sector)), options: CatalogJson.Options));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await host.Client().GetFromJsonAsync<JsonElement>($"/api/catalog/procedures?sector={sector}")).GetProperty("total").GetInt32());

        host.Time.Advance(TimeSpan.FromDays(1));
        var page = await host.Client().GetFromJsonAsync<JsonElement>($"/api/catalog/procedures?sector={sector}");
        Assert.Equal(code, page.GetProperty("items")[0].GetProperty("code").GetString());
    }

    /// <summary>The catalogue search as the database answered it before the index: the reference for the same rows.</summary>
    private static class DatabaseReference
    {
        public static async Task<(string[] Codes, int Total)> SearchAsync(AppDbContext db, DateOnly today, SearchProceduresRequest request)
        {
            var versions = db.ProcedureVersions.AsNoTracking()
                .Where(v => v.State == VersionState.Published && v.EffectiveFrom <= today && (v.EffectiveTo == null || v.EffectiveTo > today));
            if (!string.IsNullOrWhiteSpace(request.Sector))
                versions = versions.Where(v => v.SectorCode == request.Sector);
            if (request.Level is { } level)
            {
                var marker = "," + level + ",";
                versions = versions.Where(v => v.Levels.Contains(marker));
            }
            if (!string.IsNullOrWhiteSpace(request.Agency))
            {
                var offerings = db.ProcedureOfferings.Join(db.Agencies.Where(a => a.Code == request.Agency), o => o.AgencyId, a => a.Id, (o, a) => o);
                if (request.OnlineLevel is { } online)
                    offerings = offerings.Where(o => o.OnlineLevel == online);
                versions = versions.Where(v => offerings.Any(o => o.ProcedureId == v.ProcedureId));
            }
            else if (request.OnlineLevel is { } online)
            {
                versions = versions.Where(v => v.OnlineLevel == online);
            }
            var rows = versions.Join(db.Procedures, v => v.ProcedureId, p => p.Id, (v, p) => new Row { Code = p.Code, NameFolded = v.NameFolded });
            var tokens = VietnameseText.Tokens(request.Q);
            if (tokens.Count == 0)
            {
                var all = await rows.OrderBy(r => r.NameFolded).ThenBy(r => r.Code).Select(r => r.Code).ToListAsync();
                return (all.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToArray(), all.Count);
            }
            foreach (var token in tokens)
                rows = rows.Where(r => r.NameFolded.Contains(token) || r.Code.StartsWith(token));
            var candidates = await rows.OrderBy(r => r.NameFolded).ThenBy(r => r.Code).Take(SearchProceduresHandler.MaxCandidates).ToListAsync();
            var folded = VietnameseText.Fold(request.Q);
            var ranked = candidates
                .Select(r => (Row: r, Score: SearchRanking.Score(folded, tokens, r.NameFolded, r.Code)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score).ThenBy(x => x.Row.NameFolded, StringComparer.Ordinal)
                .ToList();
            return (ranked.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).Select(x => x.Row.Code).ToArray(), ranked.Count);
        }

        private sealed class Row
        {
            public required string Code { get; init; }
            public required string NameFolded { get; init; }
        }
    }
}
