using System.Globalization;
using System.Text.RegularExpressions;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Tests.Inspections.Scoring;

/// <summary>
/// A template's problems reach a secrecy bureau's page: each message the loader reports is a key of the string tables
/// (the source test only finds literal keys), with its placeholders kept in the Chinese.
/// </summary>
public sealed partial class ScoreTemplateMessagesTests
{
    public static TheoryData<string> Problems => [.. ScoreTemplateProblems.All];

    [Theory]
    [MemberData(nameof(Problems))]
    public void Every_problem_the_loader_reports_has_a_Chinese_translation_with_the_same_placeholders(string message)
    {
        var chinese = new JsonStringTables().Find(message, new CultureInfo("zh-CN"));

        Assert.NotNull(chinese);
        Assert.Equal(Placeholders(message), Placeholders(chinese));
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();
}
