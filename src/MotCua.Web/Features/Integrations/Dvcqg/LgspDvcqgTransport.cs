using System.Text.Json.Nodes;
using MotCua.Web.Features.Integrations.Core;
using MotCua.Web.Features.Integrations.Lgsp;

namespace MotCua.Web.Features.Integrations.Dvcqg;

/// <summary>
/// DVCQG through the provincial LGSP (docs/integrations/dvcqg.md#transport): the LGSP's proxy holds the DVCQG
/// session, so MotCua sends no <c>session</c> but the LGSP's own bearer token (<see cref="LgspAuthenticationHandler"/>:
/// cached, renewed once on 401). Each service is its own route, the proxy's S3 shape:
/// <c>POST {ServiceUrl}{service}?MaDinhDanhDV={UnitCode}&amp;{other fields}</c> with the service's <c>data</c>
/// as the body — <c>[dossier]</c> for <c>DongBoHoSoMC</c> (with <c>isUpdating</c> in the query),
/// <c>[progress…]</c> for <c>CapNhatTienDoHoSoMC</c>, the status object for <c>DongBoTrangThaiHoSo</c> — or <c>{}</c>
/// for a service without data (<c>LayThuTuc?maTTHC=…</c>). The answer is DVCQG's own
/// <c>{"error_code","message","result"}</c>, passed through. Every call is written to the message log; the
/// token travels in a header, never in a logged body.
/// </summary>
public sealed class LgspDvcqgTransport(IHttpClientFactory clients, DvcqgOptions options, ExchangeLog log, TimeProvider time) : IDvcqgTransport
{
    public const string HttpClientName = "lgsp-dvcqg";

    private readonly DvcqgExchange _exchange = new(log, time, options.TimeoutSeconds);

    public async Task<DvcqgAnswer> CallAsync(string service, JsonObject fields, CancellationToken ct)
    {
        var url = Url(service, fields);
        var body = (fields["data"]?.DeepClone() ?? new JsonObject()).ToJsonString(DvcqgFormat.Json);
        var (_, text) = await _exchange.PostAsync(clients.CreateClient(HttpClientName), url, service, body,
            $"POST {RelativeUrl(url)}\n{body}", null, acceptUnauthorized: false, ct);
        return Read(service, text);
    }

    /// <summary>The service's route under <c>ServiceUrl</c>, the unit code and every field but <c>data</c> in the query.</summary>
    public string Url(string service, JsonObject fields)
    {
        var query = new List<string> { "MaDinhDanhDV=" + Uri.EscapeDataString(options.UnitCode ?? "") };
        foreach (var (name, value) in fields)
            if (name != "data" && value is JsonValue v)
                query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(v.ToString())}");
        var root = options.ServiceUrl!.EndsWith('/') ? options.ServiceUrl : options.ServiceUrl + "/";
        return $"{root}{Uri.EscapeDataString(service)}?{string.Join('&', query)}";
    }

    /// <summary>
    /// DVCQG's answer as the proxy passes it on. One proxy answers its progress route with text only
    /// (Tan Dan reads "thành công" as success): the error_code is read first, the text only when the body is not JSON.
    /// </summary>
    private static DvcqgAnswer Read(string service, string text)
    {
        try
        {
            return DvcqgExchange.Parse(service, text);
        }
        catch (DvcqgException) when (text.Length < 2000 && text.Contains("thành công", StringComparison.OrdinalIgnoreCase))
        {
            return new DvcqgAnswer("0", text, null, null);
        }
    }

    private static string RelativeUrl(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.PathAndQuery : url;
}

public static class LgspDvcqgSetup
{
    /// <summary>The LGSP client DVCQG calls go through: bearer token of <see cref="LgspTokenCache"/>, renewed once on 401.</summary>
    public static IServiceCollection AddLgspDvcqgTransport(this IServiceCollection services, DvcqgOptions options)
    {
        services.AddHttpClient(LgspDvcqgTransport.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds))
            .AddLgspAuthentication();
        services.AddSingleton<IDvcqgTransport, LgspDvcqgTransport>();
        return services;
    }
}
