using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Catalogue;

/// <summary>Issue 3: a Regulation page shows the articles, each duty item linked to its article, searchable, in both languages.</summary>
public sealed class RegulationPageTests
{
    private static async Task<HttpClient> SignedInAsync(TestApp app, string role = Roles.UnitLeader)
    {
        await app.Province()
            .WithUnit("P", "示范省")
            .WithAccount("reader", role, "P")
            .BuildAsync();
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "reader");
        return client;
    }

    private static List<string> ArticleCodes(IHtmlDocument page, string section = "") =>
        [.. page.QuerySelectorAll($"{section} article.regulation-article").Select(a => a.GetAttribute("data-code")!)];

    private static IElement ById(IHtmlDocument page, string id) =>
        page.QuerySelector($"[id='{id}']") ?? throw new InvalidOperationException($"No element with id {id}.");

    [Fact]
    public async Task The_page_shows_the_19_articles_and_the_appendix_in_Chinese_with_English_summaries()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation");

        Assert.Equal("党政领导干部保密工作责任制实施办法", page.QuerySelector("#regulation-title")!.TextContent);
        Assert.Contains("版本 1.0", page.QuerySelector("#regulation-version")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, 19).Select(i => $"A{i}"), ArticleCodes(page, "#body-articles"));
        Assert.Equal(["SL31", "IM29", "IM30", "IM31", "IM32", "IM33", "IM34", "IM35", "PD109", "CL398"], ArticleCodes(page, "#appendix"));
        Assert.Equal(
            ["《保密法》", "《保密法实施办法》", "《中国共产党纪律处分条例》", "《中华人民共和国刑法》"],
            page.QuerySelectorAll("#appendix .appendix-source > h3").Select(h => h.TextContent));

        var art5 = ById(page, "article-A5");
        Assert.Equal("第五条", art5.QuerySelector(".article-label")!.TextContent);
        Assert.StartsWith("各单位党政主要领导干部对本单位的保密工作负有总的领导责任", art5.QuerySelector(".article-text")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("overall leadership responsibility", art5.QuerySelector(".article-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, art5.QuerySelectorAll(".article-text p").Length);
        var im34 = ById(page, "article-IM34");
        Assert.Equal("因泄露国家秘密所获取的非法收入,应当予以没收并上交国库。", im34.QuerySelector(".article-text")!.TextContent.Trim());
        Assert.All(page.QuerySelectorAll("article.regulation-article"), a => Assert.NotEmpty(a.QuerySelector(".article-summary")!.TextContent));
        Assert.Null(page.QuerySelector("#version-picker"));
    }

    [Fact]
    public async Task Every_item_has_its_code_as_an_anchor_under_its_article()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation");

        var items = page.QuerySelectorAll(".catalogue-item").ToList();
        Assert.Equal(29 + 9 + 8 + 18, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(1, 10).Select(i => $"C4.{i}"),
            ById(page, "article-A4").QuerySelectorAll(".duty-item").Select(i => i.Id));
        Assert.Equal(["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"], ById(page, "article-A6").QuerySelectorAll(".rule-area").Select(i => i.Id));
        Assert.Equal(8, ById(page, "article-A15").QuerySelectorAll(".deficiency").Length);
        Assert.Equal(["R16a", "R16b"], ById(page, "article-A16").QuerySelectorAll(".sanction-rule").Select(i => i.Id));
        Assert.Equal(["PD109.1a", "PD109.1b", "PD109.2a", "PD109.2b"], ById(page, "article-PD109").QuerySelectorAll(".sanction-rule").Select(i => i.Id));

        // A sanction rule may share its article's code: each has its own anchor.
        Assert.Equal("sanction-rule", ById(page, "IM30").ClassList.First(c => c.EndsWith("rule", StringComparison.Ordinal)));
        Assert.Equal("IM30", ById(page, "article-IM30").GetAttribute("data-code"));
    }

    [Fact]
    public async Task A_duty_item_is_linked_to_its_article()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation");

        var item = ById(page, "C4.1");
        Assert.Equal("article-A4", item.Closest("article")!.Id);
        var link = item.QuerySelector(".article-link")!;
        Assert.Equal(("#article-A4", "第四条"), (link.GetAttribute("href"), link.TextContent));
        Assert.Equal("不泄露党和国家秘密。", item.QuerySelector(".item-text")!.TextContent);
        Assert.Equal("Do not disclose Party or State secrets.", item.QuerySelector(".item-summary")!.TextContent);
        Assert.Equal("全体领导干部", item.QuerySelector(".holder")!.TextContent);
        Assert.Equal("#C4.1", item.QuerySelector(".item-code")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Frequencies_are_shown_with_their_items()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation");

        var briefing = ById(page, "P5.3");
        Assert.Equal("1", briefing.QuerySelector("[data-minimum]")!.GetAttribute("data-minimum"));
        Assert.Equal("每年至少 1 次", briefing.QuerySelector("[data-minimum]")!.TextContent);
        Assert.Equal("本省做法：每年 2 次", briefing.QuerySelector("[data-expected]")!.TextContent);
        Assert.Equal("党政主要领导", briefing.QuerySelector(".holder")!.TextContent);
        var meetings = ById(page, "S6.5");
        Assert.Equal("每年至少 2 次", meetings.QuerySelector("[data-minimum]")!.TextContent);
        Assert.Null(meetings.QuerySelector("[data-expected]"));
        Assert.Single(page.QuerySelectorAll("[data-expected]"));
    }

    [Fact]
    public async Task Sanction_rules_show_the_condition_and_ranges_in_both_languages()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation");

        var rule = ById(page, "R16b");
        Assert.Contains("重大损失", rule.QuerySelector(".sanction-condition")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("给予行政记过、记大过或者降级处分", rule.QuerySelector(".sanction-administrative")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Demerit, major demerit or demotion", rule.QuerySelector(".sanction-administrative")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("PD109.2a", rule.QuerySelector(".sanction-party")!.TextContent, StringComparison.Ordinal);
        Assert.Null(ById(page, "PD109.1a").QuerySelector(".sanction-administrative"));
    }

    [Fact]
    public async Task Search_narrows_the_list_to_the_matching_articles()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation?q=" + Uri.EscapeDataString("述职"));

        Assert.Equal(["A9"], ArticleCodes(page));
        Assert.Equal("述职", page.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Contains("与“述职”匹配的条文共 1 条。", page.QuerySelector("#search-result")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#appendix"));
    }

    [Theory]
    [InlineData("solve major problems")]
    [InlineData("SOLVE MAJOR PROBLEMS")]
    public async Task Search_in_English_shows_only_the_matching_item_under_its_article(string term)
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation?q=" + Uri.EscapeDataString(term));

        Assert.Equal(["A5"], ArticleCodes(page));
        Assert.Equal(["P5.3"], page.QuerySelectorAll(".catalogue-item").Select(i => i.Id));
    }

    [Fact]
    public async Task Search_by_code_finds_the_item()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation?q=d15.5");

        Assert.Equal(["A15"], ArticleCodes(page));
        Assert.Equal(["D15.5"], page.QuerySelectorAll(".catalogue-item").Select(i => i.Id));
    }

    [Fact]
    public async Task An_article_that_matches_keeps_all_its_items()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation?q=" + Uri.EscapeDataString("第一百零九条"));

        Assert.Contains("PD109", ArticleCodes(page));
        Assert.Equal(4, ById(page, "article-PD109").QuerySelectorAll(".sanction-rule").Length);
    }

    [Fact]
    public async Task A_search_without_matches_says_so()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation?q=" + Uri.EscapeDataString("量子通信100%"));

        Assert.Empty(ArticleCodes(page));
        Assert.Contains("没有与“量子通信100%”匹配的内容。", page.QuerySelector("#search-result")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#show-all"));
    }

    [Fact]
    public async Task In_English_the_page_chrome_changes_and_the_regulation_stays_as_stored()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        var page = await TestApp.GetDocumentAsync(client, "/Regulation?culture=en");

        Assert.Equal("Regulation", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Version 1.0", page.QuerySelector("#regulation-version")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Articles of the measure", page.QuerySelector("#body-articles h2")!.TextContent);
        var item = ById(page, "P5.3");
        Assert.Equal("Principal leader", item.QuerySelector(".holder")!.TextContent);
        Assert.Equal("At least 1 a year", item.QuerySelector("[data-minimum]")!.TextContent);
        Assert.StartsWith("适时(每年至少1—2次)听取保密组织的情况汇报", item.QuerySelector(".item-text")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Hear the secrecy organization's report", item.QuerySelector(".item-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.SecrecyOfficer)]
    [InlineData(Roles.DisciplineOfficial)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.UnitLeader)]
    public async Task Every_signed_in_role_reads_the_regulation(string role)
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app, role);

        var response = await client.GetAsync("/Regulation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(29, ArticleCodes(await TestApp.ParseAsync(response)).Count);
    }

    [Fact]
    public async Task Without_signing_in_the_regulation_is_not_shown()
    {
        using var app = TestApp.Rent();

        var response = await app.CreateBrowserClient().GetAsync("/Regulation");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_that_is_not_loaded_is_not_found()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Regulation?code=sd-leader-secrecy-responsibility&version=9.9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Regulation?code=no-such-regulation")).StatusCode);
    }

    [Fact]
    public async Task With_two_versions_the_newest_is_shown_and_the_picker_opens_the_older()
    {
        using var app = TestApp.Rent();
        var client = await SignedInAsync(app);
        var folder = Directory.CreateDirectory(Path.Combine(app.DataDirectory, "regulations")).FullName;
        var revised = JsonNode.Parse(File.ReadAllText(Path.Combine(CatalogueSeeder.DefaultDirectory, "sd-leader-secrecy-responsibility-1.0.json")))!.AsObject();
        revised["version"] = "2.0";
        revised["title"] = "党政领导干部保密工作责任制实施办法（修订）";
        revised["articles"]![18]!["text"] = "本办法自2027年1月1日起施行。";
        File.WriteAllText(Path.Combine(folder, "sd-leader-secrecy-responsibility-2.0.json"), revised.ToJsonString());
        await app.InScopeAsync(sp => sp.GetRequiredService<CatalogueSeeder>().SeedAsync(folder));

        var current = await TestApp.GetDocumentAsync(client, "/Regulation");

        Assert.Equal("党政领导干部保密工作责任制实施办法（修订）", current.QuerySelector("#regulation-title")!.TextContent);
        Assert.Equal("本办法自2027年1月1日起施行。", ById(current, "article-A19").QuerySelector(".article-text")!.TextContent.Trim());
        Assert.Contains("现行版本", current.QuerySelector("#regulation-version")!.TextContent, StringComparison.Ordinal);
        var links = current.QuerySelectorAll("#version-picker a").ToList();
        Assert.Equal(2, links.Count);
        Assert.Equal("page", links[0].GetAttribute("aria-current"));
        Assert.Contains("2.0", links[0].TextContent, StringComparison.Ordinal);

        var older = await TestApp.GetDocumentAsync(client, links[1].GetAttribute("href")!);

        Assert.Equal("党政领导干部保密工作责任制实施办法", older.QuerySelector("#regulation-title")!.TextContent);
        Assert.Contains("旧版本", older.QuerySelector("#regulation-version")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("本办法自发布之日起施行。", ById(older, "article-A19").QuerySelector(".article-text")!.TextContent.Trim());

        // A search stays within the version shown.
        var form = older.QuerySelector("#regulation-search")!;
        Assert.Equal("1.0", form.QuerySelector("input[name=version]")!.GetAttribute("value"));
        var search = await TestApp.GetDocumentAsync(client, "/Regulation?code=sd-leader-secrecy-responsibility&version=1.0&q=" + Uri.EscapeDataString("发布之日"));
        Assert.Equal(["A19"], ArticleCodes(search));
    }
}
