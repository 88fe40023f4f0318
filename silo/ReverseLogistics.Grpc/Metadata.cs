using System.Collections;
using System.Text;

namespace ReverseLogistics.Grpc;

/// <summary>
/// Custom call metadata (HTTP/2 headers or trailers). Keys are lower-case; keys ending in
/// "-bin" carry bytes (base64 on the wire), all others printable ASCII strings.
/// </summary>
public sealed class Metadata : IEnumerable<Metadata.Entry>
{
    public const string BinarySuffix = "-bin";

    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public Metadata Add(string key, string value)
    {
        _entries.Add(Entry.Ascii(key, value));
        return this;
    }

    public Metadata Add(string key, byte[] value)
    {
        _entries.Add(Entry.Binary(key, value));
        return this;
    }

    public Metadata Add(Entry entry)
    {
        _entries.Add(entry);
        return this;
    }

    /// <summary>The last ASCII value for <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key) => _entries.LastOrDefault(e => e.Key == key.ToLowerInvariant() && !e.IsBinary)?.Value;

    /// <summary>The last binary value for <paramref name="key"/> (which must end in -bin), or null.</summary>
    public byte[]? GetBytes(string key) => _entries.LastOrDefault(e => e.Key == key.ToLowerInvariant() && e.IsBinary)?.Bytes;

    public IEnumerable<Entry> GetAll(string key) => _entries.Where(e => e.Key == key.ToLowerInvariant());

    public static bool IsBinaryKey(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    public IEnumerator<Entry> GetEnumerator() => _entries.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _bytes;

        private Entry(string key, string? value, byte[]? bytes)
        {
            Key = key;
            _value = value;
            _bytes = bytes;
        }

        public string Key { get; }
        public bool IsBinary => _bytes is not null;
        public string Value => _value ?? throw new InvalidOperationException($"Metadata '{Key}' is binary; read Bytes.");
        public byte[] Bytes => _bytes ?? Encoding.ASCII.GetBytes(_value!);

        public static Entry Ascii(string key, string value)
        {
            key = NormalizeKey(key);
            if (IsBinaryKey(key)) throw new ArgumentException($"Metadata key '{key}' ends in -bin and takes a byte array.", nameof(key));
            foreach (var c in value)
            {
                if (c < 0x20 || c > 0x7E)
                    throw new ArgumentException($"Metadata '{key}' must be printable ASCII; use a -bin key for other data.", nameof(value));
            }
            return new Entry(key, value, null);
        }

        public static Entry Binary(string key, byte[] value)
        {
            key = NormalizeKey(key);
            if (!IsBinaryKey(key)) throw new ArgumentException($"Binary metadata key '{key}' must end in -bin.", nameof(key));
            return new Entry(key, null, value);
        }

        private static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            key = key.ToLowerInvariant();
            foreach (var c in key)
            {
                if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
                    throw new ArgumentException($"Metadata key '{key}' may only hold a-z, 0-9, '-', '_' and '.'.", nameof(key));
            }
            if (key.StartsWith("grpc-", StringComparison.Ordinal))
                throw new ArgumentException($"Metadata key '{key}' is reserved for the gRPC protocol.", nameof(key));
            return key;
        }

        public override string ToString() => IsBinary ? $"{Key}: [{_bytes!.Length} bytes]" : $"{Key}: {_value}";
    }
}
