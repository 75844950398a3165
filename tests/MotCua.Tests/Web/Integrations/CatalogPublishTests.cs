using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Calendar;
using MotCua.Simulator.Dvcqg;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Catalog;

namespace MotCua.Tests.Web.Integrations;

/// <summary>A draft filled from DVCQG is reviewed and published by the administrator; the version in force is closed, never edited.</summary>
public sealed class CatalogPublishTests(DvcqgFixture fixture) : IClassFixture<DvcqgFixture>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ImportedDraft_PublishedFromTomorrow_ClosesTheVersionInForce_AndCannotBePublishedTwice(DatabaseKind db)
    {
        var host = await fixture.Get(db);
        var admin = await host.ClientAs("admin.demo");
        var code = DvcqgProcedures.KnownToDemo;
        var imported = await admin.PostAsJsonAsync("/api/catalog/procedures/import-from-dvcqg", new { nationalCode = code });
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var number = (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("versionNumber").GetInt32();
        DateOnly today;
        long inForceId;
        await using (var scope = host.Scope())
        {
            today = VietnamTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            inForceId = await dbc.ProcedureVersions.Where(v => dbc.Procedures.Any(p => p.Id == v.ProcedureId && p.Code == code)
                && v.State == VersionState.Published && v.EffectiveTo == null).Select(v => v.Id).SingleAsync();
        }
        var route = $"/api/catalog/procedures/{code}/versions/{number}/publish";

        await Problem.AssertAsync(await admin.PostAsJsonAsync(route, new { effectiveFrom = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }),
            HttpStatusCode.BadRequest, "urn:motcua:problem:validation");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.ClientAs("reception.demo")).PostAsJsonAsync(route, new { })).StatusCode);
        var tomorrow = today.AddDays(1);
        var published = await admin.PostAsJsonAsync(route, new { effectiveFrom = tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        await using (var scope = host.Scope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var versions = await dbc.ProcedureVersions.AsNoTracking().Where(v => dbc.Procedures.Any(p => p.Id == v.ProcedureId && p.Code == code)).ToListAsync();
            var fresh = versions.Single(v => v.Number == number);
            Assert.Equal(VersionState.Published, fresh.State);
            Assert.Equal(tomorrow, fresh.EffectiveFrom);
            Assert.Equal(tomorrow, versions.Single(v => v.Id == inForceId).EffectiveTo);
            Assert.True(await dbc.AuditEntries.AnyAsync(a => a.Action == "catalog.publish" && a.EntityId == code));
        }
        await Problem.AssertAsync(await admin.PostAsJsonAsync(route, new { }), HttpStatusCode.Conflict, "urn:motcua:problem:version-already-published");
        await Problem.AssertAsync(await admin.PostAsJsonAsync($"/api/catalog/procedures/{code}/versions/999/publish", new { }), HttpStatusCode.NotFound, "urn:motcua:problem:not-found");
    }
}
