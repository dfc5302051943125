using System.Text;

namespace SecrecyDuty.Core.Import;

/// <summary>
/// RFC 4180 records, one per spreadsheet row: an empty line is an empty row, as Excel shows it, so that
/// the row numbers of a report match what the user sees (a general CSV reader skips blank lines).
/// </summary>
public static class CsvRecords
{
    /// <summary>UTF-8 (with or without a byte-order mark); a file that is not UTF-8 is read as GB18030, the encoding Chinese Excel saves "CSV" in.</summary>
    public static string Decode(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var span = content.AsSpan();
        var preamble = Encoding.UTF8.Preamble;
        if (span.StartsWith(preamble))
        {
            span = span[preamble.Length..];
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)
                ?? throw new InvalidOperationException("GB18030 is not available.");
            return gb18030.GetString(span);
        }
    }

    public static IEnumerable<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return [.. fields];
                    fields.Clear();
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        // The last line, unless the text ended with a line break.
        if (field.Length > 0 || fields.Count > 0 || quoted)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
