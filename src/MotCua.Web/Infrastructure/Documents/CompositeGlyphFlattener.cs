using System.Buffers.Binary;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// Rewrites composite glyphs whose components are composites themselves so that each refers only
/// to simple glyphs. Why: PDFsharp's font subsetter adds the components of the glyphs a document
/// uses but not the components of those components, and DejaVu Sans builds most Vietnamese
/// letters with two marks that way ("ố" = "o" + [circumflex + acute]); the subset then lacks the
/// marks and "Số" prints as "Sô". The outlines are unchanged: offsets are added up and the
/// component order, hence point numbering and hinting instructions, is kept.
/// Still needed with PDFsharp 6.2.4 (MIT): without it the subsets of a form with every Vietnamese
/// letter lack glyph components (FontTests.Subsets_KeepEveryPartOfTheVietnameseLetters fails).
/// pdftotext alone does not show the loss (it reads the text through the ToUnicode map and
/// prints every letter), but the rendered page does: "Ặ" is drawn as "Ă".
/// </summary>
internal static class CompositeGlyphFlattener
{
    private const ushort ArgsAreWords = 0x0001, ArgsAreXy = 0x0002, RoundXyToGrid = 0x0004, HasScale = 0x0008,
        MoreComponents = 0x0020, HasXyScale = 0x0040, HasTwoByTwo = 0x0080, HasInstructions = 0x0100,
        UseMyMetrics = 0x0200;

    private const int MaxDepth = 8;

    public readonly record struct Component(ushort Flags, ushort Glyph, int Arg1, int Arg2, byte[] Transform);

    /// <summary>The font with nested composites flattened; the input itself when there is nothing to do.</summary>
    public static byte[] Flatten(byte[] font)
    {
        var sfnt = SfntFile.Read(font);
        if (sfnt.Table("head") is not { } head || sfnt.Table("maxp") is not { } maxp || sfnt.Table("glyf") is null || sfnt.Table("loca") is null)
            return font;
        var glyphs = Glyphs(sfnt);
        var output = (byte[][])glyphs.Clone();
        var changed = false;
        var maxElements = (int)BinaryPrimitives.ReadUInt16BigEndian(maxp.AsSpan(28));
        for (var g = 0; g < glyphs.Length; g++)
        {
            if (!IsComposite(glyphs[g]))
                continue;
            var (components, instructions) = Parse(glyphs[g]);
            if (!components.Any(c => IsComposite(glyphs[c.Glyph])) || Leaves(glyphs, g, 0) is not { } leaves)
                continue;
            output[g] = Write(glyphs[g].AsSpan(0, 10), leaves, instructions);
            maxElements = Math.Max(maxElements, leaves.Count);
            changed = true;
        }
        if (!changed)
            return font;

        // Long offsets in loca (indexToLocFormat 1): the rewritten glyf may outgrow short ones.
        var glyf = new byte[output.Sum(g => g.Length)];
        var loca = new byte[4 * (output.Length + 1)];
        var offset = 0;
        for (var g = 0; g < output.Length; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * g), (uint)offset);
            output[g].CopyTo(glyf, offset);
            offset += output[g].Length;
        }
        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * output.Length), (uint)offset);
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(28), (ushort)maxElements);
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(30), 1);
        sfnt.Replace("glyf", glyf);
        sfnt.Replace("loca", loca);
        return sfnt.Write();
    }

    /// <summary>Each glyph's bytes from glyf, cut along loca.</summary>
    public static byte[][] Glyphs(SfntFile sfnt)
    {
        var head = sfnt.Table("head")!;
        var loca = sfnt.Table("loca")!;
        var glyf = sfnt.Table("glyf")!;
        int count = BinaryPrimitives.ReadUInt16BigEndian(sfnt.Table("maxp")!.AsSpan(4));
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(head.AsSpan(50)) == 1;
        int Offset(int i) => longOffsets
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(4 * i))
            : 2 * BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(2 * i));
        return Enumerable.Range(0, count).Select(i => glyf.AsSpan(Offset(i), Offset(i + 1) - Offset(i)).ToArray()).ToArray();
    }

    public static bool IsComposite(byte[] glyph) => glyph.Length >= 10 && BinaryPrimitives.ReadInt16BigEndian(glyph) < 0;

    public static (List<Component> Components, byte[] Instructions) Parse(byte[] glyph)
    {
        var components = new List<Component>();
        var pos = 10;
        ushort flags;
        var instructions = false;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(pos));
            var index = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(pos + 2));
            pos += 4;
            int arg1, arg2;
            var xy = (flags & ArgsAreXy) != 0;
            if ((flags & ArgsAreWords) != 0)
            {
                arg1 = xy ? BinaryPrimitives.ReadInt16BigEndian(glyph.AsSpan(pos)) : BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(pos));
                arg2 = xy ? BinaryPrimitives.ReadInt16BigEndian(glyph.AsSpan(pos + 2)) : BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(pos + 2));
                pos += 4;
            }
            else
            {
                arg1 = xy ? (sbyte)glyph[pos] : glyph[pos];
                arg2 = xy ? (sbyte)glyph[pos + 1] : glyph[pos + 1];
                pos += 2;
            }
            var transformLength = (flags & HasScale) != 0 ? 2 : (flags & HasXyScale) != 0 ? 4 : (flags & HasTwoByTwo) != 0 ? 8 : 0;
            components.Add(new Component(flags, index, arg1, arg2, glyph.AsSpan(pos, transformLength).ToArray()));
            pos += transformLength;
            instructions |= (flags & HasInstructions) != 0;
        }
        while ((flags & MoreComponents) != 0);

        if (!instructions)
            return (components, []);
        int length = BinaryPrimitives.ReadUInt16BigEndian(glyph.AsSpan(pos));
        return (components, glyph.AsSpan(pos + 2, length).ToArray());
    }

    /// <summary>
    /// The simple-glyph components of <paramref name="glyph"/>, offsets added up; null when a
    /// nested component cannot be expressed one level down (placed by point matching or
    /// transformed), in which case the glyph is left as it is.
    /// </summary>
    private static List<Component>? Leaves(byte[][] glyphs, int glyph, int depth)
    {
        if (depth > MaxDepth)
            return null;
        var leaves = new List<Component>();
        foreach (var component in Parse(glyphs[glyph]).Components)
        {
            if (!IsComposite(glyphs[component.Glyph]))
            {
                leaves.Add(depth == 0 ? component : component with { Flags = (ushort)(component.Flags & ~UseMyMetrics) });
                continue;
            }
            if ((component.Flags & ArgsAreXy) == 0 || component.Transform.Length > 0)
                return null;
            if (Leaves(glyphs, component.Glyph, depth + 1) is not { } inner || inner.Any(c => (c.Flags & ArgsAreXy) == 0))
                return null;
            leaves.AddRange(inner.Select(c => c with
            {
                Flags = (ushort)((c.Flags & ~UseMyMetrics) | (component.Flags & RoundXyToGrid)),
                Arg1 = c.Arg1 + component.Arg1,
                Arg2 = c.Arg2 + component.Arg2,
            }));
        }
        return leaves;
    }

    private static byte[] Write(ReadOnlySpan<byte> header, List<Component> components, byte[] instructions)
    {
        using var stream = new MemoryStream();
        stream.Write(header);
        var word = new byte[2];
        void Put(int value)
        {
            BinaryPrimitives.WriteUInt16BigEndian(word, unchecked((ushort)value));
            stream.Write(word);
        }
        for (var i = 0; i < components.Count; i++)
        {
            var c = components[i];
            var last = i == components.Count - 1;
            var flags = (c.Flags & ~(MoreComponents | HasInstructions)) | ArgsAreWords
                | (last ? 0 : MoreComponents) | (last && instructions.Length > 0 ? HasInstructions : 0);
            Put(flags);
            Put(c.Glyph);
            Put(c.Arg1);
            Put(c.Arg2);
            stream.Write(c.Transform);
        }
        if (instructions.Length > 0)
        {
            Put(instructions.Length);
            stream.Write(instructions);
        }
        // Glyph records start on 4-byte boundaries; the padding stays inside the loca range.
        while (stream.Length % 4 != 0)
            stream.WriteByte(0);
        return stream.ToArray();
    }
}
