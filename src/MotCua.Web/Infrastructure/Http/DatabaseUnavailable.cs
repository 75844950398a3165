using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MotCua.Web.Infrastructure.Http;

/// <summary>
/// Failures that mean "the database cannot answer right now", not "this request is wrong": the server
/// refuses or drops the connection, is starting up or shutting down (57P03, 57P01, 57P02), a failover
/// broke the session (class 08), the connection slots are full (53300), or SQLite stays busy or locked
/// past its timeout (docs/architecture.md#errors).
/// </summary>
public static class DatabaseFailures
{
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300")
                        return true;
                    break;
                case NpgsqlException npgsql when npgsql.IsTransient:
                    // Refused, reset or timed-out connection: socket, I/O and timeout errors.
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
            }
        }
        return false;
    }
}

/// <summary>
/// Answers a request that met an unavailable database with 503 and Retry-After, never a 500: a
/// ProblemDetails (type database-unavailable) for the API, a short Vietnamese page for the pages. The
/// page is written here, without the layout, because the layout and the error page may need the very
/// database that is down. Broken pooled connections are dropped so the next request opens fresh ones.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;
    public const string Title = "Hệ thống đang bận, vui lòng thử lại";
    public const string PageMessage = "Hệ thống đang bận, vui lòng thử lại sau ít phút.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseFailures.IsUnavailable(exception) || httpContext.Response.HasStarted)
            return false;
        log.LogWarning("Database unavailable for {Method} {Path}: {Error}", httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
        NpgsqlConnection.ClearAllPools();
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        httpContext.Response.Headers.CacheControl = "no-store";
        if (httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Type = Problems.TypePrefix + "database-unavailable",
                    Title = Title,
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Detail = $"Cơ sở dữ liệu tạm thời không trả lời; vui lòng thử lại sau {RetryAfterSeconds} giây.",
                },
            });
        }
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Title}}</title></head>
            <body><main><h1>{{Title}}</h1><p>{{PageMessage}}</p><p><a href="">Thử lại</a> · <a href="/">Về trang chủ</a></p></main></body></html>
            """, cancellationToken);
        return true;
    }
}
