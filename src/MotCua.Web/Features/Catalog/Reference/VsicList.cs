using System.Globalization;
using MotCua.Core.Text;

namespace MotCua.Web.Features.Catalog.Reference;

/// <summary>A level-1 section of Vietnam's economic-sector classification (a letter, A to U).</summary>
public sealed record VsicSection(string Code, string Name);

/// <summary>A level-4 line (four digits), the level at which business registration records business lines.</summary>
public sealed record VsicLine(string Code, string Name, string SectionCode)
{
    /// <summary>The name folded for search (<see cref="VietnameseText.Fold"/>).</summary>
    public string Folded { get; } = VietnameseText.Fold(Name);

    /// <summary>How the line is shown and stored as typed text: "4711 – name".</summary>
    public string Display => $"{Code} – {Name}";
}

/// <summary>
/// Vietnam's economic-sector classification, VSIC 2018 (Decision 27/2018/QĐ-TTg, Annex I): the
/// sections and the level-4 lines, as shipped in Features/Catalog/Reference/vsic-2018.tsv
/// (docs/domain/forms.md#business-lines-vsic). Read once; never changes while the node runs.
/// </summary>
public sealed class VsicList
{
    private readonly Dictionary<string, VsicLine> _byCode;
    private readonly Dictionary<string, VsicSection> _sections;

    private VsicList(IReadOnlyList<VsicSection> sections, IReadOnlyList<VsicLine> lines)
    {
        Sections = sections;
        Lines = lines;
        _sections = sections.ToDictionary(s => s.Code, StringComparer.Ordinal);
        _byCode = lines.ToDictionary(l => l.Code, StringComparer.Ordinal);
    }

    public static VsicList Vsic2018 { get; } = LoadEmbedded("reference/vsic-2018.tsv");

    public IReadOnlyList<VsicSection> Sections { get; }
    public IReadOnlyList<VsicLine> Lines { get; }

    public VsicLine? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var line) ? line : null;

    public VsicSection SectionOf(VsicLine line) => _sections[line.SectionCode];

    /// <summary>Reads the list format: "# comment", "A&lt;TAB&gt;section name", "4711&lt;TAB&gt;line name" under its section.</summary>
    public static VsicList Parse(TextReader reader)
    {
        var sections = new List<VsicSection>();
        var lines = new List<VsicLine>();
        var number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            if (raw.Length == 0 || raw.StartsWith('#'))
                continue;
            var parts = raw.Split('\t');
            if (parts.Length != 2 || parts[1].Trim().Length == 0)
                throw new FormatException($"VSIC list line {number}: expected 'code<TAB>name'.");
            var (code, name) = (parts[0].Trim(), parts[1].Trim());
            if (code.Length == 1 && code[0] is >= 'A' and <= 'Z')
                sections.Add(new VsicSection(code, name));
            else if (code.Length == 4 && code.All(char.IsAsciiDigit) && sections.Count > 0)
                lines.Add(new VsicLine(code, name, sections[^1].Code));
            else
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"VSIC list line {number}: '{code}' is neither a section letter nor a level-4 code under a section."));
        }
        return new VsicList(sections, lines);
    }

    private static VsicList LoadEmbedded(string resource)
    {
        using var stream = typeof(VsicList).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader);
    }
}
