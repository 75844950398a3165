using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MotCua.Tests.Infrastructure;

/// <summary>Drives the dossier API the way a portal or office client does.</summary>
public static class DossierClient
{
    /// <summary>A tiny but complete PDF: the platform decides the type from the content and parses it.</summary>
    public static readonly byte[] Pdf = TestPdf.Build();

    private static int _phone = Random.Shared.Next(1_000_000, 8_999_999);

    /// <summary>Signs up a new citizen (unique phone) and returns a client carrying their token.</summary>
    public static async Task<(HttpClient Client, string Phone, string PersonalId)> NewCitizenAsync(WebHost host)
    {
        var phone = "098" + Interlocked.Increment(ref _phone).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
        var personalId = "020195" + phone[^6..];
        var anonymous = host.Client();
        var response = await anonymous.PostAsJsonAsync("/api/accounts", new
        {
            phone,
            email = $"{phone}@example.com",
            password = "MatKhau2026!",
            fullName = "Hoàng Văn Thử",
            personalId,
            birthDate = "1995-02-03",
            provinceCode = "20",
            communeCode = "06112",
            address = "Thôn Pác Khuông",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await host.ClientAs(phone, "MatKhau2026!"), phone, personalId);
    }

    public static async Task<long> UploadAsync(HttpClient client, byte[]? content = null, string name = "to-khai.pdf")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content ?? Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        var response = await client.PostAsync("/api/files", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>"Đăng ký thành lập doanh nghiệp tư nhân" (2.001610): province level, received by the provincial centre, decided by the Department of Finance.</summary>
    public const string Procedure = "2.001610";

    public static async Task<object> SubmissionAsync(HttpClient client, WebHost host)
    {
        using var scope = host.Scope();
        var detail = await host.Client().GetFromJsonAsync<JsonElement>($"/api/catalog/procedures/{Procedure}");
        var @case = detail.GetProperty("definition").GetProperty("cases")[0];
        var documents = new List<object>();
        var index = 0;
        foreach (var doc in @case.GetProperty("documents").EnumerateArray())
        {
            if (doc.GetProperty("required").GetBoolean())
                documents.Add(new { index, fileId = await UploadAsync(client) });
            index++;
        }
        return new { procedureCode = Procedure, caseCode = @case.GetProperty("code").GetString(), formData = FormDataFor(@case), documents };
    }

    /// <summary>Values for the required fields of a case's form, of the right type.</summary>
    public static Dictionary<string, object> FormDataFor(JsonElement @case)
    {
        var formData = new Dictionary<string, object>();
        foreach (var field in @case.GetProperty("formFields").EnumerateArray())
        {
            if (!field.GetProperty("required").GetBoolean())
                continue;
            var key = field.GetProperty("key").GetString()!;
            formData[key] = field.GetProperty("type").GetString() switch
            {
                "Number" => 100_000_000,
                "Date" => "2026-01-15",
                "Choice" => field.GetProperty("options")[0].GetString()!,
                "YesNo" => true,
                "Rows" => new[] { Row(field) },
                _ => "Nội dung thử nghiệm",
            };
        }
        return formData;
    }

    private static Dictionary<string, object> Row(JsonElement field) =>
        field.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => (object)(c.GetProperty("type").GetString() switch
        {
            "Number" => 1,
            "Date" => "2026-01-15",
            "Choice" => c.GetProperty("options")[0].GetString()!,
            "YesNo" => true,
            // A business line must be a real level-4 code of the economic-sector classification.
            _ => c.GetProperty("key").GetString() == "vsicCode" ? "4711" : "Giá trị",
        }));

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, object submission, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dossiers") { Content = JsonContent.Create(submission) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    public static async Task<long> SubmitNewAsync(WebHost host, HttpClient citizen)
    {
        var response = await SubmitAsync(citizen, await SubmissionAsync(citizen, host), Guid.NewGuid().ToString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, long id, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/dossiers/{id}/{action}", body ?? new { });

    public static async Task<JsonElement> OkAsync(HttpClient client, long id, string action, object? body = null)
    {
        var response = await ActAsync(client, id, action, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, long id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}");
}
