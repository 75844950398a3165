using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MotCua.Core.Catalog;

namespace MotCua.Web.Infrastructure.Http;

/// <summary>
/// RFC 9457 problem responses with a stable `type` and a Vietnamese `title` (docs/architecture.md#errors).
/// Every API error goes through here, so clients can switch on `type`.
/// </summary>
public static class Problems
{
    public const string TypePrefix = "urn:motcua:problem:";

    public static ProblemHttpResult Validation(IEnumerable<FieldError> errors) =>
        TypedResults.Problem(new ValidationProblemDetails(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Type = TypePrefix + "validation",
            Title = "Dữ liệu không hợp lệ",
            Status = StatusCodes.Status400BadRequest,
        });

    public static ProblemHttpResult Validation(string field, string message) =>
        Validation([new FieldError(field, message)]);

    public static ProblemHttpResult NotFound(string what) => Problem(StatusCodes.Status404NotFound, "not-found", "Không tìm thấy", what);

    public static ProblemHttpResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "conflict", "Xung đột dữ liệu", detail);

    public static ProblemHttpResult Problem(int status, string type, string title, string? detail = null) =>
        TypedResults.Problem(new ProblemDetails
        {
            Type = TypePrefix + type,
            Title = title,
            Status = status,
            Detail = detail,
        });

    /// <summary>ProblemDetails for the status codes ASP.NET produces itself (401, 403, 404 route, 405, 500).</summary>
    public static IServiceCollection AddProblemResponses(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            (ctx.ProblemDetails.Type, ctx.ProblemDetails.Title) = status switch
            {
                400 => (ctx.ProblemDetails.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true ? ctx.ProblemDetails.Type : TypePrefix + "bad-request",
                        ctx.ProblemDetails.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true ? ctx.ProblemDetails.Title : "Yêu cầu không hợp lệ"),
                // A sign-in answer keeps its own type (invalid-credentials, mfa-required); the rest are "unauthenticated".
                401 => (ctx.ProblemDetails.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true ? ctx.ProblemDetails.Type : TypePrefix + "unauthenticated",
                        ctx.ProblemDetails.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true ? ctx.ProblemDetails.Title : "Chưa đăng nhập"),
                403 => (TypePrefix + "forbidden", "Không có quyền thực hiện"),
                404 => (ctx.ProblemDetails.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true ? ctx.ProblemDetails.Type : TypePrefix + "not-found",
                        ctx.ProblemDetails.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true ? ctx.ProblemDetails.Title : "Không tìm thấy"),
                405 => (TypePrefix + "method-not-allowed", "Phương thức không được hỗ trợ"),
                409 => (ctx.ProblemDetails.Type ?? TypePrefix + "conflict", ctx.ProblemDetails.Title ?? "Xung đột dữ liệu"),
                413 => (TypePrefix + "too-large", "Dữ liệu gửi lên quá lớn"),
                >= 500 => (ctx.ProblemDetails.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true ? ctx.ProblemDetails.Type : TypePrefix + "server-error",
                           ctx.ProblemDetails.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true ? ctx.ProblemDetails.Title : "Lỗi hệ thống, vui lòng thử lại sau"),
                _ => (ctx.ProblemDetails.Type, ctx.ProblemDetails.Title),
            };
        });
}

public static class ApiFallback
{
    /// <summary>Unknown /api paths answer a ProblemDetails 404, not an empty body.</summary>
    public static IEndpointRouteBuilder MapFallbackToApiNotFound(this IEndpointRouteBuilder app)
    {
        app.Map("/api/{**rest}", () => Problems.NotFound("Không có địa chỉ API này."));
        return app;
    }
}

public static class ApiJson
{
    /// <summary>API JSON: camelCase (web defaults) with enums by name, as in the catalogue format.</summary>
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
}
