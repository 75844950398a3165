using System.Net;
using MotCua.Tests.Infrastructure;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Portal;

/// <summary>The README's demo path: the home page's example search leads to a procedure the demo officers receive and process.</summary>
[Collection(DemoCollection.Name)]
public class DemoPathTests(DemoHosts hosts)
{
    [Fact]
    public async Task HomePageExample_FindsAProcedureTheDemoReceptionOfficerReceives()
    {
        var host = await hosts.Get(DatabaseKind.Sqlite);
        var anonymous = host.Client();
        var home = await anonymous.GetStringAsync("/");
        Assert.Contains("“dang ky doanh nghiep tu nhan”", home, StringComparison.Ordinal);
        var results = await anonymous.GetStringAsync("/thu-tuc?q=dang+ky+doanh+nghiep+tu+nhan");
        Assert.Contains($"href=\"/thu-tuc/{Procedure}\"", results, StringComparison.Ordinal);

        // A dossier of that procedure submitted online is in reach of reception.demo.
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var reception = await host.ClientAs("reception.demo");
        Assert.Equal(HttpStatusCode.OK, (await reception.GetAsync($"/api/dossiers/{id}")).StatusCode);
    }
}
