using System.Text;
using AssetManager.Domain.Assets;

namespace AssetManager.UnitTests.Domain;

public sealed class SvgSnifferTests
{
    private static bool Sniff(string text) => SvgSniffer.HasSvgRoot(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("<svg>")]
    [InlineData("<svg/>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\">")]
    [InlineData("<svg\nwidth=\"1\">")]
    [InlineData("\uFEFF<svg>")]
    [InlineData("<?xml version=\"1.0\"?><svg>")]
    [InlineData("<!-- c --><svg>")]
    [InlineData("<!DOCTYPE svg><svg>")]
    [InlineData("<!DOCTYPE svg [<!ENTITY a \"]>\">]><svg>")]
    [InlineData("<!DOCTYPE svg [<!ENTITY a '[<'>]><svg>")]
    [InlineData("<!DOCTYPE svg [<!-- Adobe's ] note --><!ENTITY b 'x'>]><svg>")]
    [InlineData("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"svg11.dtd\" [ <?pi ]> ?> ]><svg>")]
    [InlineData("<x:svg xmlns:x=\"http://www.w3.org/2000/svg\">")]
    public void Accepts_xml_with_an_svg_root(string text) => Assert.True(Sniff(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\uFEFF")]
    [InlineData("<svg")]                  // cut before the name ends: cannot tell
    [InlineData("<svgx>")]
    [InlineData("<SVG>")]                 // XML is case-sensitive
    [InlineData("<html><svg></svg></html>")]
    [InlineData("hello <svg>")]
    [InlineData("<?xml version=\"1.0\"")]
    [InlineData("<!-- unterminated")]
    [InlineData("<!DOCTYPE svg [ <svg>")]
    [InlineData("<!DOCTYPE svg [<!ENTITY a \"unterminated>]><svg>")]
    [InlineData("<!DOCTYPE svg [<!-- unterminated >]><svg>")]
    [InlineData("<!doctype svg><svg>")]   // not XML: DOCTYPE must be upper-case
    public void Refuses_everything_else(string text) => Assert.False(Sniff(text));

    [Fact]
    public void Only_the_root_element_decides_not_the_doctype_name()
    {
        // Well-formed XML whose root is <svg>; the DOCTYPE's name is not checked. Pinned so a change is noticed.
        Assert.True(Sniff("<!DOCTYPE html><svg>"));
    }

    [Fact]
    public void Refuses_utf16_and_binary()
    {
        Assert.False(SvgSniffer.HasSvgRoot(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<svg>")).ToArray()));
        Assert.False(SvgSniffer.HasSvgRoot(Encoding.Unicode.GetBytes("<svg>")));
        Assert.False(SvgSniffer.HasSvgRoot([0x3C, 0x73, 0x76, 0x67, 0x00, 0x3E]));
    }

    [Fact]
    public void Head_cut_in_the_middle_of_a_multibyte_character_after_the_root_still_counts()
    {
        var bytes = Encoding.UTF8.GetBytes("<svg><title>Привет</title>");
        Assert.True(SvgSniffer.HasSvgRoot(bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void Entities_cannot_expand_past_a_few_kilobytes()
    {
        var laughs = "<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\">" +
            string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY {(char)('a' + i)} \"{string.Concat(Enumerable.Repeat($"&{(char)('a' + i - 1)};", 10))}\">")) +
            "]><svg title=\"&j;\">";
        Assert.False(Sniff(laughs));
    }

    [Fact]
    public void External_entities_are_never_fetched()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "secret");
        try
        {
            // Refused: with no resolver an external entity cannot be expanded, so the file is never read.
            Assert.False(Sniff($"<!DOCTYPE svg [<!ENTITY x SYSTEM \"file://{path}\">]><svg title=\"&x;\">"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
