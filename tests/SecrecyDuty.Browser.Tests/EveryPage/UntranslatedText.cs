using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Data;

namespace SecrecyDuty.Browser.Tests.EveryPage;

/// <summary>
/// Finds the interface text of a page that is not in the page's language: English words in the Chinese interface, Chinese
/// in the English one (issue 11). Data is not interface: every text the database holds (unit and leader names, the
/// regulation's articles, what people typed) is taken out first, and so are the names of the languages in the switch,
/// the file formats and the abbreviations that are the same in both languages.
/// </summary>
internal sealed partial class UntranslatedText
{
    /// <summary>Words that are the same in a Chinese interface: formats, standards, the language switch's own name.</summary>
    private static readonly HashSet<string> SameInChinese = new(StringComparer.Ordinal)
    {
        "English", "PDF", "CSV", "Excel", "Word", "xlsx", "csv", "docx", "pdf", "png", "jpg", "jpeg", "ofd", "txt", "OFD", "PNG", "JPEG", "DOCX",
        "XLSX", "TXT", "SHA", "QR", "ID", "MB", "KB", "UTC", "SecrecyDuty",
    };

    /// <summary>The language switch's Chinese name, shown in Chinese in every interface.</summary>
    private static readonly string[] SameInEnglish = ["简体中文", "中文"];

    private readonly HashSet<string> _wholeData;

    /// <summary>Every data text in one string, to find a text the page shows from inside a longer one (a clause of an article).</summary>
    private readonly string _allData;
    private readonly string[] _chineseData;
    private readonly string[] _latinData;

    private UntranslatedText(IReadOnlyCollection<string> data)
    {
        _wholeData = new HashSet<string>(data.Select(d => d.Trim()), StringComparer.Ordinal);
        _allData = string.Join("\n", _wholeData);
        var longestFirst = data.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(d => d.Length).ToList();
        _chineseData = [.. longestFirst.Where(d => Chinese().IsMatch(d))];
        _latinData = [.. longestFirst.Where(d => LatinWord().IsMatch(d))];
    }

    /// <summary>Every text value the database holds, in every table of the model.</summary>
    public static async Task<UntranslatedText> FromDatabaseAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var values = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string)))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT DISTINCT \"{property.GetColumnName()}\" FROM \"{entity.GetTableName()}\" WHERE \"{property.GetColumnName()}\" IS NOT NULL";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    values.Add(reader.GetString(0));
                }
            }
        }

        return new UntranslatedText(values);
    }

    /// <summary>The texts of <paramref name="texts"/> that are not in <paramref name="culture"/>, data taken out.</summary>
    public IEnumerable<string> NotIn(string culture, IEnumerable<string> texts) =>
        culture.StartsWith("zh", StringComparison.Ordinal) ? texts.Where(IsEnglishInChinese) : texts.Where(IsChineseInEnglish);

    private bool IsChineseInEnglish(string text)
    {
        if (!Chinese().IsMatch(text) || IsData(text))
        {
            return false;
        }

        var rest = Without(text, _chineseData);
        rest = SameInEnglish.Aggregate(rest, (t, s) => t.Replace(s, " ", StringComparison.Ordinal));
        return Chinese().IsMatch(rest);
    }

    private bool IsEnglishInChinese(string text)
    {
        if (!LatinWord().IsMatch(text) || IsData(text))
        {
            return false;
        }

        var rest = Without(text, _latinData);
        return LatinWord().Matches(rest).Any(m => !SameInChinese.Contains(m.Value) && !IsCode(m.Value));
    }

    /// <summary>A text the database holds, whole or as a part of a longer one (the page shows an article clause by clause).</summary>
    private bool IsData(string text)
    {
        var trimmed = text.Trim();
        return _wholeData.Contains(trimmed) || (trimmed.Length >= 4 && _allData.Contains(trimmed, StringComparison.Ordinal));
    }

    /// <summary>An abbreviation or a code's letters (P5.3, SF-JYT, R1): upper case, at most four letters.</summary>
    private static bool IsCode(string word) => word.Length <= 4 && word.All(char.IsAsciiLetterUpper);

    private static string Without(string text, string[] data)
    {
        foreach (var value in data)
        {
            if (text.Length < value.Length)
            {
                continue;
            }

            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, " ", StringComparison.Ordinal);
            }
        }

        return text;
    }

    [GeneratedRegex(@"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex LatinWord();
}
