using System.Text;

namespace AssetManager.Domain.Assets;

/// <summary>
/// Checks that text is XML whose root element is &lt;svg&gt;: an optional BOM, XML declaration,
/// comments, processing instructions and DOCTYPE may come first, nothing else.
/// </summary>
public static class SvgSniffer
{
    public static bool HasSvgRoot(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        if (head.IndexOf((byte)0) >= 0) return false; // binary, or UTF-16 which we do not accept
        var text = Encoding.UTF8.GetString(head);
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || text[i] != '<') return false;
            var rest = text.AsSpan(i);
            if (rest.StartsWith("<?")) i = SkipPast(text, i, "?>");
            else if (rest.StartsWith("<!--")) i = SkipPast(text, i, "-->");
            else if (rest.StartsWith("<!DOCTYPE", StringComparison.Ordinal)) i = SkipDoctype(text, i);
            else return IsSvgStartTag(rest);
            if (i < 0) return false;
        }
    }

    private static int SkipPast(string text, int from, string end)
    {
        var at = text.IndexOf(end, from, StringComparison.Ordinal);
        return at < 0 ? -1 : at + end.Length;
    }

    // Brackets and '>' inside quoted literals, comments and processing instructions do not count.
    private static int SkipDoctype(string text, int from)
    {
        var depth = 0;
        for (var i = from + 1; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"' or '\'':
                    i = text.IndexOf(text[i], i + 1);
                    if (i < 0) return -1;
                    break;
                case '<' when text.AsSpan(i).StartsWith("<!--"):
                    i = SkipPast(text, i, "-->") - 1;
                    if (i < 0) return -1;
                    break;
                case '<' when text.AsSpan(i).StartsWith("<?"):
                    i = SkipPast(text, i, "?>") - 1;
                    if (i < 0) return -1;
                    break;
                case '[': depth++; break;
                case ']': depth--; break;
                case '>' when depth == 0: return i + 1;
            }
        }
        return -1;
    }

    // "<svg" or "<prefix:svg", followed by whitespace, '>' or '/'.
    private static bool IsSvgStartTag(ReadOnlySpan<char> tag)
    {
        var end = 1;
        while (end < tag.Length && (char.IsLetterOrDigit(tag[end]) || tag[end] is ':' or '-' or '_' or '.')) end++;
        if (end >= tag.Length) return false;
        var name = tag[1..end];
        var colon = name.LastIndexOf(':');
        var local = colon >= 0 ? name[(colon + 1)..] : name;
        return local.SequenceEqual("svg") && (char.IsWhiteSpace(tag[end]) || tag[end] is '>' or '/');
    }
}
