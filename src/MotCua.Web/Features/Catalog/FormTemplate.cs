using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Catalog;

/// <summary>
/// The file of a form template (mẫu đơn, tờ khai) that applicants must fill, keyed by the template's
/// name as the catalogue writes it on a required document ("Mẫu … (Thông tư …)"), so every procedure
/// that names the same template offers the same file (Decree 63/2010 art. 8: the forms are part of
/// the published procedure). The content lives in the content-addressed file store.
/// </summary>
public sealed class FormTemplate
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<FormTemplate>(e =>
    {
        e.Property(x => x.Title).HasMaxLength(400);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.ContentType).HasMaxLength(100);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.HasIndex(x => x.Title).IsUnique();
    });
}
