using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Tests.Infrastructure;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.DemoData;
using static MotCua.Tests.Infrastructure.DossierClient;

namespace MotCua.Tests.Web.Pages;

/// <summary>The office dossier pages over HTTP: queues, the dossier page and its action forms, counter intake.</summary>
[Collection(DemoCollection.Name)]
public partial class OfficePagesTests(DemoHosts hosts)
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReceptionAcceptsAndForwardsThroughThePage_LeaderAssignsTheHandler(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var page = $"/office/ho-so/{id}";

        var reception = await SignInAsync(host, "reception.demo");
        var queue = await reception.GetStringAsync("/office/ho-so?queue=NewOnline");
        Assert.Contains($"href=\"{page}\"", queue, StringComparison.Ordinal);
        Assert.Matches("aria-current=\"page\">\\s*Mới nộp trực tuyến", queue);

        var accepted = await PostFormAsync(reception, page + "?handler=Accept", new(), page);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(page, accepted.Headers.Location!.OriginalString);
        var code = (await GetAsync(citizen, id)).GetProperty("code").GetString()!;
        var shown = await reception.GetStringAsync(page);
        Assert.Contains($"<strong class=\"code\">{code}</strong>", shown, StringComparison.Ordinal);
        Assert.Contains("Được tiếp nhận", shown, StringComparison.Ordinal);
        Assert.Contains($"Đã tiếp nhận hồ sơ, mã hồ sơ {code}.", shown, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/dossiers/{id}/forms/01\"", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Accept", shown, StringComparison.Ordinal);

        var forwarded = await PostFormAsync(reception, page + "?handler=Forward", new() { ["note"] = "Chuyển Sở Tài chính" }, page);
        Assert.Equal(HttpStatusCode.Redirect, forwarded.StatusCode);
        Assert.Equal(4, (await GetAsync(citizen, id)).GetProperty("status").GetInt32());

        var leader = await SignInAsync(host, "leader.demo");
        var leaderPage = await leader.GetStringAsync(page);
        var option = HandlerOption().Match(leaderPage);
        Assert.True(option.Success, "the assign form lists the agency's handlers");
        var handlerId = long.Parse(option.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var assigned = await PostFormAsync(leader, page + "?handler=Assign", new() { ["userId"] = option.Groups[1].Value, ["note"] = "Xử lý trong ngày" }, page);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        Assert.Equal(handlerId, (await GetAsync(citizen, id)).GetProperty("assigneeId").GetInt64());
        Assert.Contains("Xử lý trong ngày", await leader.GetStringAsync(page), StringComparison.Ordinal);

        var handler = await SignInAsync(host, "handler.demo");
        Assert.Contains($"href=\"{page}\"", await handler.GetStringAsync("/office/ho-so?queue=Mine"), StringComparison.Ordinal);
        // The sign-out button of /office carries its anti-forgery token.
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(handler, "/office/dang-xuat", new(), "/office")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ActionNotAllowedOrOnAStaleView_Is409WithVietnameseMessage_AndChangesNothing(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var page = $"/office/ho-so/{id}";
        var reception = await SignInAsync(host, "reception.demo");
        Assert.DoesNotContain("handler=Return", await reception.GetStringAsync(page), StringComparison.Ordinal);

        var returned = await PostFormAsync(reception, page + "?handler=Return", new() { ["method"] = "AtCounter", ["receivedBy"] = "Hoàng Văn Thử" }, page);
        Assert.Equal(HttpStatusCode.Conflict, returned.StatusCode);
        var text = WebUtility.HtmlDecode(await returned.Content.ReadAsStringAsync());
        Assert.Contains("Không thể \"Trả kết quả\" khi hồ sơ đang ở trạng thái \"Mới đăng ký\".", text, StringComparison.Ordinal);

        var version = VersionInput().Match(await reception.GetStringAsync(page)).Groups[1].Value;
        var stale = await PostFormAsync(reception, page + "?handler=Accept", new() { ["version"] = version + "9" }, page);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Hồ sơ vừa được người khác cập nhật", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var blank = await PostFormAsync(reception, page + "?handler=Refuse", new() { ["reason"] = " " }, page);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Vui lòng nêu rõ lý do từ chối.", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unchanged = await GetAsync(citizen, id);
        Assert.Equal(1, unchanged.GetProperty("status").GetInt32());
        Assert.Equal(1, unchanged.GetProperty("history").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherAgencysOfficer_Gets404_AndAnApplicantIsNoOfficer(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, phone, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var page = $"/office/ho-so/{id}";
        var outsider = await SignInAsync(host, await NewOfficerAsync(host, "SYT", OfficerRole.Reception), "MatKhau2026!");

        var read = await outsider.GetAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        var body = await read.Content.ReadAsStringAsync();
        Assert.Contains("Không tìm thấy trang", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàng Văn Thử", body, StringComparison.Ordinal);
        var accept = await PostFormAsync(outsider, page + "?handler=Accept", new(), "/office/dang-nhap");
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.DoesNotContain($"href=\"{page}\"", await outsider.GetStringAsync("/office/ho-so?queue=All"), StringComparison.Ordinal);
        Assert.Equal(1, (await GetAsync(citizen, id)).GetProperty("status").GetInt32());

        var applicant = await SignInAsync(host, phone, "MatKhau2026!");
        var refused = await applicant.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/office/khong-co-quyen", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CounterIntakeForm_CreatesOneDossierWithCode_EvenWhenPostedTwice(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var reception = await SignInAsync(host, "reception.demo");
        var form = $"/office/tiep-nhan?thu-tuc={Procedure}";
        var html = await reception.GetStringAsync(form);
        var key = IdempotencyKey().Match(html).Groups[1].Value;
        Assert.Matches("^[0-9a-f]{32}$", key);
        var name = "Lộc Văn Quầy " + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["thu-tuc"] = Procedure,
            ["truong-hop"] = "TH01",
            ["idempotencyKey"] = key,
            ["channel"] = "InPerson",
            ["applicantType"] = "Citizen",
            ["name"] = "",
            ["idNumber"] = "020188000777",
            ["birthDate"] = "1988-07-07",
            ["phone"] = "0915000777",
            ["provinceCode"] = "20",
            ["communeCode"] = "05983",
            ["f.enterpriseName"] = "Doanh nghiệp tư nhân Quầy Một",
            ["f.headOffice"] = "Số 1 Lê Lợi, phường Lương Văn Tri",
            ["f.businessLines"] = "4711 | Bán lẻ tổng hợp\n4722 | Bán lẻ thực phẩm",
            ["f.investmentCapital"] = "500000000",
            ["f.convertedFromHousehold"] = "false",
        };

        // A mistake re-renders the form with what was typed and the same key; nothing is created.
        var invalid = await PostMultipartAsync(reception, form, fields, form);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var again = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Vui lòng nhập họ tên người nộp", again, StringComparison.Ordinal);
        Assert.Contains($"value=\"{key}\"", again, StringComparison.Ordinal);
        Assert.Contains("Doanh nghiệp tư nhân Quầy Một", again, StringComparison.Ordinal);

        fields["name"] = name;
        var first = await PostMultipartAsync(reception, form, fields, form);
        var second = await PostMultipartAsync(reception, form, fields, form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var location = first.Headers.Location!.OriginalString;
        Assert.Matches(@"^/office/ho-so/\d+$", location);
        Assert.Equal(location, second.Headers.Location!.OriginalString);

        var shown = await reception.GetStringAsync(location);
        Assert.Matches(@"<strong class=""code"">000\.00\.02\.H39-\d{6}-\d{4}</strong>", shown);
        Assert.Contains("Được tiếp nhận", shown, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/dossiers/{location[(location.LastIndexOf('/') + 1)..]}/forms/01\"", shown, StringComparison.Ordinal);
        Assert.Contains("Bán lẻ thực phẩm", shown, StringComparison.Ordinal);
        Assert.Contains("giay-de-nghi.pdf", shown, StringComparison.Ordinal);

        var api = await host.ClientAs("reception.demo");
        var found = await api.GetFromJsonAsync<JsonElement>($"/api/dossiers?q={Uri.EscapeDataString(name)}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Consultation_AskedAndAnsweredThroughTheDossierPages(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var (citizen, _, _) = await NewCitizenAsync(host);
        var id = await SubmitNewAsync(host, citizen);
        var api = await host.ClientAs("reception.demo");
        await OkAsync(api, id, "accept");
        await OkAsync(api, id, "forward");
        var page = $"/office/ho-so/{id}";
        var handler = await SignInAsync(host, "handler.demo");
        var asked = await PostFormAsync(handler, page + "?handler=Consult",
            new() { ["agencyCode"] = "SXD", ["question"] = "Trụ sở có nằm trong khu quy hoạch không?", ["workingDays"] = "2" }, page);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);

        var builder = await SignInAsync(host, await NewOfficerAsync(host, "SXD", OfficerRole.Handler), "MatKhau2026!");
        var consulted = await builder.GetStringAsync(page);
        Assert.Contains("Trụ sở có nằm trong khu quy hoạch không?", consulted, StringComparison.Ordinal);
        var consultationId = System.Text.RegularExpressions.Regex.Match(consulted, "name=\"consultationId\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(consultationId);
        var answered = await PostFormAsync(builder, page + "?handler=AnswerConsultation",
            new() { ["consultationId"] = consultationId, ["answer"] = "Không nằm trong khu quy hoạch" }, page);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.DoesNotContain("name=\"consultationId\"", await builder.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Contains("Không nằm trong khu quy hoạch", await handler.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Approval_WithASignedResultFile_IsWhatTheApplicantDownloads(DatabaseKind db)
    {
        var host = await hosts.Get(db);
        var journey = await DossierJourney.AssignedAsync(host);
        var (citizen, id) = (journey.Citizen, journey.Id);
        var reception = await host.ClientAs("reception.demo");
        await OkAsync(await host.ClientAs("handler.demo"), id, "transfer");

        var page = $"/office/ho-so/{id}";
        var leader = await SignInAsync(host, "leader.demo");
        byte[] signed = [.. Pdf, .. System.Text.Encoding.ASCII.GetBytes("%signed " + Guid.NewGuid())];
        using var content = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync(leader, page)), "__RequestVerificationToken" },
            { new StringContent("99/GCN-STC"), "resultNumber" },
            { new StringContent("Lương Thị Hoa"), "signer" },
            { new StringContent("2026-03-02"), "resultDate" },
        };
        var file = new ByteArrayContent(signed);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "resultFile", "ket-qua-da-ky.pdf");
        var approved = await leader.PostAsync(page + "?handler=Approve", content);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var result = await citizen.GetAsync($"/api/dossiers/{id}/result");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(signed, await result.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Signs in through the login page; the client keeps the cookie and does not follow redirects.</summary>
    private static Task<HttpClient> SignInAsync(WebHost host, string userName, string password = DemoDataSeeder.DemoPassword) => OfficeSignIn.AsAsync(host, userName, password);

    private static Task<string> NewOfficerAsync(WebHost host, string agencyCode, OfficerRole role) => TestAccounts.NewOfficerAsync(host, agencyCode, role);

    /// <summary>Posts a form the way a browser does: with the anti-forgery token of the page it came from.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? pageToRead = null)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, pageToRead ?? url);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The counter form as a browser sends it: multipart, with a scan of the first document.</summary>
    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, Dictionary<string, string> fields, string pageToRead)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(await TokenAsync(client, pageToRead)), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
            content.Add(new StringContent(value), name);
        var scan = new ByteArrayContent(Pdf);
        scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(scan, "doc0", "giay-de-nghi.pdf");
        return await client.PostAsync(url, content);
    }

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var token = TokenInput().Match(await client.GetStringAsync(page));
        Assert.True(token.Success, "the form carries an anti-forgery token");
        return token.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("<option value=\"(\\d+)\"[^>]*>Hoàng Văn Minh")]
    private static partial Regex HandlerOption();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionInput();

    [GeneratedRegex("name=\"idempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKey();
}
