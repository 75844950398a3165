using System.Globalization;
using System.Text;

namespace MotCua.Web.Infrastructure.Security;

/// <summary>Configuration section "SecurityTxt": what /.well-known/security.txt says (RFC 9116).</summary>
public sealed class SecurityTxtOptions
{
    public const string Section = "SecurityTxt";

    /// <summary>mailto: or https: addresses of the province's security contact (at least one, else no file is served).</summary>
    public string[] Contact { get; set; } = [];
    /// <summary>A fixed expiry; when absent the file says "valid for the next <see cref="ValidDays"/> days".</summary>
    public DateTimeOffset? Expires { get; set; }
    public int ValidDays { get; set; } = 180;
    public string PreferredLanguages { get; set; } = "vi, en";
    public string? Policy { get; set; }
    public string? Canonical { get; set; }
}

public static class SecurityTxt
{
    public static IEndpointRouteBuilder MapSecurityTxt(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IConfiguration>().GetSection(SecurityTxtOptions.Section).Get<SecurityTxtOptions>() ?? new SecurityTxtOptions();
        app.MapGet("/.well-known/security.txt", (TimeProvider time) =>
            {
                if (options.Contact.Length == 0)
                    return Results.NotFound();
                var text = new StringBuilder();
                foreach (var contact in options.Contact)
                    text.Append("Contact: ").Append(contact).Append('\n');
                var expires = options.Expires ?? time.GetUtcNow().AddDays(options.ValidDays);
                text.Append("Expires: ").Append(expires.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
                text.Append("Preferred-Languages: ").Append(options.PreferredLanguages).Append('\n');
                if (options.Policy is { Length: > 0 } policy)
                    text.Append("Policy: ").Append(policy).Append('\n');
                if (options.Canonical is { Length: > 0 } canonical)
                    text.Append("Canonical: ").Append(canonical).Append('\n');
                return Results.Text(text.ToString(), "text/plain; charset=utf-8");
            })
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }
}
