using Microsoft.EntityFrameworkCore;
using MotCua.Core.Catalog;
using MotCua.Core.Dossiers;
using MotCua.Core.Text;
using MotCua.Web.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Files;
using MotCua.Web.Infrastructure.Http;

namespace MotCua.Web.Features.Catalog;

public sealed record FormTemplateItem(long Id, string Title, string FileName, string ContentType, long Size);

/// <summary>
/// Form template files of the catalogue: put (by a catalogue manager; PDF, DOCX or XLSX judged by
/// content like every upload), list those a procedure names, and download (public, as an attachment,
/// hash checked on read).
/// </summary>
public sealed class FormTemplatesHandler(AppDbContext db, FileStore store, TimeProvider time)
{
    public const int MaxTitleLength = 400;

    public async Task<(FormTemplateItem? Item, IReadOnlyList<FieldError> Errors)> PutAsync(string? title, string? fileName, byte[] content, CancellationToken ct)
    {
        title = title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > MaxTitleLength)
            return (null, [new FieldError("title", $"Vui lòng nhập tên mẫu đúng như trong thủ tục (tối đa {MaxTitleLength} ký tự).")]);
        if (content.Length == 0 || content.Length > store.Options.MaxFileBytes)
            return (null, [new FieldError("file", $"Tệp mẫu phải có nội dung và không vượt quá {store.Options.MaxFileBytes / 1024 / 1024} MB.")]);
        using var buffer = new MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true);
        var (type, rejection) = InspectUpload.Inspect(buffer, new PackageLimits(store.Options.MaxPackageEntries, store.Options.MaxPackageInflatedBytes));
        buffer.Position = 0;
        if (rejection is not null || type is not (DocumentFileType.Pdf or DocumentFileType.Docx or DocumentFileType.Xlsx))
            return (null, [new FieldError("file", "Tệp mẫu phải là PDF, DOCX hoặc XLSX.")]);
        var stored = await store.SaveAsync(buffer, ct);
        var template = await db.FormTemplates.SingleOrDefaultAsync(t => t.Title == title, ct);
        var safeName = SafeFileName(fileName, title, type.Value);
        if (template is null)
        {
            template = new FormTemplate { Title = title, FileName = safeName, ContentType = FileSignature.ContentType(type.Value), Sha256 = stored.Sha256 };
            db.FormTemplates.Add(template);
        }
        template.FileName = safeName;
        template.ContentType = FileSignature.ContentType(type.Value);
        template.Sha256 = stored.Sha256;
        template.Size = stored.Size;
        template.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return (Item(template), []);
    }

    /// <summary>The template files for the template names of a procedure's documents.</summary>
    public async Task<IReadOnlyDictionary<string, FormTemplateItem>> ForAsync(IEnumerable<string?> titles, CancellationToken ct)
    {
        var wanted = titles.OfType<string>().Distinct(StringComparer.Ordinal).Take(200).ToArray();
        if (wanted.Length == 0)
            return new Dictionary<string, FormTemplateItem>();
        var found = await db.FormTemplates.AsNoTracking().Where(t => wanted.Contains(t.Title)).ToListAsync(ct);
        return found.ToDictionary(t => t.Title, Item, StringComparer.Ordinal);
    }

    private static FormTemplateItem Item(FormTemplate t) => new(t.Id, t.Title, t.FileName, t.ContentType, t.Size);

    /// <summary>An ASCII file name for the download header: the uploaded name's letters, or the title folded.</summary>
    private static string SafeFileName(string? fileName, string title, DocumentFileType type)
    {
        var source = string.IsNullOrWhiteSpace(fileName) ? title : Path.GetFileNameWithoutExtension(fileName);
        var folded = new string(VietnameseText.Fold(source).Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
        folded = string.Join('-', folded.Split('-', StringSplitOptions.RemoveEmptyEntries));
        return (folded.Length == 0 ? "mau" : folded[..Math.Min(folded.Length, 80)]) + FileSignature.Extension(type);
    }

    public static async Task<IResult> DownloadEndpoint(long id, AppDbContext db, FileStore store, CancellationToken ct)
    {
        var template = await db.FormTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
            return Problems.NotFound("Không tìm thấy tệp mẫu.");
        var bytes = await store.ReadAsync(template.Sha256, ct);
        return TypedResults.File(bytes, template.ContentType, template.FileName);
    }

    public static async Task<IResult> PutEndpoint(HttpRequest request, FormTemplatesHandler handler, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return Problems.Validation("file", "Gửi tệp mẫu dạng multipart/form-data: trường \"title\" và \"file\".");
        var form = await request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file)
            return Problems.Validation("file", "Thiếu tệp mẫu (trường \"file\").");
        if (file.Length > handler.MaxBytes)
            return Problems.Problem(413, "too-large", "Tệp quá lớn");
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        var (item, errors) = await handler.PutAsync(form["title"], file.FileName, stream.ToArray(), ct);
        return item is null ? Problems.Validation(errors) : TypedResults.Ok(item);
    }

    public long MaxBytes => store.Options.MaxFileBytes;
}
