using MotCua.Core.Catalog;

namespace MotCua.Web.Pages.Portal;

/// <summary>
/// Where each submission error points: the id of the field it belongs to, so the error summary can
/// link to it and the field can carry its inline message (GOV.UK error summary pattern).
/// </summary>
public static class SubmitErrors
{
    public static string FieldId(string key)
    {
        if (key.StartsWith("formData.", StringComparison.Ordinal))
        {
            var rest = key["formData.".Length..];
            var end = rest.IndexOfAny(['.', '[']);
            return "f_" + (end < 0 ? rest : rest[..end]);
        }
        if (key.StartsWith("documents[", StringComparison.Ordinal) && key.IndexOf(']', StringComparison.Ordinal) is > 10 and var close)
            return "doc_" + key[10..close];
        return key switch
        {
            "documents" => "thanh-phan",
            "receivingAgency" => "receivingAgency",
            "caseCode" => "truong-hop",
            "representative.idNumber" => "repId",
            "profile" => "nguoi-nop",
            _ => "noi-dung",
        };
    }

    /// <summary>The first message of each field, in the order of the form.</summary>
    public static IReadOnlyList<FieldError> OnePerField(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => FieldId(e.Field)).Select(g => g.First()).ToArray();
}
