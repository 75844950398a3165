using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Simulator.Dvcqg;

namespace MotCua.Simulator.Lgsp;

/// <summary>
/// The LGSP's proxy to DVCQG (docs/integrations/simulator.md#lgsp-dvcqg-proxy): the LGSP holds the DVCQG session
/// itself, so the province calls <c>POST /lgsp/api/SynsTTHCC/{service}?MaDinhDanhDV=…&amp;…</c> with its LGSP bearer
/// token and the service's <c>data</c> as the body. Without a valid token: 401. Otherwise the call becomes the
/// same <c>{"madonvi","service",…query fields,"data"}</c> body the adapter takes at <c>/dvcqg/service</c> and runs
/// on the same portal state, so a dossier sent either way is the same record.
/// </summary>
internal static class LgspDvcqgProxy
{
    public const string Route = "/lgsp/api/SynsTTHCC/{service}";

    public static void MapLgspDvcqgProxy(this WebApplication app, Func<string, bool> validToken, Func<int, IResult> refused)
    {
        app.MapPost(Route, async (HttpRequest request, string service, DvcqgState state) =>
        {
            var header = request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !validToken(header[7..]))
                return refused(401);
            var body = new JsonObject { ["service"] = service };
            foreach (var (name, value) in request.Query)
                body[name == "MaDinhDanhDV" ? "madonvi" : name] = value.ToString();
            JsonNode? data;
            try
            {
                data = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            }
            catch (JsonException)
            {
                return DvcqgRoutes.Answer(-1, "Dữ liệu không đúng định dạng JSON");
            }
            if (data is JsonArray || data is JsonObject { Count: > 0 })
                body["data"] = data;
            return DvcqgRoutes.Dispatch(state, body);
        });
    }
}
