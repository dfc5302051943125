using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecrecyDuty.Web.Tests.Foundation;

/// <summary>
/// The interface speaks the regulation's own words, in both languages (docs/domain.md "Words"). Every string table
/// (src/SecrecyDuty.Web/Resources/*.json) is read: the Chinese values, and the English a reader sees (the English
/// table's value, else the key). One test per article, so that a failure names the rule that was broken.
/// </summary>
public sealed partial class RegulationWordingTests
{
    /// <summary>The one name of the P5.3 duty, as art. 5 (三) names it.</summary>
    public const string ReportName = "听取保密组织的情况汇报";


    private const string CodeOfConductRule = "art. 4: 保密守则";
    private const string SecrecyOrganizationRule = "art. 5 (二): 保密组织, 保密工作机构 only in IM33";
    private const string ReportRule = "art. 5 (三): " + ReportName + " / hearing the secrecy organization's report";
    private const string PracticeRule = "art. 5 (三): the half-year rhythm is the province's practice";
    private const string EducationRule = "art. 6 (三): no frequency for education";
    private const string ComparisonRule = "以上 and 以下 include the number";

    private sealed record Text(string File, string Key, string Language, string Value)
    {
        /// <summary>The same entry in the other language (the Chinese of an English text, the English of a Chinese one).</summary>
        public string? Other { get; init; }

        public override string ToString() => $"{File}: \"{Key}\" ({Language}): {Value}";
    }

    [Fact]
    public void Art_4_the_code_of_conduct_is_called_baomi_shouze()
    {
        AssertNoneBreak(CodeOfConductRule, t => t.Language == "zh-CN" && t.Value.Contains("保密行为规范", StringComparison.Ordinal));
    }

    [Fact]
    public void Art_5_a_units_secrecy_organization_is_its_baomi_zuzhi_and_the_term_of_IM33_stays_in_IM33()
    {
        AssertNoneBreak(SecrecyOrganizationRule, BreaksSecrecyOrganizationRule);
    }

    [Fact]
    public void Art_5_hearing_the_secrecy_organizations_report_has_one_name_in_each_language()
    {
        AssertNoneBreak(ReportRule, BreaksReportRule);
    }

    [Fact]
    public void Art_5_one_report_each_half_year_is_labelled_as_the_provinces_practice_not_the_regulation()
    {
        AssertNoneBreak(PracticeRule, BreaksPracticeRule);
    }

    [Fact]
    public void Art_6_education_is_never_said_to_be_required_at_a_frequency()
    {
        AssertNoneBreak(EducationRule, BreaksEducationRule);
    }

    [Fact]
    public void Art_2_limits_say_the_same_in_both_languages_because_yishang_and_yixia_include_the_number()
    {
        AssertNoneBreak(ComparisonRule, BreaksComparisonRule);
    }

    private static bool BreaksSecrecyOrganizationRule(Text t) =>
        t.Language == "zh-CN"
        && t.Value.Contains("保密工作机构", StringComparison.Ordinal)
        && !t.Value.Contains("IM33", StringComparison.Ordinal)
        && !t.Value.Contains("实施办法》第三十三条", StringComparison.Ordinal);

    private static bool BreaksReportRule(Text t) =>
        t.Language == "zh-CN"
            // Any 汇报 but the regulation's name of the duty, and 汇报人 (who reported).
            ? t.Value.Replace(ReportName, "", StringComparison.Ordinal).Replace("汇报人", "", StringComparison.Ordinal).Contains("汇报", StringComparison.Ordinal)
            : EnglishReportVariant().IsMatch(t.Value);

    private static bool BreaksPracticeRule(Text t) =>
        t.Language == "zh-CN"
            ? (t.Value.Contains("半年一次", StringComparison.Ordinal) || t.Value.Contains("每半年", StringComparison.Ordinal) || t.Value.Contains("原则上", StringComparison.Ordinal))
                && !t.Value.Contains("本省", StringComparison.Ordinal)
            : EnglishHalfYearRhythm().IsMatch(t.Value) && !t.Value.Contains("province's practice", StringComparison.Ordinal);

    private static bool BreaksEducationRule(Text t) =>
        t.Language == "zh-CN" ? ChineseEducationFrequency().IsMatch(t.Value) : EnglishEducationFrequency().IsMatch(t.Value);

    private static bool BreaksComparisonRule(Text t)
    {
        if (t.Language != "zh-CN" || t.Other is not { } english)
        {
            return false;
        }

        var chinese = t.Value;
        var moreThan = english.Contains("more than", StringComparison.OrdinalIgnoreCase);
        var below = EnglishBelow().IsMatch(english);
        var atLeast = english.Contains("at least", StringComparison.OrdinalIgnoreCase);
        var atMost = english.Contains("at most", StringComparison.OrdinalIgnoreCase);
        var bareYixia = BareYixia().IsMatch(chinese);
        return (moreThan && (chinese.Contains("以上", StringComparison.Ordinal) || !(chinese.Contains("超过", StringComparison.Ordinal) || chinese.Contains("多于", StringComparison.Ordinal))))
            || (chinese.Contains("以上", StringComparison.Ordinal) && !OrMore().IsMatch(english))
            || (below && bareYixia)
            || (bareYixia && !OrLess().IsMatch(english))
            || (atLeast && !(chinese.Contains("至少", StringComparison.Ordinal) || chinese.Contains("不少于", StringComparison.Ordinal) || chinese.Contains("以上", StringComparison.Ordinal)))
            || (atMost && !(chinese.Contains("至多", StringComparison.Ordinal) || chinese.Contains("最多", StringComparison.Ordinal) || chinese.Contains("不超过", StringComparison.Ordinal) || chinese.Contains("不能超过", StringComparison.Ordinal)));
    }

    private static void AssertNoneBreak(string rule, Func<Text, bool> breaks)
    {
        var texts = Texts();
        Assert.NotEmpty(texts);
        var broken = texts
            .Where(breaks)
            .Select(t => t.ToString())
            .ToList();
        if (broken.Count > 0)
        {
            Assert.Fail($"{broken.Count} text(s) break the rule \"{rule}\":\n" + string.Join("\n", broken));
        }
    }

    /// <summary>Every text of every string table, in the language a reader sees it.</summary>
    private static List<Text> Texts()
    {
        var folder = Path.Combine(LocalizationTests.RepositoryRoot(), "src", "SecrecyDuty.Web", "Resources");
        var tables = Directory.EnumerateFiles(folder, "*.json")
            .Select(f => (File: Path.GetFileName(f), Entries: JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!))
            .OrderBy(t => t.File, StringComparer.Ordinal)
            .ToList();
        Assert.Contains(tables, t => t.File.EndsWith(".en.json", StringComparison.Ordinal));
        var english = tables.Where(t => t.File.EndsWith(".en.json", StringComparison.Ordinal))
            .SelectMany(t => t.Entries)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var chinese = tables.Where(t => t.File.EndsWith(".zh-CN.json", StringComparison.Ordinal))
            .SelectMany(t => t.Entries)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

        var texts = new List<Text>();
        foreach (var (file, entries) in tables)
        {
            foreach (var (key, value) in entries)
            {
                if (file.EndsWith(".en.json", StringComparison.Ordinal))
                {
                    texts.Add(new Text(file, key, "en", value) { Other = chinese.GetValueOrDefault(key) });
                    continue;
                }

                // English keys are the English text, unless the English table has it or the key is an identifier (Kind:Member).
                var shownInEnglish = english.GetValueOrDefault(key) ?? (IdentifierKey().IsMatch(key) ? null : key);
                texts.Add(new Text(file, key, "zh-CN", value) { Other = shownInEnglish });
                if (!english.ContainsKey(key) && shownInEnglish is not null)
                {
                    texts.Add(new Text(file, key, "en", shownInEnglish) { Other = value });
                }
            }
        }

        return texts;
    }

    [GeneratedRegex(@"^[A-Za-z]+:[A-Za-z]+$")]
    private static partial Regex IdentifierKey();

    [GeneratedRegex(@"\bbriefings?\b|\b(work|situation|status) reports?\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishReportVariant();

    [GeneratedRegex(@"\b(once|one|a report) (each|every|a|per) half-year|\bevery half-year|\bsemi-?annual|\bhalf-yearly|\ba year expected", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishHalfYearRhythm();

    [GeneratedRegex(@"教育[^。；;]*(每年(至少|应|须|一次)|一年一次|每半年)|(每年(至少|应|须|一次)|一年一次|每半年)[^。；;]*教育")]
    private static partial Regex ChineseEducationFrequency();

    [GeneratedRegex(@"(education|training)[^.;]*(once a year|every year|annually|at least (one|once|\d+|\{\d\})[^.;]* a year|a year (is|are) required)", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishEducationFrequency();

    [GeneratedRegex(@"\b(below|fewer than|less than)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishBelow();

    // 以下 as a limit; not 及以下 (explicitly inclusive), 以下之一 or 以下类别 ("the following").
    [GeneratedRegex(@"(?<!及)以下(?!之一|类别)")]
    private static partial Regex BareYixia();

    [GeneratedRegex(@"\bor (above|more|higher)\b|\band above\b|\bat least\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrMore();

    [GeneratedRegex(@"\bor (below|less|fewer|lower)\b|\bat most\b|\bup to\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrLess();
}
