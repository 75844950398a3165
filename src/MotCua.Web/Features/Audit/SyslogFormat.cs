using System.Globalization;
using System.Text;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// One audit row as an RFC 5424 syslog message: PRI, VERSION 1, UTC timestamp, host, app-name
/// "motcua", msgid = the event's action, and one structured-data element with the account name,
/// outcome, client IP, agency, object and the row's chain hash (so the SOC holds a copy of the chain
/// to compare with). No personal data beyond the account name; no free text (no MSG part).
/// </summary>
public static class SyslogFormat
{
    public const string AppName = "motcua";
    /// <summary>SD-ID with the enterprise number RFC 5612 reserves for documentation; a province may configure its own.</summary>
    public const string SdId = "audit@32473";
    private const int FacilityAuthPriv = 10; // security/authorization messages
    private const int FacilityLogAudit = 13;

    public static string Format(AuditEntry row, string hostName, int processId)
    {
        var facility = row.Action.StartsWith("security.", StringComparison.Ordinal) ? FacilityAuthPriv : FacilityLogAudit;
        var severity = row.Outcome switch { AuditOutcome.Denied => 4, AuditOutcome.Failed => 5, _ => 6 };
        var at = DateTime.SpecifyKind(row.At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var text = new StringBuilder()
            .Append('<').Append((facility * 8) + severity).Append(">1 ")
            .Append(at).Append(' ')
            .Append(Header(hostName, 255)).Append(' ')
            .Append(AppName).Append(' ')
            .Append(processId.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Header(row.Action, 32)).Append(' ')
            .Append('[').Append(SdId);
        Param(text, "seq", row.ChainSeq?.ToString(CultureInfo.InvariantCulture));
        Param(text, "account", row.AccountName);
        Param(text, "outcome", row.Outcome.ToString());
        Param(text, "ip", row.ClientIp);
        Param(text, "agency", row.AgencyId?.ToString(CultureInfo.InvariantCulture));
        Param(text, "roles", row.Roles);
        Param(text, "object", row.EntityType);
        Param(text, "objectId", row.EntityId);
        Param(text, "hash", row.Hash);
        return text.Append(']').ToString();
    }

    /// <summary>A header field: printable US-ASCII without spaces (RFC 5424 §6), at most <paramref name="max"/> characters, "-" if empty.</summary>
    public static string Header(string? value, int max)
    {
        var clean = new string((value ?? "").Where(c => c is > ' ' and <= '~').Take(max).ToArray());
        return clean.Length == 0 ? "-" : clean;
    }

    private static void Param(StringBuilder text, string name, string? value)
    {
        if (value is null)
            return;
        text.Append(' ').Append(name).Append("=\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\' or ']')
                text.Append('\\');
            text.Append(char.IsControl(c) ? ' ' : c);
        }
        text.Append('"');
    }

    /// <summary>Octet-counting framing for TCP (RFC 6587 §3.4.1): "LEN SP MSG".</summary>
    public static byte[] Frame(string message)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var prefix = Encoding.ASCII.GetBytes(body.Length.ToString(CultureInfo.InvariantCulture) + " ");
        return [.. prefix, .. body];
    }
}
