using System.Text.RegularExpressions;
using SecrecyDuty.Web.Operations;

namespace SecrecyDuty.Web.Tests.Operations;

/// <summary>The <c>guidance</c> command of docs/sanction-guidance.md, run in-process on strings.</summary>
public sealed partial class GuidanceCommandTests
{
    private const string Valid = """
        { "leaked": true, "classification": "Secret", "severity": "Minor", "loss": "None",
          "persons": [ { "id": "p1", "role": "OtherTeamMember", "involvement": "PersonalLeak", "partyMember": true } ] }
        """;

    private static (int Code, string Output, string Error) Run(string input)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = GuidanceCommand.Run(new StringReader(input), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_documented_examples_answer_as_documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "sanction-guidance.md"));
        var blocks = JsonBlock().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 4, "docs/sanction-guidance.md should hold at least two examples, each an input and an output");

        for (var i = 0; i + 1 < blocks.Count; i += 2)
        {
            var (code, output, error) = Run(blocks[i]);
            Assert.True(code == 0, error);
            Assert.Equal(Normalize(blocks[i + 1]), Normalize(output));
        }
    }

    [Fact]
    public void A_valid_case_writes_guidance_and_exits_0()
    {
        var (code, output, error) = Run(Valid);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("\"code\": \"R12\"", output, StringComparison.Ordinal);
        Assert.Contains("\"adjustment\": \"MayWaive\"", output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        { "unknown field", Valid.Replace("\"partyMember\": true", "\"partyMember\": true, \"colour\": \"red\"", StringComparison.Ordinal), "colour" },
        { "unknown top-level field", Valid.Replace("\"leaked\": true", "\"leaked\": true, \"unit\": \"SF\"", StringComparison.Ordinal), "unit" },
        { "missing required field", Valid.Replace("\"classification\": \"Secret\", ", "", StringComparison.Ordinal), "classification" },
        { "missing required person field", Valid.Replace(", \"partyMember\": true", "", StringComparison.Ordinal), "partyMember" },
        { "bad enum value", Valid.Replace("\"OtherTeamMember\"", "\"Boss\"", StringComparison.Ordinal), "$.persons[0].role" },
        { "enum value in another casing", Valid.Replace("\"Secret\"", "\"secret\"", StringComparison.Ordinal), "$.classification" },
        { "enum value as a number", Valid.Replace("\"Minor\"", "1", StringComparison.Ordinal), "$.severity" },
        { "null for a required field", Valid.Replace("\"p1\"", "null", StringComparison.Ordinal), "id" },
        { "not JSON", "leaked", "$" },
        { "unknown deficiency", Valid.Replace("\"loss\": \"None\"", "\"loss\": \"None\", \"linkedDeficiencies\": [\"D99\"]", StringComparison.Ordinal), "$.linkedDeficiencies[0]" },
        { "related person missing", Valid.Replace("\"PersonalLeak\"", "\"RelatedPersonLeak\"", StringComparison.Ordinal), "$.persons[0].relatedPerson" },
        { "leak involvement without a leak", Valid.Replace("\"leaked\": true", "\"leaked\": false", StringComparison.Ordinal), "$.persons[0].involvement" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_case_exits_2_naming_the_field(string what, string input, string field)
    {
        var (code, output, error) = Run(input);

        Assert.True(code == 2, $"{what}: exit {code}");
        Assert.Equal("", output);
        Assert.Contains(field, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_is_dispatched_by_its_name_before_the_host_is_built()
    {
        Assert.True(GuidanceCommand.IsCommand(["guidance"]));
        Assert.False(GuidanceCommand.IsCommand(["migrate"]));
        Assert.False(GuidanceCommand.IsCommand([]));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SecrecyDuty.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SecrecyDuty.sln not found above the test folder.");
    }
}
