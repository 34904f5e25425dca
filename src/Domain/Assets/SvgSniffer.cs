using System.Xml;

namespace AssetManager.Domain.Assets;

/// <summary>
/// Checks that the leading bytes are XML whose root element is &lt;svg&gt;: the XML declaration, comments, processing
/// instructions and a DOCTYPE may come first, nothing else. Only the head of the file is seen, so parsing stops at the
/// root's start tag. Nothing outside the bytes is fetched and entities cannot grow past a few kilobytes.
/// </summary>
public static class SvgSniffer
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = 4096,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    public static bool HasSvgRoot(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0) return false; // binary, or UTF-16, which is not accepted
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(head.ToArray(), writable: false), Settings);
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element) return reader.LocalName == "svg";
            return false;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
