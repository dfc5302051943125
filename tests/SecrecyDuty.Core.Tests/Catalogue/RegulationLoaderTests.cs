using System.Text.Json.Nodes;
using SecrecyDuty.Core.Catalogue;

namespace SecrecyDuty.Core.Tests.Catalogue;

/// <summary>
/// Issue 3: loading rejects a malformed regulation file with a message naming the file, the path inside it
/// and the problem; every problem is reported, not just the first.
/// </summary>
public sealed class RegulationLoaderTests
{
    private const string File = "test-1.0.json";

    private static JsonObject Article(string code, string label) => new()
    {
        ["code"] = code,
        ["part"] = "Body",
        ["label"] = label,
        ["text"] = "各单位党政主要领导干部对本单位的保密工作负有总的领导责任。",
        ["summaryEn"] = "Principal leaders bear overall leadership responsibility.",
    };

    private static JsonObject DutyItem(string code, string article, string holder = "PrincipalLeader") => new()
    {
        ["code"] = code,
        ["article"] = article,
        ["holder"] = holder,
        ["text"] = "认真贯彻执行党和国家以及上级机关有关保密工作的方针、政策、指示、决定。",
        ["summaryEn"] = "Carry out the secrecy policies and decisions.",
    };

    /// <summary>A small valid file: two articles and an appendix provision, with one of every kind of item.</summary>
    private static JsonObject Valid()
    {
        var briefing = DutyItem("P5.3", "A1");
        briefing["minimumPerYear"] = 1;
        briefing["expectedPerYear"] = 2;
        var meetings = DutyItem("S6.5", "A2", "SecrecyLeader");
        meetings["minimumPerYear"] = 2;
        return new JsonObject
        {
            ["code"] = "test-measure",
            ["version"] = "1.0",
            ["title"] = "测试办法",
            ["titleEn"] = "Test measure",
            ["articles"] = new JsonArray(
                Article("A1", "第五条"),
                Article("A2", "第六条"),
                new JsonObject
                {
                    ["code"] = "IM35",
                    ["part"] = "Appendix",
                    ["source"] = "《保密法实施办法》",
                    ["label"] = "第三十五条",
                    ["text"] = "“泄露国家秘密”是指违反保密法律、法规和规章的下列行为之一:\n(一)使国家秘密被不应知悉者知悉的;",
                    ["summaryEn"] = "Definition of a leak.",
                }),
            ["dutyItems"] = new JsonArray(DutyItem("P5.1", "A1"), DutyItem("P5.2", "A1"), briefing, meetings),
            ["ruleAreas"] = new JsonArray(new JsonObject { ["code"] = "R1", ["article"] = "A2", ["name"] = "定密工作", ["nameEn"] = "Classification" }),
            ["deficiencies"] = new JsonArray(new JsonObject
            {
                ["code"] = "D15.2",
                ["article"] = "A2",
                ["text"] = "没有开展保密宣传教育,对保密工作没有督促、检查的。",
                ["summaryEn"] = "No secrecy education, no supervision or inspection.",
            }),
            ["sanctionRules"] = new JsonArray(
                new JsonObject
                {
                    ["code"] = "R11",
                    ["article"] = "A1",
                    ["condition"] = "履行保密工作领导职责不力,致使所在单位发生泄密事件",
                    ["conditionEn"] = "Failing leadership duties led to a leak",
                    ["administrative"] = "视情予以处理",
                    ["administrativeEn"] = "Dealt with as the circumstances warrant",
                },
                new JsonObject
                {
                    ["code"] = "PD109.1a",
                    ["article"] = "IM35",
                    ["condition"] = "泄露党和国家秘密,情节较轻",
                    ["conditionEn"] = "Leaked secrets, less serious",
                    ["party"] = "警告、严重警告或者撤销党内职务处分",
                    ["partyEn"] = "Warning, serious warning or removal from Party posts",
                }),
        };
    }

    private static RegulationLoadResult Load(JsonNode document) => RegulationLoader.Parse(File, document.ToJsonString());

    private static IReadOnlyList<RegulationFileProblem> Problems(JsonObject document) => Load(document).Problems;

    private static RegulationFileProblem OnlyProblem(JsonObject document)
    {
        var problems = Problems(document);
        Assert.True(problems.Count == 1, string.Join(Environment.NewLine, problems));
        Assert.Equal(File, problems[0].File);
        return problems[0];
    }

    private static JsonObject Item(JsonObject document, string list, int index) => document[list]![index]!.AsObject();

    [Fact]
    public void A_valid_file_loads_with_every_part()
    {
        var result = Load(Valid());

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        var regulation = result.Regulation!;
        Assert.Equal(("test-measure", "1.0", "测试办法"), (regulation.Code, regulation.Version, regulation.Title));
        Assert.Equal(["A1", "A2", "IM35"], regulation.Articles.Select(a => a.Code));
        Assert.Equal(ArticlePart.Appendix, regulation.Articles[2].Part);
        Assert.Equal("《保密法实施办法》", regulation.Articles[2].Source);
        Assert.Equal("", regulation.Articles[0].Source);
        Assert.Contains('\n', regulation.Articles[2].Text);
        var briefing = regulation.DutyItems.Single(d => d.Code == "P5.3");
        Assert.Equal(("A1", DutyHolder.PrincipalLeader, 1, 2), (briefing.Article, briefing.Holder, briefing.MinimumPerYear, briefing.ExpectedPerYear));
        var meetings = regulation.DutyItems.Single(d => d.Code == "S6.5");
        Assert.Equal((2, (int?)null), (meetings.MinimumPerYear, meetings.ExpectedPerYear));
        Assert.Null(regulation.DutyItems[0].MinimumPerYear);
        Assert.Equal("R1", Assert.Single(regulation.RuleAreas).Code);
        Assert.Equal("D15.2", Assert.Single(regulation.Deficiencies).Code);
        Assert.Equal(["R11", "PD109.1a"], regulation.SanctionRules.Select(s => s.Code));
        Assert.Null(regulation.SanctionRules[0].Party);
        Assert.Null(regulation.SanctionRules[1].Administrative);
    }

    [Fact]
    public void Invalid_JSON_is_reported_with_its_line_and_position()
    {
        var result = RegulationLoader.Parse(File, "{\n  \"code\": \"x\",\n  \"version\" \"1.0\"\n}");

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Regulation);
        Assert.Equal("$", problem.Path);
        Assert.StartsWith("is not valid JSON (line 3, position 13)", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_given_twice_is_invalid_JSON()
    {
        var json = Valid().ToJsonString().Replace("\"title\":", "\"title\":\"甲\",\"title\":", StringComparison.Ordinal);

        var problem = Assert.Single(RegulationLoader.Parse(File, json).Problems);

        Assert.StartsWith("is not valid JSON", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_object_is_rejected()
    {
        var problem = Assert.Single(RegulationLoader.Parse(File, "[]").Problems);

        Assert.Equal(("$", "must be an object, not an array"), (problem.Path, problem.Problem));
    }

    [Fact]
    public void A_missing_required_field_is_named_by_its_path()
    {
        var document = Valid();
        document.Remove("title");

        var problem = OnlyProblem(document);

        Assert.Equal(("$.title", "is missing"), (problem.Path, problem.Problem));
    }

    [Fact]
    public void A_missing_field_of_an_item_is_named_by_its_index()
    {
        var document = Valid();
        Item(document, "dutyItems", 1).Remove("text");

        Assert.Equal("$.dutyItems[1].text", OnlyProblem(document).Path);
    }

    [Fact]
    public void A_missing_list_is_rejected()
    {
        var document = Valid();
        document.Remove("deficiencies");

        var problem = OnlyProblem(document);

        Assert.Equal("$.deficiencies", problem.Path);
        Assert.StartsWith("is missing", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regulation_without_articles_is_rejected()
    {
        var document = Valid();
        document["articles"] = new JsonArray();
        document["dutyItems"] = new JsonArray();
        document["ruleAreas"] = new JsonArray();
        document["deficiencies"] = new JsonArray();
        document["sanctionRules"] = new JsonArray();

        var problem = OnlyProblem(document);

        Assert.Equal("$.articles", problem.Path);
        Assert.StartsWith("is empty", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_rejected()
    {
        var document = Valid();
        Item(document, "articles", 0)["label"] = 5;

        var problem = OnlyProblem(document);

        Assert.Equal(("$.articles[0].label", "must be a string, not a number"), (problem.Path, problem.Problem));
    }

    [Fact]
    public void An_item_that_is_not_an_object_is_rejected()
    {
        var document = Valid();
        document["ruleAreas"]!.AsArray()[0] = "R1";

        var problem = OnlyProblem(document);

        Assert.Equal(("$.ruleAreas[0]", "must be an object, not a string"), (problem.Path, problem.Problem));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_text_is_rejected(string text)
    {
        var document = Valid();
        Item(document, "articles", 1)["text"] = text;

        var problem = OnlyProblem(document);

        Assert.Equal(("$.articles[1].text", "is empty"), (problem.Path, problem.Problem));
    }

    [Fact]
    public void A_text_longer_than_its_column_is_rejected()
    {
        var document = Valid();
        Item(document, "ruleAreas", 0)["name"] = new string('制', RegulationLoader.RuleAreaNameMaxLength + 1);

        var problem = OnlyProblem(document);

        Assert.Equal(("$.ruleAreas[0].name", "is 201 characters long; at most 200 fit"), (problem.Path, problem.Problem));
    }

    [Fact]
    public void A_field_the_format_does_not_know_is_rejected()
    {
        var document = Valid();
        Item(document, "articles", 0)["summary"] = "typo of summaryEn";

        var problem = OnlyProblem(document);

        Assert.Equal("$.articles[0].summary", problem.Path);
        Assert.StartsWith("is not a field of this object", problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("1.0-beta")]
    [InlineData("1..0")]
    public void A_version_that_is_not_dotted_numbers_is_rejected(string version)
    {
        var document = Valid();
        document["version"] = version;

        Assert.Equal("$.version", OnlyProblem(document).Path);
    }

    [Theory]
    [InlineData("P 5.1")]
    [InlineData(".P5")]
    [InlineData("P5#1")]
    public void A_code_that_cannot_be_an_anchor_is_rejected(string code)
    {
        var document = Valid();
        Item(document, "dutyItems", 0)["code"] = code;

        Assert.Equal("$.dutyItems[0].code", OnlyProblem(document).Path);
    }

    [Fact]
    public void A_duplicate_code_is_rejected_and_the_first_use_named()
    {
        var document = Valid();
        Item(document, "dutyItems", 1)["code"] = "P5.1";

        var problem = OnlyProblem(document);

        Assert.Equal("$.dutyItems[1].code", problem.Path);
        Assert.Equal("duplicate code \"P5.1\": $.dutyItems[0].code has it already", problem.Problem);
    }

    [Fact]
    public void Item_codes_are_unique_across_the_item_lists_whatever_their_case()
    {
        var document = Valid();
        Item(document, "ruleAreas", 0)["code"] = "p5.1";

        var problem = OnlyProblem(document);

        Assert.Equal(("$.ruleAreas[0].code", "duplicate code \"p5.1\": $.dutyItems[0].code has it already"), (problem.Path, problem.Problem));
    }

    [Fact]
    public void An_article_code_is_unique_among_the_articles()
    {
        var document = Valid();
        document["articles"]!.AsArray().Add(Article("A1", "第七条"));

        Assert.Equal("$.articles[3].code", OnlyProblem(document).Path);
    }

    [Fact]
    public void A_sanction_rule_may_share_the_code_of_its_article()
    {
        var document = Valid();
        Item(document, "sanctionRules", 1)["code"] = "IM35";

        Assert.Empty(Problems(document));
    }

    [Fact]
    public void A_reference_to_an_unknown_article_is_rejected()
    {
        var document = Valid();
        Item(document, "dutyItems", 3)["article"] = "A44";

        var problem = OnlyProblem(document);

        Assert.Equal("$.dutyItems[3].article", problem.Path);
        Assert.Equal("refers to the article \"A44\", which is not among the file's articles", problem.Problem);
    }

    [Fact]
    public void An_article_reference_matches_the_code_exactly()
    {
        var document = Valid();
        Item(document, "dutyItems", 0)["article"] = "a1";

        Assert.Equal("$.dutyItems[0].article", OnlyProblem(document).Path);
    }

    [Theory]
    [InlineData("ruleAreas")]
    [InlineData("deficiencies")]
    [InlineData("sanctionRules")]
    public void Every_kind_of_item_must_refer_to_a_known_article(string list)
    {
        var document = Valid();
        Item(document, list, 0)["article"] = "A99";

        Assert.Equal($"$.{list}[0].article", OnlyProblem(document).Path);
    }

    [Theory]
    [InlineData("Everyone")]
    [InlineData("principalLeader")]
    [InlineData("1")]
    public void An_unknown_holder_is_rejected(string holder)
    {
        var document = Valid();
        Item(document, "dutyItems", 0)["holder"] = holder;

        var problem = OnlyProblem(document);

        Assert.Equal("$.dutyItems[0].holder", problem.Path);
        Assert.Equal($"\"{holder}\" is not one of EveryLeader, PrincipalLeader, SecrecyLeader, OtherMember", problem.Problem);
    }

    [Fact]
    public void An_unknown_part_is_rejected()
    {
        var document = Valid();
        Item(document, "articles", 0)["part"] = "Annex";

        var problem = OnlyProblem(document);

        Assert.Equal(("$.articles[0].part", "\"Annex\" is not one of Body, Appendix"), (problem.Path, problem.Problem));
    }

    [Fact]
    public void An_appendix_provision_must_name_its_law()
    {
        var document = Valid();
        Item(document, "articles", 2).Remove("source");

        var problem = OnlyProblem(document);

        Assert.Equal("$.articles[2].source", problem.Path);
        Assert.StartsWith("is missing", problem.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("minimumPerYear", -1)]
    [InlineData("expectedPerYear", -2)]
    [InlineData("minimumPerYear", 0)]
    public void A_frequency_below_once_a_year_is_rejected(string field, int times)
    {
        var document = Valid();
        Item(document, "dutyItems", 2)[field] = times;

        var problem = OnlyProblem(document);

        Assert.Equal($"$.dutyItems[2].{field}", problem.Path);
        Assert.StartsWith($"is {times}: a frequency is at least 1 a year", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fractional_frequency_is_rejected()
    {
        var document = Valid();
        Item(document, "dutyItems", 2)["expectedPerYear"] = 1.5;

        var problem = OnlyProblem(document);

        Assert.Equal(("$.dutyItems[2].expectedPerYear", "must be a whole number of times a year, not 1.5"), (problem.Path, problem.Problem));
    }

    [Theory]
    [InlineData(5, "is 5: the year divides into 1, 2, 3, 4, 6 or 12 equal periods")]
    [InlineData(4, "is 4, which does not divide expectedPerYear (2) into equal periods")]
    public void Practice_periods_must_divide_the_year_and_the_expected_count(int periods, string problemText)
    {
        var document = Valid();
        Item(document, "dutyItems", 2)["expectedPeriodsPerYear"] = periods;

        var problem = OnlyProblem(document);

        Assert.Equal(("$.dutyItems[2].expectedPeriodsPerYear", problemText), (problem.Path, problem.Problem));
    }

    [Fact]
    public void Practice_periods_need_an_expected_count()
    {
        var document = Valid();
        Item(document, "dutyItems", 3)["expectedPeriodsPerYear"] = 2;

        var problem = OnlyProblem(document);

        Assert.Equal(("$.dutyItems[3].expectedPeriodsPerYear", "needs expectedPerYear: the periods spread what the practice expects a year"), (problem.Path, problem.Problem));
    }

    [Fact]
    public void Quarterly_practice_loads_from_data()
    {
        var document = Valid();
        Item(document, "dutyItems", 2)["expectedPerYear"] = 4;
        Item(document, "dutyItems", 2)["expectedPeriodsPerYear"] = 4;

        var item = Load(document).Regulation!.DutyItems.Single(d => d.Code == "P5.3");

        Assert.Equal((1, 4, 4), (item.MinimumPerYear, item.ExpectedPerYear, item.ExpectedPeriodsPerYear));
    }

    [Fact]
    public void A_minimum_above_the_expected_frequency_is_rejected()
    {
        var document = Valid();
        Item(document, "dutyItems", 2)["minimumPerYear"] = 3;

        var problem = OnlyProblem(document);

        Assert.Equal("$.dutyItems[2].minimumPerYear", problem.Path);
        Assert.StartsWith("is 3, more than expectedPerYear (2)", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_minimum_equal_to_the_expected_frequency_is_valid()
    {
        var document = Valid();
        Item(document, "dutyItems", 2)["minimumPerYear"] = 2;

        Assert.Empty(Problems(document));
    }

    [Fact]
    public void A_sanction_rule_must_state_a_consequence()
    {
        var document = Valid();
        var rule = Item(document, "sanctionRules", 0);
        rule.Remove("administrative");
        rule.Remove("administrativeEn");

        var problem = OnlyProblem(document);

        Assert.Equal("$.sanctionRules[0]", problem.Path);
        Assert.StartsWith("states no consequence", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sanction_range_must_have_its_English()
    {
        var document = Valid();
        Item(document, "sanctionRules", 1).Remove("partyEn");

        Assert.Equal("$.sanctionRules[1].partyEn", OnlyProblem(document).Path);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var document = Valid();
        document.Remove("titleEn");
        Item(document, "articles", 1)["text"] = "";
        Item(document, "dutyItems", 0)["holder"] = "Nobody";
        Item(document, "dutyItems", 3)["article"] = "A44";
        Item(document, "sanctionRules", 1)["code"] = "R11";

        var result = Load(document);

        Assert.Null(result.Regulation);
        Assert.Equal(
            ["$.titleEn", "$.articles[1].text", "$.dutyItems[0].holder", "$.dutyItems[3].article", "$.sanctionRules[1].code"],
            result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void A_problem_reads_file_then_path_then_what_is_wrong()
    {
        var document = Valid();
        Item(document, "dutyItems", 3)["article"] = "A44";

        Assert.Equal(
            "test-1.0.json: $.dutyItems[3].article: refers to the article \"A44\", which is not among the file's articles",
            OnlyProblem(document).ToString());
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_reported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "regulation-1.0.json");

        var result = RegulationLoader.Load(path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("regulation-1.0.json", "$"), (problem.File, problem.Path));
        Assert.StartsWith("cannot be read", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exception_lists_every_problem()
    {
        var exception = new RegulationFileException([new("a.json", "$.title", "is missing"), new("b.json", "$", "is not valid JSON")]);

        Assert.Contains("a.json: $.title: is missing", exception.Message, StringComparison.Ordinal);
        Assert.Contains("b.json: $: is not valid JSON", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, exception.Problems.Count);
    }
}
