namespace MotCua.Web.Features.Dossiers.Actions;

/// <summary>Bodies shared by several actions; an action's own body sits in the action's file.</summary>
public sealed record ReasonRequest(string? Reason);
public sealed record NoteRequest(string? Note);
public sealed record SupplementRequestBody(IReadOnlyList<string>? Items, string? Reason)
{
    /// <summary>The complete list, once (Decree 61/2018 art. 15): non-blank items, trimmed.</summary>
    public string[] CleanItems() => (Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToArray();
}
