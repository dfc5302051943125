using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Appraisals.AppraisalTestData;

namespace SecrecyDuty.Web.Tests.Appraisals;

/// <summary>The appraisal as an A4 document: the leader, postings, checklists and activities of the year, the appraisal.</summary>
public sealed class AppraisalPrintTests
{
    /// <summary>
    /// 张教 in 2026: principal leader of the bureau all year and, from July, leader in charge of secrecy work of a
    /// second unit; a reviewed checklist; two activities attended, one he did not attend, one of last year.
    /// </summary>
    private static async Task<AppraisalProvince> DocumentedYearAsync(TestApp app)
    {
        var p = await AppraisalProvince.CreateAsync(app);
        await app.Province()
            .WithUnit("SF-QS-BMJ", "青山市国家保密局", parent: p.City)
            .WithPosting(p.Zhang, PostingRole.SecrecyLeader, new DateOnly(2026, 7, 1), to: new DateOnly(2026, 10, 31), unit: "SF-QS-BMJ", title: "兼任副局长", portfolio: "保密技术", key: "second")
            .WithChecklist(
                p.ZhangPosting,
                AppraisalProvince.Year,
                ChecklistStatus.Reviewed,
                "清单逐项落实，审核通过。",
                ("C4.1", ChecklistItemStatus.Fulfilled, "严格遵守保密守则", null),
                ("P5.2", ChecklistItemStatus.InProgress, "保密办人员正在充实", null),
                ("P5.3", ChecklistItemStatus.NotApplicable, null, "年内调整分工"))
            .WithActivity(p.Bureau, ActivityKind.Briefing, new DateOnly(2026, 3, 16), "2026年上半年保密工作汇报会", p.ZhangPosting, p.LiPosting)
            .WithActivity(p.Bureau, ActivityKind.MemberMeeting, new DateOnly(2026, 6, 20), "保密委员会第一次全体会议", p.LiPosting)
            .WithActivity("SF-QS-BMJ", ActivityKind.Training, new DateOnly(2026, 9, 8), "全市保密干部培训班", "second")
            .WithActivity(p.Bureau, ActivityKind.Briefing, new DateOnly(2025, 9, 1), "2025年下半年保密工作汇报会", p.ZhangPosting)
            .BuildAsync();
        await app.AddAppraisalAsync(p.Zhang, p.Bureau, opinion: "该同志认真履行第一责任人职责。", grade: AppraisalGrade.Excellent, finalized: true, dutyReport: "全年听取保密工作汇报两次。");
        return p;
    }

    [Fact]
    public async Task The_print_view_holds_the_title_the_leader_each_posting_the_checklist_the_activities_attended_the_opinion_and_the_grade()
    {
        using var app = TestApp.Rent();
        var p = await DocumentedYearAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);

        var doc = await TestApp.GetDocumentAsync(client, PrintUrl(p.Zhang));

        Assert.Equal("2026年度领导干部履行保密工作责任制情况考核表", doc.QuerySelector("#doc-title")!.TextContent);
        Assert.Equal("张教", doc.QuerySelector("#doc-leader-name")!.TextContent);
        var postings = doc.QuerySelectorAll(".doc-posting").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Equal(["青山市教育局|主要领导|局长|—|2023年2月1日至今", "青山市国家保密局|分管保密工作的领导|兼任副局长|保密技术|2026年7月1日至2026年10月31日"], postings);

        var items = doc.QuerySelectorAll(".doc-checklist-item")
            .Select(r => (Code: r.GetAttribute("data-code"), Status: Collapse(r.QuerySelector(".item-status")!.TextContent)))
            .ToList();
        Assert.Equal([("C4.1", "已落实"), ("P5.2", "进行中"), ("P5.3", "不适用 理由：年内调整分工")], items);
        Assert.Contains("不泄露党和国家秘密", doc.QuerySelector(".doc-checklist-item[data-code='C4.1']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("清单状态：已审核", doc.QuerySelector(".doc-checklist-status")!.TextContent);
        Assert.Equal("清单逐项落实，审核通过。", doc.QuerySelector(".doc-checklist-opinion")!.TextContent);

        var activities = doc.QuerySelectorAll(".doc-activity").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent))).ToList();
        Assert.Equal(["2026年3月16日|听取保密组织的情况汇报|2026年上半年保密工作汇报会|青山市教育局", "2026年9月8日|保密宣传教育培训|全市保密干部培训班|青山市国家保密局"], activities);
        var counts = doc.QuerySelectorAll("#doc-unit-counts tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(["青山市教育局|2026年1月1日至2026年12月31日|1|1", "青山市国家保密局|2026年7月1日至2026年10月31日|0|0"], counts);

        Assert.Equal("全年听取保密工作汇报两次。", doc.QuerySelector("#doc-duty-report")!.TextContent);
        Assert.Equal("该同志认真履行第一责任人职责。", doc.QuerySelector("#doc-opinion")!.TextContent);
        Assert.Equal("☑ 优秀", doc.QuerySelector("#doc-grade .grade.chosen")!.TextContent);
        Assert.Contains("单位保密组织（盖章）", doc.QuerySelector("#doc-signatures")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("考核部门（组织人事部门）（盖章）", doc.QuerySelector("#doc-signatures")!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("#draft-mark"));
    }

    [Fact]
    public async Task The_print_view_has_its_own_layout_without_navigation_and_a_print_button()
    {
        using var app = TestApp.Rent();
        var p = await DocumentedYearAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);

        var doc = await TestApp.GetDocumentAsync(client, PrintUrl(p.Zhang));

        Assert.Null(doc.QuerySelector("nav"));
        Assert.Null(doc.QuerySelector(".navbar"));
        Assert.Null(doc.QuerySelector("#culture-form"));
        Assert.NotNull(doc.QuerySelector("#print-button"));
        Assert.Contains(doc.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.StartsWith("/css/print.css", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_print_view_is_in_Chinese_by_default_whatever_the_browser_asks_for()
    {
        using var app = TestApp.Rent();
        var p = await DocumentedYearAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var doc = await TestApp.GetDocumentAsync(client, PrintUrl(p.Zhang));

        Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("张教 · 2026年度领导干部履行保密工作责任制情况考核表", doc.Title);
        Assert.Equal("依据《党政领导干部保密工作责任制实施办法》第九条、第十条", doc.QuerySelector(".doc-basis")!.TextContent);
        Assert.Equal(["基本情况", "本年度任职情况", "本年度保密工作职责清单履行情况", "本年度参加保密工作活动情况", "本年度涉及本人的限期整改事项", "个人述职报告中履行保密工作责任制情况", "单位保密组织意见及考核结果"], doc.QuerySelectorAll(".doc-section > h2").Select(h => h.TextContent));
    }

    [Fact]
    public async Task The_print_view_follows_the_chosen_language()
    {
        using var app = TestApp.Rent();
        var p = await DocumentedYearAsync(app);
        var client = await app.SignedInAsAsync("officer", Roles.SecrecyOfficer, p.City);
        var form = await TestApp.GetFormAsync(client, "/Appraisals", "#culture-form");
        await client.PostAsync("/Culture", form.With(("culture", "en")).ToContent());

        var doc = await TestApp.GetDocumentAsync(client, PrintUrl(p.Zhang));

        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("2026 appraisal of a leading cadre's performance of the secrecy work responsibility system", doc.QuerySelector("#doc-title")!.TextContent);
        Assert.Contains("Do not disclose Party or State secrets.", doc.QuerySelector(".doc-checklist-item[data-code='C4.1']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("☑ Excellent", doc.QuerySelector("#doc-grade .grade.chosen")!.TextContent);
    }

    [Fact]
    public async Task A_draft_is_marked_as_such_and_says_what_is_missing()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        var client = await app.SignedInAsync("li");

        var doc = await TestApp.GetDocumentAsync(client, PrintUrl(p.Li));

        Assert.Equal("草稿：本考核尚未定稿", doc.QuerySelector("#draft-mark")!.TextContent);
        Assert.Equal("2026年度无职责清单记录。", doc.QuerySelector("#no-checklists")!.TextContent);
        Assert.Equal("2026年度无参加已登记活动的记录。", doc.QuerySelector("#no-activities")!.TextContent);
        Assert.Equal("2026年度无涉及本人的限期整改事项。", doc.QuerySelector("#no-rectification-orders")!.TextContent);
        Assert.Null(doc.QuerySelector("#doc-rectification-orders"));
        Assert.Equal("尚未提出", doc.QuerySelector("#doc-opinion")!.TextContent);
        Assert.Null(doc.QuerySelector("#doc-grade .grade.chosen"));
    }

    /// <summary>
    /// 青山市财政局 changed principal leaders on 1 November 2026: 赵前 held the post until 31 October, 钱新 from 1 November.
    /// The unit heard a briefing on 15 October (赵前 attended) and on 20 November (钱新 attended), and held a member
    /// meeting in March. A training on 10 October was recorded with 钱新's posting among the attendees (the posting's
    /// start was corrected afterwards): it is still before he took office.
    /// </summary>
    private static async Task<(AppraisalProvince P, int Predecessor, int Successor)> ChangeOfPrincipalAsync(TestApp app)
    {
        var p = await AppraisalProvince.CreateAsync(app);
        var finance = await app.Province()
            .WithUnit("SF-QS-CZJ", "青山市财政局", parent: p.City)
            .WithLeader("赵前", "SF-QS-CZJ", "QS-020", LeaderRank.CountyDivision)
            .WithLeader("钱新", "SF-QS-CZJ", "QS-021", LeaderRank.CountyDivision)
            .WithPosting("赵前", PostingRole.PrincipalLeader, new DateOnly(2020, 1, 1), to: new DateOnly(2026, 10, 31), title: "局长")
            .WithPosting("钱新", PostingRole.PrincipalLeader, new DateOnly(2026, 11, 1), title: "局长")
            .WithActivity("SF-QS-CZJ", ActivityKind.MemberMeeting, new DateOnly(2026, 3, 5), "保密委员会全体会议")
            .WithActivity("SF-QS-CZJ", ActivityKind.Training, new DateOnly(2026, 10, 10), "保密教育培训", "赵前", "钱新")
            .WithActivity("SF-QS-CZJ", ActivityKind.Briefing, new DateOnly(2026, 10, 15), "三季度保密工作汇报会", "赵前")
            .WithActivity("SF-QS-CZJ", ActivityKind.Briefing, new DateOnly(2026, 11, 20), "新任局长听取保密工作汇报", "钱新")
            .BuildAsync();
        var (predecessor, successor) = (finance.Leader("赵前"), finance.Leader("钱新"));
        return (p, predecessor, successor);
    }

    private static List<string> Rows(AngleSharp.Html.Dom.IHtmlDocument doc, string selector) =>
        [.. doc.QuerySelectorAll(selector).Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))];

    [Fact]
    public async Task Art9_appraisal_of_a_leader_who_took_office_on_1_November_counts_from_1_November()
    {
        using var app = TestApp.Rent();
        var (p, _, successor) = await ChangeOfPrincipalAsync(app);
        var client = await app.SignedInAsAsync("cadre", Roles.CadreOfficial, p.City);

        var doc = await TestApp.GetDocumentAsync(client, PrintUrl(successor));

        // The October briefing and training were his predecessor's months: neither counts, the November briefing does.
        Assert.Equal(["2026年11月20日|听取保密组织的情况汇报|新任局长听取保密工作汇报|青山市财政局"], Rows(doc, ".doc-activity"));
        Assert.Equal(["青山市财政局|2026年11月1日至2026年12月31日|1|0"], Rows(doc, "#doc-unit-counts tbody tr"));
    }

    [Fact]
    public async Task The_appraisal_of_a_leader_whose_posting_ended_on_31_October_counts_until_31_October()
    {
        using var app = TestApp.Rent();
        var (p, predecessor, _) = await ChangeOfPrincipalAsync(app);
        var client = await app.SignedInAsAsync("cadre", Roles.CadreOfficial, p.City);

        var doc = await TestApp.GetDocumentAsync(client, PrintUrl(predecessor));

        Assert.Equal(
            ["2026年10月10日|保密宣传教育培训|保密教育培训|青山市财政局", "2026年10月15日|听取保密组织的情况汇报|三季度保密工作汇报会|青山市财政局"],
            Rows(doc, ".doc-activity"));
        Assert.Equal(["青山市财政局|2026年1月1日至2026年10月31日|1|1"], Rows(doc, "#doc-unit-counts tbody tr"));
    }

    /// <summary>
    /// Art. 15 in the appraisal (issue 8): 青山市 inspected its education bureau several times; each finding names the
    /// posting that answers for it. 张教's orders of 2026 (one overdue, one verified, one not yet due) and his order of
    /// 2025 still open are listed, with the overdue ones marked; his order of 2025 verified that year and 李保's order
    /// are not. The test clock's today is 27 November 2026.
    /// </summary>
    [Fact]
    public async Task Art15_the_print_view_lists_the_rectification_orders_naming_the_leaders_postings_and_marks_the_overdue_ones()
    {
        using var app = TestApp.Rent();
        var p = await AppraisalProvince.CreateAsync(app);
        await app.Province()
            .WithRectificationOrder(p.Bureau, p.City, new DateOnly(2026, 6, 10), new DateOnly(2026, 9, 30), deficiencyCode: "D15.1", responsible: p.ZhangPosting, description: "未传达学习上级保密工作会议精神")
            .WithRectificationOrder(p.Bureau, p.City, new DateOnly(2026, 3, 2), new DateOnly(2026, 5, 31), RectificationStatus.Verified, reportedOn: new DateOnly(2026, 5, 20), deficiencyCode: "D15.7", responsible: p.ZhangPosting, description: "部分文件漏定密")
            .WithRectificationOrder(p.Bureau, p.City, new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 31), deficiencyCode: "D15.3", responsible: p.ZhangPosting, description: "保密办人员不足")
            .WithRectificationOrder(p.Bureau, p.City, new DateOnly(2025, 10, 9), new DateOnly(2025, 12, 31), deficiencyCode: "D15.2", responsible: p.ZhangPosting, description: "未开展保密宣传教育")
            .WithRectificationOrder(p.Bureau, p.City, new DateOnly(2025, 4, 1), new DateOnly(2025, 6, 30), RectificationStatus.Verified, deficiencyCode: "D15.4", responsible: p.ZhangPosting, description: "去年已整改的问题")
            .WithRectificationOrder(p.Bureau, p.City, new DateOnly(2026, 6, 10), new DateOnly(2026, 9, 30), deficiencyCode: "D15.5", responsible: p.LiPosting, description: "涉密计算机未安装防护软件")
            .BuildAsync();
        var client = await app.SignedInAsAsync("cadre", Roles.CadreOfficial, p.City);

        var doc = await TestApp.GetDocumentAsync(client, PrintUrl(p.Zhang));

        var orders = doc.QuerySelectorAll(".doc-rectification-order").ToList();
        Assert.Equal(
            [
                "青山市教育局|D15.2 未开展保密宣传教育|2025年12月31日|待整改 已逾期 331 天|",
                "青山市教育局|D15.7 部分文件漏定密|2026年5月31日|已验收|2026年5月20日",
                "青山市教育局|D15.1 未传达学习上级保密工作会议精神|2026年9月30日|待整改 已逾期 58 天|",
                "青山市教育局|D15.3 保密办人员不足|2026年12月31日|待整改|",
            ],
            orders.Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => Collapse(td.TextContent)))));
        Assert.Equal(["true", "false", "true", "false"], orders.Select(r => r.GetAttribute("data-overdue")));
        Assert.Equal(2, doc.QuerySelectorAll("#doc-rectification-orders .doc-overdue").Length);
        Assert.DoesNotContain("涉密计算机未安装防护软件", doc.QuerySelector("#section-rectification")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("去年已整改的问题", doc.QuerySelector("#section-rectification")!.TextContent, StringComparison.Ordinal);

        // 李保's print lists his order, and none of 张教's.
        var li = await TestApp.GetDocumentAsync(client, PrintUrl(p.Li));
        var liOrders = li.QuerySelectorAll(".doc-rectification-order").ToList();
        Assert.Equal(["D15.5"], liOrders.Select(r => r.GetAttribute("data-code")));
        Assert.Equal("true", liOrders[0].GetAttribute("data-overdue"));
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
