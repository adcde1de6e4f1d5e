using EnterpriseEval.Engine.Roster.Sources;

namespace EnterpriseEval.Engine.Tests.Roster.Sources;

/// <summary>
/// <see cref="CsvQuoteGuard"/> (docs/roster.md, Bad input; issue #18 "one typo costs one row"): clean text passes
/// unchanged, a runaway quote becomes the marker at its first line, however the text is split into reads.
/// </summary>
public sealed class CsvQuoteGuardTests
{
    private const char M = CsvQuoteGuard.Marker;

    public static TheoryData<string, string> Cases => new()
    {
        { "a,b\n1,2\n", "a,b\n1,2\n" },
        { "a,b\n1,\"x, y\"\n2,\"p\"\"q\"\n", "a,b\n1,\"x, y\"\n2,\"p\"\"q\"\n" },

        // A line inside the quotes reads as a whole row.
        { "a,b\n1,张\"三\n2,乙\n", $"a,b\n1,张{M}三\n2,乙\n" },
        { "a,b\r\n1,\"x\r\n2,y\r\n3,z\r\n", $"a,b\r\n1,{M}x\r\n2,y\r\n3,z\r\n" },

        // The text ends inside the quotes.
        { "a,b\n1,\"x", $"a,b\n1,{M}x" },
        { "a,b\n1,\"x\ny\n", $"a,b\n1,{M}x\ny\n" },

        // Once the quote closes, the row has not the header's fields; its closing quote is a stray quote too.
        { "a,b\n1,\"x\ny\",p\n2,q\n", $"a,b\n1,{M}x\ny{M},p\n2,q\n" },

        // A value across lines (RFC 4180) whose row is whole, also at the end of the text and with CRLF.
        { "a,b\n1,\"x\ny\"\n2,q\n", "a,b\n1,\"x\ny\"\n2,q\n" },
        { "a,b\n1,\"x\r\ny\"\r\n2,q", "a,b\n1,\"x\r\ny\"\r\n2,q" },
        { "a,b\r\n1,\"x\r\n2,y\"\r\n3,z\r\n", "a,b\r\n1,\"x\r\n2,y\"\r\n3,z\r\n" },

        // A header cell never spans lines; in a table of one column every line is a row.
        { "a,\"b\nc\n1,2\n", $"a,{M}b\nc\n1,2\n" },
        { "a\n\"x\ny\"\n", $"a\n{M}x\ny{M}\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runaway_quotes_become_the_marker_at_their_first_line_whatever_the_reads(string text, string expected)
    {
        foreach (var size in new[] { 1, 2, 3, 5, 64 })
        {
            foreach (var chunk in new[] { 1, 2, 3, 7, 1000 })
            {
                using var guard = new CsvQuoteGuard(new ChunkedReader(text, chunk));
                var output = new System.Text.StringBuilder();
                var buffer = new char[size];
                int read;
                while ((read = guard.Read(buffer, 0, size)) > 0)
                {
                    output.Append(buffer, 0, read);
                }

                Assert.True(expected == output.ToString(), $"reads of {size}, chunks of {chunk}: {output}");
            }
        }
    }

    [Fact]
    public void A_quoted_value_beyond_a_million_characters_is_held_back_no_further()
    {
        var value = new string('x', (1 << 20) + 10);
        using var guard = new CsvQuoteGuard(new ChunkedReader($"a,b\n1,\"{value}\"\n2,q\n", 1000));

        Assert.Equal($"a,b\n1,{M}{value}{M}\n2,q\n", guard.ReadToEnd());
    }

    // Hands out the text a few characters at a time, as a decoder at a buffer's end may.
    private sealed class ChunkedReader(string text, int chunk) : TextReader
    {
        private int _position;

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(Math.Min(chunk, buffer.Length), text.Length - _position);
            text.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
    }
}
