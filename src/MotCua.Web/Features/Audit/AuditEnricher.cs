using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Data;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// Fills who, with which rights and from where into every audit row added through the DbContext
/// (TCVN 14423 5.8.2.1 a: account, time, source, action, result), so a feature that only writes
/// <c>db.AuditEntries.Add(new AuditEntry { … })</c> still records the complete event. Values a
/// feature set itself (e.g. the account of a failed sign-in) are kept.
/// </summary>
public sealed class AuditEnricher(IHttpContextAccessor http, TimeProvider time)
{
    private const string UserNameCacheKey = "motcua.audit.username";

    public async Task EnrichAsync(AppDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
            return;
        var context = http.HttpContext;
        foreach (var entry in added)
            FillFromRequest(entry, context);
        foreach (var entry in added.Where(e => e.AccountName is null && e.UserId is not null))
            entry.AccountName = await UserNameAsync(db, entry.UserId!.Value, context, ct);
    }

    public void Enrich(AppDbContext db) => EnrichAsync(db, CancellationToken.None).GetAwaiter().GetResult();

    private void FillFromRequest(AuditEntry entry, HttpContext? context)
    {
        if (entry.At == default)
            entry.At = time.GetUtcNow().UtcDateTime;
        if (context is null)
            return;
        entry.ClientIp ??= ClientAddress.Of(context)?.ToString();
        var user = context.User;
        if (user.UserId() is not { } userId)
            return;
        entry.UserId ??= userId;
        if (entry.UserId != userId)
            return; // the row is about another account (e.g. an administrator's action on it)
        entry.AgencyId ??= long.TryParse(user.FindFirstValue("agency"), CultureInfo.InvariantCulture, out var agency) ? agency : null;
        entry.Roles ??= Summary(user);
    }

    /// <summary>The permission set of the account (code checks permissions, not role names), at most 400 characters.</summary>
    public static string? Summary(ClaimsPrincipal user)
    {
        var permissions = user.FindAll(Permissions.ClaimType).Select(c => c.Value).Order(StringComparer.Ordinal).ToArray();
        var kind = user.FindFirstValue("kind");
        var text = permissions.Length == 0 ? kind : string.Join(',', permissions);
        return text is { Length: > 400 } ? text[..400] : text;
    }

    private static async Task<string?> UserNameAsync(AppDbContext db, long userId, HttpContext? context, CancellationToken ct)
    {
        if (context?.Items[UserNameCacheKey] is (long cachedId, string cachedName) && cachedId == userId)
            return cachedName;
        var name = await db.UserAccounts.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(ct);
        if (context is not null && name is not null)
            context.Items[UserNameCacheKey] = (userId, name);
        return name;
    }
}

/// <summary>The client's address as the server sees it (after any forwarded-headers processing).</summary>
public static class ClientAddress
{
    public static System.Net.IPAddress? Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
    }

    /// <summary>
    /// The network a client is in, for rate limits: IPv4 /24 and IPv6 /64. One host usually holds a
    /// whole /64 (and often several IPv4 addresses of one /24), so a limit per exact address is
    /// sidestepped by changing the address.
    /// </summary>
    public static string Prefix(HttpContext context)
    {
        if (Of(context) is not { } address)
            return "local";
        var bytes = address.GetAddressBytes();
        var keep = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 3 : 8;
        Array.Clear(bytes, keep, bytes.Length - keep);
        return $"{new System.Net.IPAddress(bytes)}/{keep * 8}";
    }
}
