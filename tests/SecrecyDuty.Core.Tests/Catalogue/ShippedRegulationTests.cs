using SecrecyDuty.Core.Catalogue;

namespace SecrecyDuty.Core.Tests.Catalogue;

/// <summary>The regulation file shipped with the app (src/SecrecyDuty.Data/Regulations) holds the whole measure of docs/domain.md.</summary>
public sealed class ShippedRegulationTests
{
    private static readonly Lazy<RegulationLoadResult> Shipped = new(() =>
        RegulationLoader.Load(Path.Combine(RepositoryRoot(), "src", "SecrecyDuty.Data", "Regulations", "sd-leader-secrecy-responsibility-1.0.json")));

    private static RegulationDefinition Regulation
    {
        get
        {
            Assert.True(Shipped.Value.Succeeded, string.Join(Environment.NewLine, Shipped.Value.Problems));
            return Shipped.Value.Regulation!;
        }
    }

    [Fact]
    public void It_is_version_1_0_of_the_measure()
    {
        Assert.Equal(("sd-leader-secrecy-responsibility", "1.0"), (Regulation.Code, Regulation.Version));
        Assert.Equal("党政领导干部保密工作责任制实施办法", Regulation.Title);
        Assert.NotEmpty(Regulation.TitleEn);
    }

    [Fact]
    public void It_has_the_19_articles_of_the_measure_in_order()
    {
        var body = Regulation.Articles.Where(a => a.Part == ArticlePart.Body).ToList();

        Assert.Equal(Enumerable.Range(1, 19).Select(i => $"A{i}"), body.Select(a => a.Code));
        Assert.Equal(
            ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条", "第十条",
             "第十一条", "第十二条", "第十三条", "第十四条", "第十五条", "第十六条", "第十七条", "第十八条", "第十九条"],
            body.Select(a => a.Label));
        Assert.Equal("本办法自发布之日起施行。", body[18].Text);
        Assert.All(body, a => Assert.Equal("", a.Source));
    }

    [Fact]
    public void It_has_the_appendix_provisions_with_their_laws()
    {
        var appendix = Regulation.Articles.Where(a => a.Part == ArticlePart.Appendix).ToList();

        Assert.Equal(["SL31", "IM29", "IM30", "IM31", "IM32", "IM33", "IM34", "IM35", "PD109", "CL398"], appendix.Select(a => a.Code));
        Assert.Equal(
            ["《保密法》", "《保密法实施办法》", "《中国共产党纪律处分条例》", "《中华人民共和国刑法》"],
            appendix.Select(a => a.Source).Distinct());
        Assert.Equal("因泄露国家秘密所获取的非法收入,应当予以没收并上交国库。", appendix.Single(a => a.Code == "IM34").Text);
    }

    [Fact]
    public void Every_article_has_its_Chinese_text_and_an_English_summary()
    {
        Assert.All(Regulation.Articles, a =>
        {
            Assert.Contains(a.Text, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.Matches("^[A-Z][A-Za-z ,.;:'()\"0-9–-]{20,}", a.SummaryEn);
        });
    }

    [Theory]
    [InlineData(DutyHolder.EveryLeader, "C4", "A4", 10)]
    [InlineData(DutyHolder.PrincipalLeader, "P5", "A5", 3)]
    [InlineData(DutyHolder.SecrecyLeader, "S6", "A6", 11)]
    [InlineData(DutyHolder.OtherMember, "M7", "A7", 5)]
    public void Arts_4_to_7_give_the_duty_items_of_each_holder(DutyHolder holder, string prefix, string article, int count)
    {
        var items = Regulation.DutyItems.Where(d => d.Holder == holder).ToList();

        Assert.Equal(Enumerable.Range(1, count).Select(i => $"{prefix}.{i}"), items.Select(d => d.Code));
        Assert.All(items, d => Assert.Equal(article, d.Article));
    }

    [Fact]
    public void Art_5_the_briefing_is_due_at_least_once_a_year_one_each_half_year_expected()
    {
        var briefing = Regulation.DutyItems.Single(d => d.Code == "P5.3");

        Assert.Equal((1, 2), (briefing.MinimumPerYear, briefing.ExpectedPerYear));
    }

    [Fact]
    public void Art_6_member_meetings_are_due_at_least_twice_a_year()
    {
        var meetings = Regulation.DutyItems.Single(d => d.Code == "S6.5");

        Assert.Equal((2, (int?)null), (meetings.MinimumPerYear, meetings.ExpectedPerYear));
    }

    [Fact]
    public void Only_the_briefing_and_the_member_meetings_have_a_frequency() =>
        Assert.Equal(
            ["P5.3", "S6.5"],
            Regulation.DutyItems.Where(d => d.MinimumPerYear is not null || d.ExpectedPerYear is not null).Select(d => d.Code));

    [Fact]
    public void Art_6_names_nine_rule_areas()
    {
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"R{i}"), Regulation.RuleAreas.Select(r => r.Code));
        Assert.Equal("定密工作", Regulation.RuleAreas[0].Name);
        Assert.Equal("Classification", Regulation.RuleAreas[0].NameEn);
        Assert.All(Regulation.RuleAreas, r => Assert.Equal("A6", r.Article));
    }

    [Fact]
    public void Art_15_names_eight_deficiencies()
    {
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"D15.{i}"), Regulation.Deficiencies.Select(d => d.Code));
        Assert.All(Regulation.Deficiencies, d => Assert.Equal("A15", d.Article));
    }

    [Fact]
    public void It_has_every_sanction_rule_with_its_article()
    {
        Assert.Equal(
            [("R11", "A11"), ("R12", "A12"), ("R13", "A13"), ("R14", "A14"), ("R15", "A15"), ("R16a", "A16"), ("R16b", "A16"),
             ("IM30", "IM30"), ("IM31", "IM31"), ("IM32", "IM32"), ("IM33", "IM33"), ("IM34", "IM34"),
             ("PD109.1a", "PD109"), ("PD109.1b", "PD109"), ("PD109.2a", "PD109"), ("PD109.2b", "PD109"),
             ("CL398a", "CL398"), ("CL398b", "CL398")],
            Regulation.SanctionRules.Select(s => (s.Code, s.Article)));
    }

    [Theory]
    [InlineData("R13", "给予行政警告、记过或记大过处分", null)]
    [InlineData("R16a", "给予行政警告或记过处分", "有关领导干部是党员的,同时按照《中国共产党纪律处分条例》第一百零九条第二款的规定,给予相应的党纪处分")]
    [InlineData("R16b", "给予行政记过、记大过或者降级处分", "有关领导干部是党员的,同时按照《中国共产党纪律处分条例》第一百零九条第二款的规定,给予相应的党纪处分")]
    [InlineData("PD109.1a", null, "警告、严重警告或者撤销党内职务处分")]
    [InlineData("PD109.1b", null, "撤销党内职务、留党察看或者开除党籍处分")]
    [InlineData("PD109.2a", null, "对负有主要领导责任者,给予警告或者严重警告处分")]
    [InlineData("PD109.2b", null, "对负有主要领导责任者,给予撤销党内职务处分")]
    public void Sanction_ranges_follow_the_text(string code, string? administrative, string? party)
    {
        var rule = Regulation.SanctionRules.Single(s => s.Code == code);

        Assert.Equal((administrative, party), (rule.Administrative, rule.Party));
        Assert.Equal(administrative is null, rule.AdministrativeEn is null);
        Assert.Equal(party is null, rule.PartyEn is null);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "SecrecyDuty.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SecrecyDuty.sln not found above the test binaries.");
    }
}
