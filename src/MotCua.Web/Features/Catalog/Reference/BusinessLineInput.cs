using Microsoft.Extensions.Primitives;
using MotCua.Core.Catalog;

namespace MotCua.Web.Features.Catalog.Reference;

/// <summary>
/// The business-lines picker as posted without JavaScript: one text input per line (an older form's
/// textarea sends several lines in one value). Each line is resolved by <see cref="VsicSearch.Resolve"/>;
/// a line that is ambiguous or unknown is reported on the field, and the page shows its candidates.
/// </summary>
public static class BusinessLineInput
{
    /// <summary>The typed lines, in order, without blanks.</summary>
    public static IReadOnlyList<string> Lines(StringValues posted) =>
        posted.SelectMany(v => (v ?? "").Split('\n')).Select(l => l.Trim()).Where(l => l.Length > 0).Take(FormDataRules.MaxRows).ToArray();

    /// <summary>The rows to store (code and official name, each line once) and an error for the first line not understood.</summary>
    public static List<Dictionary<string, object?>> Bind(FormField field, StringValues posted, List<FieldError> errors)
    {
        var rows = new List<Dictionary<string, object?>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nameColumn = BusinessLineRules.NameColumn(field);
        string? problem = null;
        foreach (var typed in Lines(posted))
        {
            var match = VsicSearch.Resolve(VsicList.Vsic2018, typed);
            if (match.Line is { } line)
            {
                if (!seen.Add(line.Code))
                    continue;
                var row = new Dictionary<string, object?> { [BusinessLineRules.CodeColumn] = line.Code };
                if (nameColumn is not null)
                    row[nameColumn] = line.Name;
                rows.Add(row);
            }
            else
            {
                problem ??= match.Problem;
            }
        }
        if (problem is not null)
            errors.Add(new FieldError("formData." + field.Key, $"{field.Label}: {problem}"));
        return rows;
    }
}
