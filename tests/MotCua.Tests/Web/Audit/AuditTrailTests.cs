using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Core.Dossiers;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Audit;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Audit;

/// <summary>Every officer read of personal data, every denied access and every tracking miss is an audit row with account, rights, agency, IP and outcome.</summary>
[Collection(DemoCollection.Name)]
public class AuditTrailTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OfficerReads_OfDossierFilesFormsResultRegisterAndLists_AreAudited(DatabaseKind kind)
    {
        var host = await hosts.Get(kind);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var reception = await host.ClientAs("reception.demo");
        await OkAsync(reception, id, "accept");
        var ip = "10.20.30." + Random.Shared.Next(1, 250).ToString(System.Globalization.CultureInfo.InvariantCulture);
        reception.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        long processed;
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var desk = await db.Agencies.Where(a => a.Code == "TTPVHCC").Select(a => a.Id).SingleAsync();
            processed = await db.Dossiers.Where(d => d.ReceivingAgencyId == desk && d.Status == DossierStatus.Returned && d.ResultNumber != null)
                .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        }

        var detail = await reception.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}");
        var fileId = detail.GetProperty("files")[0].GetProperty("id").GetInt64();
        foreach (var url in new[] { $"/api/dossiers/{id}/files/{fileId}", $"/api/dossiers/{id}/forms/01", $"/api/dossiers/{processed}/result", "/api/registers/2026", "/api/dossiers?queue=ToProcess&q=Ho%C3%A0ng" })
        {
            var response = await reception.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
        }
        var page = await OfficeSignIn.AsAsync(host, "reception.demo");
        page.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/office/ho-so/{id}")).StatusCode);

        await using var check = host.Scope();
        var rows = await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().Where(a => a.ClientIp == ip).ToListAsync();
        Assert.Equal(["dossier.file.read", "dossier.form.read", "dossier.list", "dossier.read", "dossier.register.read", "dossier.result.read"],
            rows.Select(r => r.Action).Distinct().Order().ToArray());
        Assert.Equal(2, rows.Count(r => r.Action == "dossier.read")); // the API and the office page
        Assert.All(rows, r =>
        {
            Assert.Equal("reception.demo", r.AccountName);
            Assert.Equal(AuditOutcome.Success, r.Outcome);
            Assert.NotNull(r.AgencyId);
            Assert.Contains("dossier.receive", r.Roles, StringComparison.Ordinal);
        });
        // The list's search text may be a name: only the fact that there was one is kept.
        var list = Assert.Single(rows, r => r.Action == "dossier.list");
        Assert.DoesNotContain("Hoàng", list.Details, StringComparison.Ordinal);
        Assert.Contains("text=True", list.Details, StringComparison.Ordinal);
        Assert.Equal("form=01", Assert.Single(rows, r => r.Action == "dossier.form.read").Details);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Forbidden_WritesAccessDeniedRows(DatabaseKind kind)
    {
        var host = await hosts.Get(kind);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var handler = await host.ClientAs("handler.demo");
        var ip = "10.21.30." + Random.Shared.Next(1, 250).ToString(System.Globalization.CultureInfo.InvariantCulture);
        handler.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        // Visible to the competent agency, but receiving is not the handler's job (refused by the action runner).
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(handler, id, "accept")).StatusCode);
        // An endpoint whose policy requires a permission the handler lacks (refused by authorization).
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync("/api/calendar/overrides/2026-12-24", new { kind = "DayOff", name = "x" })).StatusCode);

        await using var scope = host.Scope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.ClientIp == ip).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal("security.access-denied", r.Action);
            Assert.Equal(AuditOutcome.Denied, r.Outcome);
            Assert.Equal("handler.demo", r.AccountName);
        });
        Assert.Equal($"/api/dossiers/{id}/accept", rows[0].EntityId);
        Assert.Equal("/api/calendar/overrides/2026-12-24", rows[1].EntityId);
        Assert.Contains("calendar.manage", rows[1].Details, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TrackingMiss_WritesARowWithTheClientAddress(DatabaseKind kind)
    {
        var host = await hosts.Get(kind);
        var client = host.Client();
        var ip = "10.22.30." + Random.Shared.Next(1, 250).ToString(System.Globalization.CultureInfo.InvariantCulture);
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        var code = "000.00.02.H39-260302-" + Random.Shared.Next(5000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/tracking/{code}?check=1234")).StatusCode);

        await using var scope = host.Scope();
        var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(a => a.ClientIp == ip);
        Assert.Equal("security.tracking-miss", row.Action);
        Assert.Equal(AuditOutcome.Failed, row.Outcome);
        Assert.Equal(code, row.EntityId);
        Assert.Null(row.AccountName);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AuditLogPage_ShowsFilteredEvents_ToAdministratorsOnly(DatabaseKind kind)
    {
        var host = await hosts.Get(kind);
        var handler = await host.ClientAs("handler.demo");
        var ip = "10.23.30." + Random.Shared.Next(1, 250).ToString(System.Globalization.CultureInfo.InvariantCulture);
        handler.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PutAsJsonAsync("/api/calendar/overrides/2026-12-25", new { kind = "DayOff", name = "x" })).StatusCode);

        var admin = await OfficeSignIn.AsAsync(host, "admin.demo");
        var html = await admin.GetStringAsync("/office/nhat-ky?tai-khoan=handler.demo&ket-qua=Denied&hanh-dong=security.&tu-ngay=2026-03-01&den-ngay=2026-03-31");
        Assert.Contains("Nhật ký hệ thống", html, StringComparison.Ordinal);
        Assert.Contains(ip, html, StringComparison.Ordinal);
        Assert.Contains("Bị từ chối", html, StringComparison.Ordinal);
        Assert.DoesNotContain("reception.demo", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/office/nhat-ky?tu-ngay=9999-12-31")).StatusCode);

        var reception = await OfficeSignIn.AsAsync(host, "reception.demo");
        var refused = await reception.GetAsync("/office/nhat-ky");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/office/khong-co-quyen", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
