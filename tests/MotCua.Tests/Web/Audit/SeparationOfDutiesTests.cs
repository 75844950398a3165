using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Audit;

/// <summary>The system administrator manages accounts and settings but reads no dossier content unless also given a processing role.</summary>
[Collection(DemoCollection.Name)]
public class SeparationOfDutiesTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SystemAdministrator_ReadsNoDossier_UntilGivenAProcessingRole(DatabaseKind kind)
    {
        var host = await hosts.Get(kind);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var reception = await host.ClientAs("reception.demo");
        await OkAsync(reception, id, "accept");
        var fileId = (await GetAsync(reception, id)).GetProperty("files")[0].GetProperty("id").GetInt64();
        var urls = new[] { $"/api/dossiers/{id}", $"/api/dossiers/{id}/forms/01", $"/api/dossiers/{id}/files/{fileId}" };

        var admin = await host.ClientAs("admin.demo");
        foreach (var url in urls)
            Assert.True((await admin.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/registers/2026")).StatusCode);
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("/api/dossiers?pageSize=100")).GetProperty("items").EnumerateArray(),
            i => i.GetProperty("id").GetInt64() == id);
        var page = await OfficeSignIn.AsAsync(host, "admin.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/office/ho-so/{id}")).StatusCode);
        // Administration itself still works.
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync("/office/lich-lam-viec")).StatusCode);

        // Another system administrator who is also a reception officer of the desk reads it.
        var both = await TestAccounts.NewOfficerAsync(host, "TTPVHCC", OfficerRole.SystemAdmin);
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.UserAccounts.Include(u => u.Roles).SingleAsync(u => u.UserName == both);
            account.Roles.Add(new RoleAssignment { Role = OfficerRole.Reception, AgencyId = account.AgencyId!.Value });
            await db.SaveChangesAsync();
        }
        var adminReceiver = await host.ClientAs(both, TestAccounts.Password);
        foreach (var url in urls)
            Assert.True((await adminReceiver.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
    }
}
