using System.Buffers.Binary;
using System.Text;

namespace MotCua.Web.Infrastructure.Documents;

/// <summary>
/// The tables of a TrueType font file (OpenType "sfnt" container), read and written back with a
/// fresh table directory and checksums (OpenType spec, "Font file" chapter).
/// </summary>
internal sealed class SfntFile
{
    private readonly uint _version;
    private readonly SortedDictionary<string, byte[]> _tables = new(StringComparer.Ordinal);

    private SfntFile(uint _version) => this._version = _version;

    public static SfntFile Read(byte[] font)
    {
        var file = new SfntFile(BinaryPrimitives.ReadUInt32BigEndian(font));
        int count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + 16 * i, 16);
            var tag = Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            file._tables[tag] = font.AsSpan(offset, length).ToArray();
        }
        return file;
    }

    public byte[]? Table(string tag) => _tables.GetValueOrDefault(tag);

    public void Replace(string tag, byte[] data) => _tables[tag] = data;

    public byte[] Write()
    {
        var count = _tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }
        var headerLength = 12 + 16 * count;
        var total = headerLength + _tables.Values.Sum(t => Padded(t.Length));
        var font = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(font, _version);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(font.AsSpan(10), (ushort)(count * 16 - power * 16));

        var offset = headerLength;
        var headOffset = -1;
        var index = 0;
        // Directory entries sorted by tag, as the spec requires (the dictionary is ordinal-sorted).
        foreach (var (tag, data) in _tables)
        {
            if (tag == "head")
            {
                // checkSumAdjustment is left out of the sums and set last.
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 0);
                headOffset = offset;
            }
            var record = font.AsSpan(12 + 16 * index, 16);
            Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(font, offset);
            offset += Padded(data.Length);
            index++;
        }
        if (headOffset >= 0)
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headOffset + 8), 0xB1B0AFBA - Checksum(font));
        return font;
    }

    public static int Padded(int length) => (length + 3) & ~3;

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var b = 0; b < 4; b++)
                word = (word << 8) | (i + b < data.Length ? data[i + b] : 0u);
            sum += word;
        }
        return sum;
    }
}
