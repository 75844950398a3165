using System.Text.Json;
using MotCua.Core.Catalog;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Catalog;

public sealed record SectorItem(string Code, string Name, string? Ministry, int Procedures);

public static class CatalogApi
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<CatalogIndex>();
        services.AddSingleton<PublishedVersions>();
        services.AddScoped<SearchProceduresHandler>();
        services.AddScoped<GetProcedureHandler>();
        services.AddScoped<ImportCatalogHandler>();
        services.AddScoped<ImportProcedureFromDvcqgHandler>();
        services.AddScoped<PublishProcedureVersionHandler>();
        services.AddScoped<FormTemplatesHandler>();
        services.AddScoped<ExportCatalogHandler>();
        services.AddScoped<ListSectorsHandler>();
        services.AddScoped<AgencyKeyResolver>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalog").WithTags("Catalog");
        group.MapGet("/procedures", SearchProceduresHandler.Endpoint)
            .WithSummary("Search the catalogue: q (diacritics optional), sector, level, agency, onlineLevel, page, pageSize");
        group.MapGet("/procedures/{code}", GetProcedureHandler.Endpoint)
            .WithSummary("The version of a procedure in force today, in detail");
        group.MapGet("/business-lines", Reference.BusinessLinesApi.Endpoint)
            .WithSummary("Business lines of the economic-sector classification (VSIC 2018, level 4) matching q: a code or words, diacritics optional; limit ≤ 50");
        group.MapGet("/sectors", async (ListSectorsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithSummary("Sectors with the number of procedures in force");
        group.MapGet("/export", async (ExportCatalogHandler handler, CancellationToken ct) =>
                TypedResults.Json(await handler.HandleAsync(ct), CatalogJson.Indented))
            .WithSummary("Export the catalogue in force as motcua-catalog/1 JSON");
        group.MapGet("/templates/{id:long}", FormTemplatesHandler.DownloadEndpoint)
            .WithSummary("Download a form template file (as an attachment)");
        group.MapPut("/templates", FormTemplatesHandler.PutEndpoint)
            .RequireAuthorization(Permissions.CatalogManage)
            .WithSummary("Put the file of a form template (multipart: title as the catalogue names it, file PDF/DOCX/XLSX)")
            .DisableAntiforgery();
        group.MapPost("/import", ImportEndpoint)
            .RequireAuthorization(Permissions.CatalogManage)
            .WithSummary("Import a motcua-catalog/1 document; changed procedures get a new published version")
            .DisableAntiforgery();
        group.MapPost("/procedures/import-from-dvcqg", ImportProcedureFromDvcqgHandler.Endpoint)
            .RequireAuthorization(Permissions.CatalogManage)
            .WithSummary("Fill a draft version of a procedure from DVCQG's catalogue (LayThuTuc) by national code: { nationalCode }");
        group.MapPost("/procedures/{code}/versions/{number:int}/publish", PublishProcedureVersionHandler.Endpoint)
            .RequireAuthorization(Permissions.CatalogManage)
            .WithSummary("Publish a reviewed draft version: { effectiveFrom? yyyy-MM-dd, default today }; the version in force is closed that day");
        return app;
    }

    private static async Task<IResult> ImportEndpoint(HttpRequest http, string? effectiveFrom, ImportCatalogHandler handler, CancellationToken ct)
    {
        var q = new QueryParsing();
        DateOnly? from = string.IsNullOrWhiteSpace(effectiveFrom) ? null : q.RequiredDate(effectiveFrom, "effectiveFrom");
        if (!q.Ok)
            return Problems.Validation(q.Errors);
        CatalogDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<CatalogDocument>(http.Body, CatalogJson.Options, ct);
        }
        catch (JsonException ex)
        {
            return Problems.Validation("body", $"Tệp JSON không hợp lệ: {ex.Path} (dòng {ex.LineNumber + 1}).");
        }
        if (document is null)
            return Problems.Validation("body", "Thiếu nội dung danh mục.");
        var result = await handler.HandleAsync(document, from, http.HttpContext.User.UserId(), ct);
        return result.Errors.Count > 0 ? Problems.Validation(result.Errors) : TypedResults.Ok(result);
    }
}

/// <summary>Sectors with how many procedures are in force in each, from the catalogue index.</summary>
public sealed class ListSectorsHandler(AppDbContext db, CatalogIndex index)
{
    private static readonly StringComparer VietnameseOrder = StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false);

    public async Task<IReadOnlyList<SectorItem>> HandleAsync(CancellationToken ct) => List(await index.CurrentAsync(db, ct));

    public static IReadOnlyList<SectorItem> List(CatalogSnapshot catalog)
    {
        var counts = catalog.Entries.CountBy(v => v.SectorCode).ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
        return catalog.Sectors.Select(s => new SectorItem(s.Code, s.Name, s.Ministry, counts.GetValueOrDefault(s.Code)))
            .OrderBy(s => s.Name, VietnameseOrder)
            .ToArray();
    }
}
