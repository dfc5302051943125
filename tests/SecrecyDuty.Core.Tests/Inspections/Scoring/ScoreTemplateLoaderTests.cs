using System.Text.Json.Nodes;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Tests.Inspections.Scoring;

/// <summary>
/// Issue 8: a checklist template is data, checked like the regulation catalogue. Loading a malformed file reports
/// every problem, each with the file, the JSON path inside it and what is wrong.
/// </summary>
public sealed class ScoreTemplateLoaderTests
{
    private const string File = "test-inspection-1.0.json";

    private static readonly ScoreTemplateReferences Catalogue =
        ScoreTemplateReferences.From(["P5.2", "S6.5", "S6.10", "R3"], ["D15.2", "D15.3", "D15.4", "D15.8"]);

    private static readonly Dictionary<string, Action<JsonObject>> Mutations = new()
    {
        ["missing title"] = d => d.Remove("title"),
        ["unknown top-level field"] = d => d["author"] = "市保密局",
        ["unknown item field"] = d => ItemOf(d, 0, 0)["weight"] = 1,
        ["blank text"] = d => ItemOf(d, 0, 0)["text"] = "  ",
        ["title too long"] = d => d["title"] = new string('甲', ScoreTemplateLoader.TitleMaxLength + 1),
        ["category code with a space"] = d => CategoryOf(d, 0)["code"] = "K 1",
        ["version not dotted numbers"] = d => d["version"] = "v1",
        ["points as a string"] = d => ItemOf(d, 0, 0)["points"] = "5",
        ["points 0"] = d => ItemOf(d, 0, 0)["points"] = 0,
        ["deduction per defect 0"] = d => ItemOf(d, 0, 0)["deductionPerDefect"] = 0,
        ["negative extra per occurrence"] = d => ItemOf(d, 0, 1)["extraPerOccurrence"] = -1,
        ["points with three decimals"] = d => ItemOf(d, 0, 0)["points"] = 5.125m,
        ["points over the maximum"] = d => ItemOf(d, 0, 0)["points"] = ScoreTemplateLoader.MaxPoints + 1,
        ["deduction per defect over the points"] = d => ItemOf(d, 0, 0)["deductionPerDefect"] = 6,
        ["veto not true or false"] = d => ItemOf(d, 0, 1)["veto"] = "是",
        ["unit kinds not a list"] = d => ItemOf(d, 0, 1)["unitKinds"] = "PartyOrgan",
        ["unknown unit kind"] = d => ItemOf(d, 0, 1)["unitKinds"] = new JsonArray("PartyOrgan", "Ministry"),
        ["repeated unit kind"] = d => ItemOf(d, 0, 1)["unitKinds"] = new JsonArray("PartyOrgan", "PartyOrgan"),
        ["item code repeated in another category"] = d => ItemOf(d, 1, 0)["code"] = "1.1",
        ["category code repeated in another case"] = d => CategoryOf(d, 1)["code"] = "k1",
        ["grade code repeated"] = d => GradeOf(d, 1)["code"] = "Conforming",
        ["grade minimum over 100"] = d => GradeOf(d, 0)["minimum"] = 100.5m,
        ["grade minimum with two decimals"] = d => GradeOf(d, 0)["minimum"] = 89.95m,
        ["grade bands overlapping at one minimum"] = d => GradeOf(d, 1)["minimum"] = 90,
        ["grade bands out of order"] = d => GradeOf(d, 1)["minimum"] = 95,
        ["grade bands not down to 0"] = d => GradeOf(d, 2)["minimum"] = 10,
        ["one grade band"] = d => d["grades"] = new JsonArray(Grade(0, "All")),
        ["eleven grade bands"] = d => d["grades"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => (JsonNode)Grade(100 - (i * 10), $"G{i}"))]),
        ["grades not a list"] = d => d["grades"] = new JsonObject(),
        ["no category"] = d => d["categories"] = new JsonArray(),
        ["category without items"] = d => CategoryOf(d, 0)["items"] = new JsonArray(),
        ["category not an object"] = d => d["categories"]![1] = "第二部分",
        ["missing deficiency code"] = d => ItemOf(d, 0, 0).Remove("deficiencyCode"),
        ["duty code not a code"] = d => ItemOf(d, 0, 0)["dutyCode"] = "S6.5/S6.6",
    };

    private static JsonObject CategoryOf(JsonObject document, int category) => document["categories"]![category]!.AsObject();

    private static JsonObject ItemOf(JsonObject document, int category, int item) => CategoryOf(document, category)["items"]![item]!.AsObject();

    private static JsonObject GradeOf(JsonObject document, int grade) => document["grades"]![grade]!.AsObject();

    private static JsonObject Grade(decimal minimum, string code) =>
        new() { ["minimum"] = minimum, ["code"] = code, ["label"] = code, ["labelEn"] = code };

    private static JsonObject Item(string code, string duty, string deficiency) => new()
    {
        ["code"] = code,
        ["text"] = "组织调查研究和保密检查，主持召开保密组织成员会议。",
        ["textEn"] = "Inspections are organized and member meetings chaired.",
        ["points"] = 5,
        ["deductionPerDefect"] = 2.5m,
        ["dutyCode"] = duty,
        ["deficiencyCode"] = deficiency,
    };

    /// <summary>Three bands and two categories; the second item uses every optional field.</summary>
    private static JsonObject Valid()
    {
        var veto = Item("1.2", "P5.2", "D15.3");
        veto["veto"] = true;
        veto["extraPerOccurrence"] = 1;
        veto["unitKinds"] = new JsonArray("PartyOrgan", "StateOrgan");
        var rules = Item("2.1", "R3", "D15.4");
        rules.Remove("dutyCode");
        return new JsonObject
        {
            ["code"] = "test-inspection",
            ["version"] = "1.0",
            ["title"] = "测试评分表",
            ["titleEn"] = "Test checklist",
            ["grades"] = new JsonArray(
                new JsonObject { ["minimum"] = 90, ["code"] = "Conforming", ["label"] = "符合要求", ["labelEn"] = "Conforming" },
                new JsonObject { ["minimum"] = 80, ["code"] = "BasicallyConforming", ["label"] = "基本符合要求", ["labelEn"] = "Basically conforming" },
                new JsonObject { ["minimum"] = 0, ["code"] = "NonConforming", ["label"] = "不符合要求", ["labelEn"] = "Non-conforming" }),
            ["categories"] = new JsonArray(
                new JsonObject { ["code"] = "K1", ["name"] = "第一部分", ["nameEn"] = "Part one", ["items"] = new JsonArray(Item("1.1", "S6.5", "D15.2"), veto) },
                new JsonObject { ["code"] = "K2", ["name"] = "第二部分", ["nameEn"] = "Part two", ["items"] = new JsonArray(rules) }),
        };
    }

    private static ScoreTemplateLoadResult Load(JsonNode document, ScoreTemplateReferences? references = null) =>
        ScoreTemplateLoader.Parse(File, document.ToJsonString(), references);

    [Fact]
    public void A_valid_file_loads_with_every_field()
    {
        var result = Load(Valid(), Catalogue);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        var template = result.Template!;
        Assert.Equal(("test-inspection", "1.0", "测试评分表", "Test checklist"), (template.Code, template.Version, template.Title, template.TitleEn));
        Assert.Equal([90m, 80m, 0m], template.Grades.Select(g => g.Minimum));
        Assert.Equal(["K1", "K2"], template.Categories.Select(c => c.Code));
        Assert.Equal(["1.1", "1.2", "2.1"], template.Items.Select(i => i.Code));
        var plain = template.Items[0];
        Assert.Equal((5m, 2.5m, 0m, false, "S6.5", "D15.2"), (plain.Points, plain.DeductionPerDefect, plain.ExtraPerOccurrence, plain.IsVeto, plain.DutyCode, plain.DeficiencyCode));
        Assert.Empty(plain.UnitKinds);
        var veto = template.Items[1];
        Assert.Equal((1m, true), (veto.ExtraPerOccurrence, veto.IsVeto));
        Assert.Equal([UnitKind.PartyOrgan, UnitKind.StateOrgan], veto.UnitKinds);
        Assert.Null(template.Items[2].DutyCode);
        Assert.Equal(15m, template.TotalPoints);
    }

    [Theory]
    [InlineData("missing title", "$.title", ScoreTemplateProblems.Missing)]
    [InlineData("unknown top-level field", "$.author", ScoreTemplateProblems.UnknownField)]
    [InlineData("unknown item field", "$.categories[0].items[0].weight", ScoreTemplateProblems.UnknownField)]
    [InlineData("blank text", "$.categories[0].items[0].text", ScoreTemplateProblems.Empty)]
    [InlineData("title too long", "$.title", ScoreTemplateProblems.TooLong)]
    [InlineData("category code with a space", "$.categories[0].code", ScoreTemplateProblems.NotCode)]
    [InlineData("version not dotted numbers", "$.version", ScoreTemplateProblems.NotVersion)]
    [InlineData("points as a string", "$.categories[0].items[0].points", ScoreTemplateProblems.WrongType)]
    [InlineData("points 0", "$.categories[0].items[0].points", ScoreTemplateProblems.NotPositive)]
    [InlineData("deduction per defect 0", "$.categories[0].items[0].deductionPerDefect", ScoreTemplateProblems.NotPositive)]
    [InlineData("negative extra per occurrence", "$.categories[0].items[1].extraPerOccurrence", ScoreTemplateProblems.Negative)]
    [InlineData("points with three decimals", "$.categories[0].items[0].points", ScoreTemplateProblems.TooManyDecimals)]
    [InlineData("points over the maximum", "$.categories[0].items[0].points", ScoreTemplateProblems.TooLarge)]
    [InlineData("deduction per defect over the points", "$.categories[0].items[0].deductionPerDefect", ScoreTemplateProblems.DeductionOverPoints)]
    [InlineData("veto not true or false", "$.categories[0].items[1].veto", ScoreTemplateProblems.WrongType)]
    [InlineData("unit kinds not a list", "$.categories[0].items[1].unitKinds", ScoreTemplateProblems.WrongType)]
    [InlineData("unknown unit kind", "$.categories[0].items[1].unitKinds[1]", ScoreTemplateProblems.NotUnitKind)]
    [InlineData("repeated unit kind", "$.categories[0].items[1].unitKinds[1]", ScoreTemplateProblems.RepeatedUnitKind)]
    [InlineData("item code repeated in another category", "$.categories[1].items[0].code", ScoreTemplateProblems.DuplicateCode)]
    [InlineData("category code repeated in another case", "$.categories[1].code", ScoreTemplateProblems.DuplicateCode)]
    [InlineData("grade code repeated", "$.grades[1].code", ScoreTemplateProblems.DuplicateCode)]
    [InlineData("grade minimum over 100", "$.grades[0].minimum", ScoreTemplateProblems.MinimumOutOfRange)]
    [InlineData("grade minimum with two decimals", "$.grades[0].minimum", ScoreTemplateProblems.TooManyDecimals)]
    [InlineData("grade bands overlapping at one minimum", "$.grades[1].minimum", ScoreTemplateProblems.GradesNotDescending)]
    [InlineData("grade bands out of order", "$.grades[1].minimum", ScoreTemplateProblems.GradesNotDescending)]
    [InlineData("grade bands not down to 0", "$.grades[2].minimum", ScoreTemplateProblems.GradesNotFromZero)]
    [InlineData("one grade band", "$.grades", ScoreTemplateProblems.TooFew)]
    [InlineData("eleven grade bands", "$.grades", ScoreTemplateProblems.TooMany)]
    [InlineData("grades not a list", "$.grades", ScoreTemplateProblems.WrongType)]
    [InlineData("no category", "$.categories", ScoreTemplateProblems.TooFew)]
    [InlineData("category without items", "$.categories[0].items", ScoreTemplateProblems.TooFew)]
    [InlineData("category not an object", "$.categories[1]", ScoreTemplateProblems.WrongType)]
    [InlineData("missing deficiency code", "$.categories[0].items[0].deficiencyCode", ScoreTemplateProblems.Missing)]
    [InlineData("duty code not a code", "$.categories[0].items[0].dutyCode", ScoreTemplateProblems.NotCode)]
    public void A_problem_is_reported_with_the_file_and_its_path(string mutation, string path, string message)
    {
        var document = Valid();
        Mutations[mutation](document);

        var result = Load(document, Catalogue);

        Assert.Null(result.Template);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((File, path, message), (problem.File, problem.Path, problem.Message));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var document = Valid();
        foreach (var mutation in new[] { "missing title", "points 0", "unknown unit kind", "grade bands not down to 0", "item code repeated in another category" })
        {
            Mutations[mutation](document);
        }

        var problems = Load(document, Catalogue).Problems;

        Assert.Equal(
            ["$.categories[0].items[0].points", "$.categories[0].items[1].unitKinds[1]", "$.categories[1].items[0].code", "$.grades[2].minimum", "$.title"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_problem_reads_as_file_path_and_what_is_wrong()
    {
        var document = Valid();
        Mutations["points 0"](document);

        var problem = Assert.Single(Load(document).Problems);

        Assert.Equal("is 0: it must be more than 0", problem.Problem);
        Assert.Equal("test-inspection-1.0.json: $.categories[0].items[0].points: is 0: it must be more than 0", problem.ToString());
    }

    [Fact]
    public void A_duplicate_code_names_where_it_was_first_given()
    {
        var document = Valid();
        Mutations["item code repeated in another category"](document);

        var problem = Assert.Single(Load(document).Problems);

        Assert.Equal("duplicate code \"1.1\": $.categories[0].items[0].code has it already", problem.Problem);
    }

    [Fact]
    public void Duty_and_deficiency_codes_must_be_in_the_catalogue_when_it_is_given()
    {
        var document = Valid();
        ItemOf(document, 0, 0)["dutyCode"] = "S6.12";
        ItemOf(document, 1, 0)["deficiencyCode"] = "D15.9";

        var problems = Load(document, Catalogue).Problems;

        Assert.Equal(
            [("$.categories[0].items[0].dutyCode", ScoreTemplateProblems.UnknownDutyCode, "S6.12"), ("$.categories[1].items[0].deficiencyCode", ScoreTemplateProblems.UnknownDeficiencyCode, "D15.9")],
            problems.Select(p => (p.Path, p.Message, p.Arguments[0])));
        Assert.True(Load(document).Succeeded, "Without the catalogue only the form of a code is checked.");
    }

    [Fact]
    public void More_items_in_all_than_fit_are_rejected_even_when_each_category_is_within_bounds()
    {
        var document = Valid();
        CategoryOf(document, 0)["items"] = new JsonArray([.. Enumerable.Range(1, ScoreTemplateLoader.MaxItems).Select(i => (JsonNode)Item($"1.{i}", "S6.5", "D15.2"))]);

        var problem = Assert.Single(Load(document, Catalogue).Problems);

        Assert.Equal(("$.categories", ScoreTemplateProblems.TooManyItems), (problem.Path, problem.Message));
        Assert.Equal(["501", "500"], problem.Arguments);
    }

    [Fact]
    public void Invalid_JSON_is_reported_with_its_line_and_position()
    {
        var problem = Assert.Single(ScoreTemplateLoader.Parse(File, "{\n  \"code\": \"x\",\n  \"version\" \"1.0\"\n}").Problems);

        Assert.Equal(("$", ScoreTemplateProblems.NotJson), (problem.Path, problem.Message));
        Assert.StartsWith("is not valid JSON (line 3, position 13)", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_given_twice_is_invalid_JSON()
    {
        var json = Valid().ToJsonString().Replace("\"title\":", "\"title\":\"甲\",\"title\":", StringComparison.Ordinal);

        Assert.Equal(ScoreTemplateProblems.NotJson, Assert.Single(ScoreTemplateLoader.Parse(File, json).Problems).Message);
    }

    [Fact]
    public void A_file_that_is_not_an_object_is_rejected()
    {
        var problem = Assert.Single(ScoreTemplateLoader.Parse(File, "[]").Problems);

        Assert.Equal(("$", "must be a JSON object, not array"), (problem.Path, problem.Problem));
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_reported_by_its_name()
    {
        var result = ScoreTemplateLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid(), "missing-1.0.json"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("missing-1.0.json", "$", ScoreTemplateProblems.CannotRead), (problem.File, problem.Path, problem.Message));
    }
}
