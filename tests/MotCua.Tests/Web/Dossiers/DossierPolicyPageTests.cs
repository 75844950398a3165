using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Dossiers;
using static MotCua.Tests.Infrastructure.DossierClient;
using C = MotCua.Web.Features.Dossiers.DossierCommand;

namespace MotCua.Tests.Web.Dossiers;

/// <summary>
/// The pages show what the API does: for dossiers in every state, each demo officer's office page
/// and the owner's portal page offer a form exactly for the commands the action runner lets
/// through. A missing button means the API refuses the command (403 or 409) and changes nothing;
/// a button means the API gets past the policy to the action's own input check (400 for a blank form).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed partial class DossierPolicyPageTests(DemoHosts hosts)
{
    /// <summary>A body each command's action rejects as invalid input; null for commands that take none (posting them would act).</summary>
    private static readonly Dictionary<C, object?> BlankBodies = new()
    {
        [C.Accept] = null,
        [C.RequestSupplementAtReception] = new { items = Array.Empty<string>(), reason = "" },
        [C.Refuse] = new { reason = "" },
        [C.SubmitSupplement] = new { note = "" },
        [C.Forward] = null,
        [C.Assign] = new { userId = (long?)null },
        [C.Transfer] = null,
        [C.TransferAgency] = new { agencyCode = "KHONG-CO" },
        [C.SendBack] = new { note = "" },
        [C.Consult] = new { agencyCode = "SXD", question = "" },
        [C.AnswerConsultation] = new { consultationId = 0, answer = "" },
        [C.RequestSupplement] = new { items = Array.Empty<string>(), reason = "" },
        [C.ConfirmSupplement] = null,
        [C.RequestPayment] = new { amountVnd = 0 },
        [C.ConfirmPayment] = null,
        [C.Approve] = new { resultNumber = "" },
        [C.Recall] = new { reason = "" },
        [C.Stop] = new { reason = "" },
        [C.Withdraw] = new { reason = "" },
        [C.Extend] = new { reason = "" },
        [C.Return] = new { method = "" },
        [C.ReceiveOnline] = null,
        [C.Rate] = new { rating = 0 },
    };

    private static readonly C[] OwnerCommands = [C.SubmitSupplement, C.ReceiveOnline, C.Rate, C.Withdraw];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryPageShowsAButtonExactlyWhenTheApiWouldAllowTheCommand(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, phone, _) = await NewCitizenAsync(host);
        var consulted = await TestAccounts.NewOfficerAsync(host, "SXD", OfficerRole.Handler);
        var officers = new List<(string Name, HttpClient Page, HttpClient Api)>();
        foreach (var name in new[] { "reception.demo", "handler.demo", "leader.demo" })
            officers.Add((name, await OfficeSignIn.AsAsync(host, name), await host.ClientAs(name)));
        officers.Add((consulted, await OfficeSignIn.AsAsync(host, consulted, TestAccounts.Password), await host.ClientAs(consulted, TestAccounts.Password)));
        var api = officers.ToDictionary(o => o.Name, o => o.Api);
        var owner = await PortalSignInAsync(host, phone);

        var states = await DossiersInEveryStateAsync(host, citizen, api["reception.demo"], api["handler.demo"], api["leader.demo"]);
        var buttons = 0;
        foreach (var (state, id) in states)
        {
            foreach (var (name, page, client) in officers)
            {
                var response = await page.GetAsync($"/office/ho-so/{id}");
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    await AssertRefusedAsync(host, client, id, Enum.GetValues<C>().Except(OwnerCommands), $"{state}, {name} (out of scope)", HttpStatusCode.NotFound);
                    continue;
                }
                var shown = Handlers(await response.Content.ReadAsStringAsync());
                buttons += shown.Count;
                var officerCommands = Enum.GetValues<C>().Except([C.SubmitSupplement, C.ReceiveOnline, C.Rate]).ToArray();
                await AssertRefusedAsync(host, client, id, officerCommands.Except(shown), $"{state}, {name}");
                await AssertPastThePolicyAsync(host, client, id, shown, $"{state}, {name}");
            }
            var portal = await owner.GetStringAsync($"/ho-so-cua-toi/{id}");
            var offered = Handlers(portal);
            buttons += offered.Count;
            await AssertRefusedAsync(host, citizen, id, OwnerCommands.Except(offered), $"{state}, owner");
            await AssertPastThePolicyAsync(host, citizen, id, offered, $"{state}, owner");
        }
        // Not vacuous: the demo officers and the owner together have work in most states.
        Assert.True(buttons >= 40, $"only {buttons} buttons shown");
    }

    private static async Task AssertRefusedAsync(WebHost host, HttpClient client, long id, IEnumerable<C> commands, string where,
        HttpStatusCode? only = null)
    {
        foreach (var command in commands)
        {
            var before = await VersionAsync(host, id);
            var response = await ActAsync(client, id, DossierCommands.Route(command), BlankBodies[command]);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(only is { } status ? response.StatusCode == status : response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Conflict,
                $"{where}: no button for {command}, but the API answered {(int)response.StatusCode} {text}");
            Assert.Equal(before, await VersionAsync(host, id));
        }
    }

    private static async Task AssertPastThePolicyAsync(WebHost host, HttpClient client, long id, IEnumerable<C> commands, string where)
    {
        foreach (var command in commands.Where(c => BlankBodies[c] is not null))
        {
            var response = await ActAsync(client, id, DossierCommands.Route(command), BlankBodies[command]);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
                $"{where}: button for {command}, but a blank form got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>One dossier in each state the officers and the owner can act in, reached through the API.</summary>
    private static async Task<List<(string State, long Id)>> DossiersInEveryStateAsync(WebHost host, HttpClient citizen, HttpClient reception, HttpClient handler, HttpClient leader)
    {
        var states = new List<(string, long)>();
        async Task<long> Make(string state, params (HttpClient Client, string Action, object? Body)[] steps)
        {
            var id = await SubmitNewAsync(host, citizen);
            foreach (var (client, action, body) in steps)
                await OkAsync(client, id, action, body);
            states.Add((state, id));
            return id;
        }
        var askAtReception = (reception, "request-supplement-at-reception", (object?)new { items = new[] { "Bản sao giấy tờ pháp lý" }, reason = "Thiếu giấy tờ" });
        var supplement = (citizen, "supplement", (object?)new { note = "Đã bổ sung" });
        var accept = (reception, "accept", (object?)null);
        var forward = (reception, "forward", (object?)null);
        var approve = (leader, "approve", (object?)new { resultNumber = "12/GCN", signer = "Lương Thị Hoa", resultDate = "2026-03-02" });
        await Make("1 submitted");
        await Make("1 awaiting the supplement", askAtReception);
        await Make("1 supplement submitted", askAtReception, supplement);
        await Make("2 accepted", accept);
        await Make("4 processing, consulted", accept, forward, (handler, "consult", new { agencyCode = "SXD", question = "Có phù hợp quy hoạch không?", workingDays = 2 }));
        var ask = (handler, "request-supplement", (object?)new { items = new[] { "Bản vẽ mặt bằng" }, reason = "Cần làm rõ" });
        await Make("5 awaiting the supplement", accept, forward, ask);
        await Make("5 supplement submitted", accept, forward, ask, supplement);
        await Make("6 financial obligation", accept, forward, (handler, "request-payment", new { amountVnd = 100_000 }));
        await Make("9 processed", accept, forward, approve);
        await Make("10 returned", accept, forward, approve, (reception, "return", new { method = "AtCounter", receivedBy = "Hoàng Văn Thử" }));
        await Make("3 refused", (reception, "refuse", new { reason = "Không thuộc thẩm quyền" }));
        await Make("8 stopped", accept, (leader, "stop", new { reason = "Không đủ điều kiện" }));
        return states;
    }

    /// <summary>The commands of the forms on a page (<c>?handler=Name</c>); the portal's supplement form is the SubmitSupplement command.</summary>
    private static HashSet<C> Handlers(string html) =>
        HandlerName().Matches(html).Select(m => m.Groups[1].Value == "Supplement" ? nameof(C.SubmitSupplement) : m.Groups[1].Value)
            .Select(Enum.Parse<C>).ToHashSet();

    [GeneratedRegex("\\?handler=(\\w+)\"")]
    private static partial Regex HandlerName();

    private static async Task<long> VersionAsync(WebHost host, long id)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.Where(d => d.Id == id).Select(d => d.Version).SingleAsync();
    }

    private static async Task<HttpClient> PortalSignInAsync(WebHost host, string phone)
    {
        var client = host.Client(followRedirects: false);
        var form = await client.GetStringAsync("/dang-nhap");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = phone,
            ["password"] = TestAccounts.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }
}
