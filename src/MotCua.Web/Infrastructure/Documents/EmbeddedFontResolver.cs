using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// Serves DejaVu Sans from the assembly's resources. PDFsharp finds no system fonts on Linux, and
/// a server must not depend on what the host happens to have installed; DejaVu covers every
/// Vietnamese letter with its stacked diacritics (licence: Fonts/LICENSE-DejaVu.txt).
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    /// <summary>The only family the forms use; any requested family resolves to it.</summary>
    public const string FamilyName = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";
    private const string Oblique = "DejaVuSans-Oblique";

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => (bold, italic) switch
    {
        (false, false) => new FontResolverInfo(Regular),
        (false, true) => new FontResolverInfo(Oblique),
        (true, false) => new FontResolverInfo(Bold),
        // Bold oblique is not shipped (nothing on the forms uses it); PDFsharp slants the bold face.
        (true, true) => new FontResolverInfo(Bold, mustSimulateBold: false, mustSimulateItalic: true),
    };

    public byte[]? GetFont(string faceName) => _faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"fonts/{faceName}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Font resource '{name}' is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        // Nested composite glyphs would lose their marks in PDFsharp's subsets (see the flattener).
        return CompositeGlyphFlattener.Flatten(copy.ToArray());
    }
}
