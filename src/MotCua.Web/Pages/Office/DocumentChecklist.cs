using MotCua.Core.Catalog;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Pages.Office;

/// <summary>One document of the procedure's list with the files the applicant attached for it.</summary>
public sealed record ChecklistItem(int Index, RequiredDocument Document, IReadOnlyList<FileItem> Files)
{
    public bool Present => Files.Count > 0;
    public bool MissingRequired => Document.Required && !Present;
}

/// <summary>
/// The procedure's list of documents (thành phần hồ sơ) compared with what was submitted, so that
/// the receiving officer sees at once what is there and what is missing (Decree 61/2018 art. 19.1:
/// the officer checks that the dossier is complete before receiving it). Result files are not part of it.
/// </summary>
public sealed record DocumentChecklist(IReadOnlyList<ChecklistItem> Items, IReadOnlyList<FileItem> Others)
{
    public static DocumentChecklist Build(IReadOnlyList<RequiredDocument> documents, IReadOnlyList<FileItem> files)
    {
        var submitted = files.Where(f => f.Kind != nameof(DossierFileKind.Result)).ToList();
        var items = documents.Select((d, i) => new ChecklistItem(i, d, submitted.Where(f => f.DocumentIndex == i).ToList())).ToList();
        var others = submitted.Where(f => f.DocumentIndex is not { } i || i < 0 || i >= documents.Count).ToList();
        return new DocumentChecklist(items, others);
    }

    public IEnumerable<ChecklistItem> Missing => Items.Where(i => i.MissingRequired);

    public int RequiredCount => Items.Count(i => i.Document.Required);

    public int RequiredPresent => Items.Count(i => i.Document.Required && i.Present);

    /// <summary>Every submitted file in list order: the order the viewer steps through.</summary>
    public IReadOnlyList<FileItem> Files => Items.SelectMany(i => i.Files).Concat(Others).ToList();

    /// <summary>The document a file was attached as, for the viewer's heading.</summary>
    public string? DocumentOf(FileItem file) => Items.FirstOrDefault(i => i.Files.Contains(file))?.Document.Name;

    public static string PreviewUrl(long dossierId, long fileId) => $"/api/dossiers/{dossierId}/files/{fileId}/preview";

    public static string DownloadUrl(long dossierId, long fileId) => $"/api/dossiers/{dossierId}/files/{fileId}";

    public static string ViewerUrl(long dossierId, long fileId) => $"/office/ho-so/{dossierId}/giay-to/{fileId}";
}
