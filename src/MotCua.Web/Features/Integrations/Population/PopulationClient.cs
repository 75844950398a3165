using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using MotCua.Web.Features.Integrations.Lgsp;

namespace MotCua.Web.Features.Integrations.Population;

/// <summary>Configuration "Integrations:Population" (docs/integrations/lgsp-population.md#configuration).</summary>
public sealed class PopulationOptions
{
    public const string Section = "Integrations:Population";

    /// <summary>The lookup service's path under the LGSP's base address.</summary>
    public string Path { get; set; } = "dancu/TraCuuThongTinCongDan";
    /// <summary><c>MaTichHop</c>: the integration code the LGSP gave this system.</summary>
    public string IntegrationCode { get; set; } = "";
    /// <summary><c>MaDVC</c>: the public-service code the lookups are made for.</summary>
    public string ServiceCode { get; set; } = "";
    /// <summary>Key of the keyed hash of ID numbers in the lookup log; set one per installation.</summary>
    public string LookupHashKey { get; set; } = "motcua-population-lookup";
}

/// <summary>A citizen as the National Population Database gives it: what MotCua fills.</summary>
public sealed record PopulationCitizen(string IdNumber, string Name, DateOnly BirthDate, string? Address, string? ProvinceCode, string? CommuneCode);

public sealed record PopulationAnswer(LookupOutcome Outcome, PopulationCitizen? Citizen);

/// <summary>
/// The population-database lookup through the LGSP (docs/integrations/lgsp-population.md#lookup): POST JSON
/// <c>{HoVaTen, SoDinhDanh, NgayThangNamSinh, MaTichHop, MaDVC, MaCanBo, MaYeuCau}</c>; the answer carries the
/// citizens as XML (<c>Envelope/Body/CongdanCollection/CongDan</c>). Any transport failure — LGSP token,
/// network, timeout, HTTP error, unreadable answer — is <see cref="LookupOutcome.Unavailable"/>, never an exception.
/// </summary>
public sealed class PopulationClient(IHttpClientFactory clients, LgspOptions lgsp, PopulationOptions options, ILogger<PopulationClient> log)
{
    public const string HttpClientName = "lgsp-population";

    public async Task<PopulationAnswer> LookupAsync(string idNumber, string name, DateOnly birthDate, string officer, CancellationToken ct)
    {
        if (!lgsp.IsConfigured)
            return new PopulationAnswer(LookupOutcome.Unavailable, null);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(lgsp.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).PostAsJsonAsync(options.Path, new Dictionary<string, string>
            {
                ["HoVaTen"] = name,
                ["SoDinhDanh"] = idNumber,
                ["NgayThangNamSinh"] = birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["MaTichHop"] = options.IntegrationCode,
                ["MaDVC"] = options.ServiceCode,
                ["MaCanBo"] = officer,
                ["MaYeuCau"] = Guid.NewGuid().ToString("N"),
            }, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                log.LogWarning("Population lookup: LGSP answered {Status}", (int)response.StatusCode);
                return new PopulationAnswer(LookupOutcome.Unavailable, null);
            }
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);
            return Read(body);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or XmlException or LgspTokenException
                                   || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("Population lookup unavailable: {Reason}", e.GetType().Name);
            return new PopulationAnswer(LookupOutcome.Unavailable, null);
        }
    }

    private static PopulationAnswer Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw new JsonException("Answer is not an object.");
        var code = body.TryGetProperty("MaLoi", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (code == "02")
            return new PopulationAnswer(LookupOutcome.Mismatch, null);
        if (code is { Length: > 0 })
            throw new JsonException("LGSP error " + code);
        var xml = body.TryGetProperty("KetQua", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        if (string.IsNullOrEmpty(xml))
            throw new JsonException("Answer without KetQua.");
        // No DTD, no external entities (XmlReader defaults of XDocument.Parse prohibit DTDs).
        var person = XDocument.Parse(xml).Descendants().FirstOrDefault(e => e.Name.LocalName == "CongDan");
        if (person is null)
            return new PopulationAnswer(LookupOutcome.NotFound, null);
        string? Value(params string[] path)
        {
            XElement? at = person;
            foreach (var step in path)
                at = at?.Elements().FirstOrDefault(e => e.Name.LocalName == step);
            return at?.Value is { Length: > 0 } v ? v.Trim() : null;
        }
        if (Value("SoDinhDanh") is not { } id || Value("HoVaTen") is not { } name
            || !DateOnly.TryParseExact(Value("NgayThangNamSinh"), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            throw new JsonException("CongDan without SoDinhDanh, HoVaTen or NgayThangNamSinh.");
        return new PopulationAnswer(LookupOutcome.Found, new PopulationCitizen(id, name, birth,
            Value("NoiOHienTai", "ChiTiet") ?? Value("ThuongTru", "ChiTiet"),
            Value("NoiOHienTai", "MaTinh") ?? Value("ThuongTru", "MaTinh"),
            Value("NoiOHienTai", "MaXa") ?? Value("ThuongTru", "MaXa")));
    }
}
