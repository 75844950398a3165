using System.Security.Cryptography;
using System.Text;

namespace MotCua.Web.Data;

/// <summary>
/// The checksum that guards an applied migration against change (docs/adr/0001). It covers the
/// statements only: whole-line <c>--</c> comments are documentation and may be corrected (their
/// citations were rewritten to point into docs/), while any change to a statement still stops the
/// start. Databases migrated before this rule recorded the checksum of the whole text; those
/// former checksums are accepted for the four scripts whose comments were edited, and replaced by
/// the statements-only checksum at the next migrate.
/// </summary>
public static class MigrationChecksum
{
    private static readonly Dictionary<string, string> FormerWholeText = new(StringComparer.Ordinal)
    {
        ["Postgres/0001"] = "618aac193c0780afd0fe69fcfd9df213dc4e4fbcb1c6310095d0e8c27906a558",
        ["Postgres/0002"] = "287caab680bee52b6411095ef7e19941c9b2d8c433d5203e9710e55964026ce8",
        ["Postgres/0003"] = "26de6ed217c0a18133764317773efc7847543fa75ac7d6ca0b0db78939a4fb27",
        ["Postgres/0004"] = "bd40b66cb7d6be3657671c097d4565041c7dd4dec81e1df05c4d1fe819dc951d",
        ["Sqlite/0001"] = "316ef96e4db00867c8564978f2ac541e7cf514cac5d89f138e27bfd5bd4271f9",
        ["Sqlite/0002"] = "de67bb7ef4b9809628baaa02d9c7788c6dee6697b332fa6e15aeb7e988ecd8e9",
        ["Sqlite/0003"] = "e81f5270e369a745359e808f6193e8353c2853811328502057d92ba02cdaafea",
        ["Sqlite/0004"] = "31a957f6f579fbcaccf3bc0f90ff5b1daf718514237b756227db2ecf33f67194",
    };

    /// <summary>SHA-256 (hex) of the script without its whole-line comments.</summary>
    public static string Of(string sql)
    {
        var statements = string.Join('\n', sql.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(statements)));
    }

    /// <summary>True when a checksum recorded by an older MotCua is the whole text of this script as first released.</summary>
    public static bool IsFormer(DatabaseProvider provider, string version, string recorded) =>
        FormerWholeText.TryGetValue($"{provider}/{version}", out var former) && former == recorded;
}
