using System.Collections.Concurrent;

namespace MotCua.Simulator.DvcqgFiles;

/// <summary>
/// The file server behind <c>DuongDanTaiTepTin</c> of a dossier pushed by DVCQG (docs/integrations/dvcqg-inbound.md#files):
/// <c>GET /dvcqg-files/{name}</c> serves a file a test put there with <c>PUT /_sim/dvcqg-files/{name}</c>
/// (raw body), as <c>application/octet-stream</c>. Flag <c>dvcqg-files:chunked</c> (any value) sends the file without
/// a Content-Length, so a client must enforce its size limit while reading. Files are kept until <c>/_sim/reset</c>
/// of this system's store (<c>DELETE /_sim/dvcqg-files</c>).
/// </summary>
internal static class DvcqgFilesSystem
{
    public const string ChunkedFlag = "dvcqg-files:chunked";

    private sealed class Store
    {
        public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);
    }

    public static void MapDvcqgFiles(this WebApplication app)
    {
        var store = new Store();
        app.MapPut("/_sim/dvcqg-files/{name}", async (string name, HttpRequest request) =>
        {
            using var content = new MemoryStream();
            await request.Body.CopyToAsync(content, request.HttpContext.RequestAborted);
            store.Files[name] = content.ToArray();
            return Results.NoContent();
        });
        app.MapDelete("/_sim/dvcqg-files", () =>
        {
            store.Files.Clear();
            return Results.NoContent();
        });
        app.MapGet("/dvcqg-files/{name}", async (string name, HttpContext context, SimulatorState state) =>
        {
            if (!store.Files.TryGetValue(name, out var bytes))
                return Results.NotFound();
            context.Response.ContentType = "application/octet-stream";
            if (state.Flag(ChunkedFlag) is null)
                context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            return Results.Empty;
        });
    }
}
