using MotCua.Web.Data;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// Writes a security.access-denied row for the current request (OWASP ASVS 16.3.2; SECURITY T-IN-10
/// in docs: forged IDs and denied functions are logged). It uses its own DbContext, so changes the
/// refused request left tracked are never saved with it; a failure to write is logged, not thrown.
/// </summary>
public static class DeniedAccess
{
    private const string RecordedKey = "motcua.audit.denied";

    public static async Task RecordAsync(HttpContext context, string? reason)
    {
        if (context.Items.ContainsKey(RecordedKey))
            return;
        context.Items[RecordedKey] = true;
        try
        {
            await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var path = context.Request.Path.Value ?? "";
            db.AuditEntries.Add(new AuditEntry
            {
                Action = "security.access-denied",
                EntityType = "Endpoint",
                EntityId = path.Length > 100 ? path[..100] : path,
                Outcome = AuditOutcome.Denied,
                Details = reason is null ? context.Request.Method : $"{context.Request.Method} {reason}",
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DeniedAccess))
                .LogError(ex, "Could not write the access-denied audit row");
        }
    }
}
