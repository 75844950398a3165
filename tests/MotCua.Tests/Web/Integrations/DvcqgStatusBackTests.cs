using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Integrations.Dvcqg;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Integrations;

/// <summary>A dossier DVCQG pushed to us goes back as status under its national code (docs/integrations/dvcqg-inbound.md#status-back).</summary>
public sealed class DvcqgStatusBackTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PushedDossier_GoesBackAsStatusUnderItsNationalCode_NeverAsANewDossier(DatabaseKind db)
    {
        await using var simulator = await SimulatorHost.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Integrations:Dvcqg:InboundToken"] = NationHosts.InboundToken,
            ["Integrations:Dvcqg:AuthUrl"] = simulator.Url("dvcqg/auth"),
            ["Integrations:Dvcqg:ServiceUrl"] = simulator.Url("dvcqg/service"),
            ["Integrations:Dvcqg:UserName"] = "motcua-test",
            ["Integrations:Dvcqg:Password"] = "test-password",
            ["Integrations:Dvcqg:UnitCode"] = "000.00.00.H39",
            ["Files:Clamd:Required"] = "false",
        };
        await using var host = await WebHost.StartAsync(db, demoData: true, settings);
        await using (var scope = host.Scope())
        {
            // The seeded dossiers count as already at DVCQG: this test watches only the pushed one.
            var now = host.Time.Now.UtcDateTime;
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.Where(m => m.Target == DvcqgOptions.Target)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now));
        }
        var national = $"G22.99.20-260302-{Random.Shared.Next(10_000, 99_999)}";
        var pdf = TestPdf.Build($"BT ({national}) Tj ET");
        using var pushed = await NationHosts.PushAsync(host.Client(), DvcqgInboundTests.Dossier(national,
            new { TenTepDinhKem = "Don.pdf", IsDeleted = "False", Base64 = Convert.ToBase64String(pdf) }));
        Assert.Equal(0, JsonDocument.Parse(await pushed.Content.ReadAsStringAsync()).RootElement.GetProperty("error_code").GetInt32());
        long id;
        await using (var scope = host.Scope())
            id = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.SingleAsync(d => d.NationalCode == national)).Id;

        var reception = await host.ClientAs("reception.demo");
        await OkAsync(reception, id, "accept");
        var code = await DvcqgFixture.CodeAsync(host, id);
        await DvcqgFixture.DrainAsync(host, id);

        var bodies = simulator.State.Requests("dvcqg").Select(r => JsonNode.Parse(r.Body)).OfType<JsonObject>().ToList();
        var statusBack = Assert.Single(bodies, b => b["service"]?.GetValue<string>() == "DongBoTrangThaiHoSo");
        Assert.Equal("2", statusBack["type"]!.GetValue<string>());
        Assert.Equal(national, statusBack["data"]!["MaHoSo"]!.GetValue<string>());
        Assert.Equal(code, statusBack["data"]!["MaHoSoDonVi"]!.GetValue<string>());
        Assert.Equal("2", statusBack["data"]!["TrangThai"]!.GetValue<string>());
        Assert.DoesNotContain(bodies, b => b["service"]?.GetValue<string>() == "DongBoHoSoMC"
            && b["data"] is JsonArray data && data.OfType<JsonObject>().Any(d => d["MaHoSo"]?.GetValue<string>() is { } c && (c == national || c == code)));
        var progress = bodies.Where(b => b["service"]?.GetValue<string>() == "CapNhatTienDoHoSoMC").SelectMany(b => b["data"]!.AsArray().OfType<JsonObject>()).ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.Equal(national, p["MaHoSo"]!.GetValue<string>()));
    }
}
