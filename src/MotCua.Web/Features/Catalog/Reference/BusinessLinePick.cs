using System.Globalization;
using System.Text.Json;
using MotCua.Core.Catalog;

namespace MotCua.Web.Features.Catalog.Reference;

/// <summary>
/// A candidate chosen without JavaScript: the button under an ambiguous line posts
/// "field:line:code" and the form comes back with that line replaced by the chosen one.
/// </summary>
public sealed record BusinessLinePick(string FieldKey, int Index, VsicLine Line)
{
    public static string Value(string fieldKey, int index, VsicLine line) =>
        string.Create(CultureInfo.InvariantCulture, $"{fieldKey}:{index}:{line.Code}");

    public static BusinessLinePick? Parse(string? posted)
    {
        var parts = (posted ?? "").Split(':');
        return parts.Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
               && index < FormDataRules.MaxRows && VsicList.Vsic2018.Find(parts[2]) is { } line
            ? new BusinessLinePick(parts[0], index, line)
            : null;
    }

    /// <summary>The lines with the pick applied, when it is for this field and line.</summary>
    public static IReadOnlyList<string> Apply(IReadOnlyList<string> lines, string fieldKey, BusinessLinePick? pick)
    {
        if (pick is null || pick.FieldKey != fieldKey || pick.Index >= lines.Count)
            return lines;
        var changed = lines.ToArray();
        changed[pick.Index] = pick.Line.Display;
        return changed;
    }

    /// <summary>The lines of a saved draft, "4711 – name".</summary>
    public static IReadOnlyList<string> FromDraft(FormField field, JsonElement? draft) =>
        draft is { ValueKind: JsonValueKind.Object } data && data.TryGetProperty(field.Key, out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows.EnumerateArray().Take(FormDataRules.MaxRows).Select(r => BusinessLineRules.Display(field, r, VsicList.Vsic2018)).Where(t => t.Length > 0).ToArray()
            : [];
}
