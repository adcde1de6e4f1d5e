using EnterpriseEval.Runtime.Roster.Sources;

namespace EnterpriseEval.Runtime.Tests.Roster.Sources;

/// <summary>
/// <see cref="CsvQuoteGuard"/> (docs/roster.md, Bad input; issue #18 "one typo costs one row"): clean text passes
/// unchanged, a runaway quote becomes the marker at its first line, however the text is split into reads.
/// </summary>
public sealed class CsvQuoteGuardTests
{
    private const char M = CsvQuoteGuard.Marker;

    public static TheoryData<string, bool, string> Cases => new()
    {
        { "a,b\n1,2\n", false, "a,b\n1,2\n" },
        { "a,b\n1,\"x, y\"\n2,\"p\"\"q\"\n", false, "a,b\n1,\"x, y\"\n2,\"p\"\"q\"\n" },
        { "a,b\n1,张\"三\n2,乙\n", false, $"a,b\n1,张{M}三\n2,乙\n" },
        { "a,b\r\n1,\"x\r\n2,y\"\r\n3,z\r\n", false, $"a,b\r\n1,{M}x\r\n2,y{M}\r\n3,z\r\n" },
        { "a,b\n1,\"x", false, $"a,b\n1,{M}x" },
        { "a,b\n1,\"x\ny\",p\n2,q\n", false, $"a,b\n1,{M}x\ny{M},p\n2,q\n" },
        { "a,b\n1,\"x\ny\"\n2,q\n", true, "a,b\n1,\"x\ny\"\n2,q\n" },
        { "a,b\n1,\"x\r\ny\"\r\n2,q", true, "a,b\n1,\"x\r\ny\"\r\n2,q" },
        { "a,b\n1,\"x\n2,q\n3,r\n", true, $"a,b\n1,{M}x\n2,q\n3,r\n" },
        { "a,b\n1,\"x\ny\",p\n2,q\n", true, $"a,b\n1,{M}x\ny{M},p\n2,q\n" },
        { "a,\"b\nc\n1,2\n", true, $"a,{M}b\nc\n1,2\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runaway_quotes_become_the_marker_at_their_first_line_whatever_the_reads(string text, bool lineBreaksInQuotes, string expected)
    {
        foreach (var size in new[] { 1, 2, 3, 5, 64 })
        {
            foreach (var chunk in new[] { 1, 2, 3, 7, 1000 })
            {
                using var guard = new CsvQuoteGuard(new ChunkedReader(text, chunk), lineBreaksInQuotes);
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
