using System.Text.Json;

namespace MotCua.Web.Infrastructure.Http;

/// <summary>
/// Text in an API request must be valid Unicode: a JSON string with a lone surrogate (e.g.
/// "\ud800x") cannot be stored in PostgreSQL, cannot be read back as a .NET string and would break
/// every page that shows it, so the whole request is refused with 400 before any handler runs
/// (OWASP ASVS 1.2/2.2 input validation; SECURITY T-IN-09 in docs). Malformed JSON is left to the
/// endpoint's binder, which answers 400 itself.
/// </summary>
public static partial class JsonTextCheck
{
    public static IApplicationBuilder UseJsonTextCheck(this IApplicationBuilder app) =>
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api") && ctx.Request.HasJsonContentType(), json => json.Use(CheckAsync));

    private static async Task CheckAsync(HttpContext context, RequestDelegate next)
    {
        context.Request.EnableBuffering();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;
        if (!IsValidText(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            await Problems.Problem(StatusCodes.Status400BadRequest, "invalid-text", "Nội dung có ký tự không hợp lệ",
                "Một trường văn bản chứa ký tự Unicode không hợp lệ (nửa cặp surrogate).").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    public static bool IsValidText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped && HasLoneSurrogate(reader.GetString()))
                    return false;
            }
        }
        catch (JsonException)
        {
            return true; // not JSON: the binder answers 400
        }
        catch (InvalidOperationException)
        {
            return false; // the reader refuses to unescape invalid UTF-16
        }
        return true;
    }

    public static bool HasLoneSurrogate(string? text)
    {
        if (text is null)
            return false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Stored JSON with lone surrogate escapes (saved before this check existed) with each of them
    /// replaced by U+FFFD, so the dossier can still be read and shown; valid JSON is returned as is.
    /// </summary>
    public static string Repair(string json) =>
        IsValidText(System.Text.Encoding.UTF8.GetBytes(json)) ? json : LoneSurrogateEscape().Replace(json, "\\ufffd");

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex LoneSurrogateEscape();

    /// <summary>A stored JSON string as text for display; invalid UTF-16 (data stored before this check) shows as U+FFFD instead of failing the page.</summary>
    public static string? SafeString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return "\uFFFD";
        }
    }
}
