using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Proposals;

/// <summary>
/// Art. 17: the secrecy office proposes a commendation or a sanction of a leader to the cadre-management organ, whose
/// cadre official records the feedback; overdue feedback shows on the dashboards. Art. 10: commendations.
/// </summary>
public sealed class ProposalTests
{
    private static Task<T> ProposalsAsync<T>(TestApp app, ICurrentUser actor, Func<ProposalService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<ProposalService>(sp, actor)));

    private static ProposalInput Sanction(Province p, DateOnly sentOn, DateOnly? due = null) => new()
    {
        Kind = ProposalKind.Sanction,
        LeaderId = p.Li,
        Body = ProposingBody.SecrecyDepartment,
        BodyUnitId = p.Root,
        Recipient = "中共示范省委组织部",
        Basis = ProposalBasis.Inspection,
        BasisDescription = "2026年11月保密检查，问题D15.5逾期未整改",
        Content = "建议给予警告处分。",
        SentOn = sentOn,
        FeedbackDueOn = due,
    };

    private static async Task<(Province P, FixedCurrentUser Cadre)> ProvinceAsync(TestApp app)
    {
        var p = await Province.CreateAsync(app, withAccounts: true);
        await app.Province().WithAccount("cadre", Roles.CadreOfficial, p.Root).BuildAsync();
        return (p, new FixedCurrentUser("cadre", p.Root, Roles.CadreOfficial));
    }

    private static Task<int> LeaderIdOfPostingAsync(TestApp app, int postingId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Postings.Where(x => x.Id == postingId).Select(x => x.LeaderId).SingleAsync());

    [Fact]
    public async Task A_proposal_waits_for_feedback_due_by_default_thirty_days_after_it_was_sent_and_the_cadre_official_closes_it()
    {
        using var app = TestApp.Rent();
        var (p, cadre) = await ProvinceAsync(app);
        var input = Sanction(p, new DateOnly(2026, 11, 20));
        input.LeaderId = await LeaderIdOfPostingAsync(app, p.Li);

        var created = await ProposalsAsync(app, p.Officer, s => s.CreateAsync(input));
        var open = await ProposalsAsync(app, p.Officer, s => s.GetAsync(created.Value));
        var early = await ProposalsAsync(app, cadre, async s => await s.RecordFeedbackAsync(created.Value, (await s.GetAsync(created.Value))?.Version ?? 0, new ProposalFeedbackInput { Feedback = "已给予警告处分", FeedbackOn = new DateOnly(2026, 11, 19) }));
        var answered = await ProposalsAsync(app, cadre, async s => await s.RecordFeedbackAsync(created.Value, (await s.GetAsync(created.Value))?.Version ?? 0, new ProposalFeedbackInput { Feedback = "已给予警告处分", FeedbackOn = new DateOnly(2026, 11, 26) }));
        var again = await ProposalsAsync(app, cadre, async s => await s.RecordFeedbackAsync(created.Value, (await s.GetAsync(created.Value))?.Version ?? 0, new ProposalFeedbackInput { Feedback = "再次反馈", FeedbackOn = new DateOnly(2026, 11, 27) }));
        var closed = await ProposalsAsync(app, p.Officer, s => s.GetAsync(created.Value));

        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        Assert.Equal((new DateOnly(2026, 12, 20), ProposalState.AwaitingFeedback, false), (open!.FeedbackDueOn, open.State, open.CanRecordFeedback));
        Assert.Equal(("FeedbackOn", "The feedback cannot come before the proposal was sent (2026-11-20)."), (early!.Errors[0].Field, early.Errors[0].Message));
        Assert.True(answered!.Succeeded);
        Assert.Equal("The feedback of this proposal is already recorded.", Assert.Single(again!.Errors).Message);
        Assert.Equal((ProposalState.Answered, "已给予警告处分", "cadre"), (closed!.State, closed.Feedback, closed.FeedbackRecordedBy));
    }

    [Fact]
    public async Task Overdue_feedback_shows_on_the_dashboard_and_in_the_list()
    {
        using var app = TestApp.Rent();
        var (p, _) = await ProvinceAsync(app);
        var li = await LeaderIdOfPostingAsync(app, p.Li);
        var late = Sanction(p, new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1));
        late.LeaderId = li;
        var pending = Sanction(p, new DateOnly(2026, 11, 20));
        pending.LeaderId = li;
        await ProposalsAsync(app, p.Officer, s => s.CreateAsync(late));
        await ProposalsAsync(app, p.Officer, s => s.CreateAsync(pending));
        var client = await app.SignedInAsync("officer");

        var home = await TestApp.GetDocumentAsync(client, "/");
        var overdueOnly = await TestApp.GetDocumentAsync(client, "/Proposals?state=FeedbackOverdue");

        Assert.Contains("border-danger", home.QuerySelector("#proposal-work")!.ClassName, StringComparison.Ordinal);
        Assert.Equal("2 项待反馈，其中 1 项已超过反馈期限。", home.QuerySelector("#proposal-counts")!.TextContent.Trim());
        Assert.Contains("逾期 26 天", home.QuerySelector("#overdue-proposals")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["FeedbackOverdue"], overdueOnly.QuerySelectorAll("#proposals-table tbody tr").Select(r => r.GetAttribute("data-state")));
    }

    [Fact]
    public async Task A_bad_proposal_is_refused_beside_its_fields_and_nothing_is_saved()
    {
        using var app = TestApp.Rent();
        var (p, _) = await ProvinceAsync(app);
        var client = await app.SignedInAsync("officer");

        var form = await TestApp.GetFormAsync(client, "/Proposals/Create", "#proposal-form");
        var response = await client.PostAsync("/Proposals/Create", form.With(("Input.Kind", ""), ("Input.SentOn", "2027-01-05"), ("Input.Recipient", " ")).ToContent());
        var page = await TestApp.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("请选择表彰或处分。", page.QuerySelector("[data-valmsg-for='Input.Kind']")!.TextContent);
        Assert.Equal("请选择建议涉及的领导干部。", page.QuerySelector("[data-valmsg-for='Input.LeaderId']")!.TextContent);
        Assert.Equal("建议发出日期不能晚于今天。", page.QuerySelector("[data-valmsg-for='Input.SentOn']")!.TextContent);
        Assert.Equal("请填写具有干部管理权限的机关。", page.QuerySelector("[data-valmsg-for='Input.Recipient']")!.TextContent);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Proposals.CountAsync()));
    }

    [Fact]
    public async Task A_units_secrecy_organization_proposes_only_about_its_own_leaders()
    {
        using var app = TestApp.Rent();
        var (p, _) = await ProvinceAsync(app);
        var input = Sanction(p, new DateOnly(2026, 11, 20));
        input.LeaderId = await LeaderIdOfPostingAsync(app, p.Li);
        input.Body = ProposingBody.SecrecyOrganization;
        input.BodyUnitId = p.Health;

        var result = await ProposalsAsync(app, p.Officer, s => s.CreateAsync(input));

        Assert.Equal(("BodyUnitId", "A unit's secrecy organization proposes about the leaders of its own unit (art. 17)."), (result.Errors[0].Field, result.Errors[0].Message));
    }

    [Fact]
    public async Task A_unit_leader_reaches_no_proposal_by_list_or_direct_id_and_outside_the_jurisdiction_it_is_not_found()
    {
        using var app = TestApp.Rent();
        var (p, _) = await ProvinceAsync(app);
        var input = Sanction(p, new DateOnly(2026, 11, 20));
        input.LeaderId = await LeaderIdOfPostingAsync(app, p.Li);
        var id = (await ProposalsAsync(app, p.Officer, s => s.CreateAsync(input))).Value;
        var leader = await app.SignedInAsync("leader");

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/Proposals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/Proposals/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/Proposals?handler=Export&format=csv")).StatusCode);
        Assert.Null((await TestApp.GetDocumentAsync(leader, "/")).QuerySelector("#proposal-work"));
        Assert.Null(await ProposalsAsync(app, p.HealthOfficer, s => s.GetAsync(id)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ProposalsAsync(app, p.Officer, async s => await s.RecordFeedbackAsync(id, (await s.GetAsync(id))?.Version ?? 0, new ProposalFeedbackInput { Feedback = "x", FeedbackOn = new DateOnly(2026, 11, 26) })));
    }

    [Fact]
    public async Task The_secrecy_office_records_a_commendation_of_a_leader_or_a_unit_and_everyone_of_the_jurisdiction_reads_it()
    {
        using var app = TestApp.Rent();
        var (p, _) = await ProvinceAsync(app);
        var commendation = new CommendationInput { LeaderId = await LeaderIdOfPostingAsync(app, p.Zhang), Reason = "保密工作成绩突出", IssuedBy = "中共示范省委保密委员会", IssuedOn = new DateOnly(2026, 6, 1) };
        var unitCommendation = new CommendationInput { UnitId = p.Health, Reason = "保密检查成绩优秀", IssuedBy = "示范省保密局", IssuedOn = new DateOnly(2026, 7, 1) };

        var created = await app.InScopeAsync(sp => TestApp.ServiceFor<CommendationService>(sp, p.Officer).CreateAsync(commendation));
        await app.InScopeAsync(sp => TestApp.ServiceFor<CommendationService>(sp, p.Officer).CreateAsync(unitCommendation));
        var empty = await app.InScopeAsync(sp => TestApp.ServiceFor<CommendationService>(sp, p.Officer).CreateAsync(new CommendationInput { IssuedOn = new DateOnly(2026, 7, 1) }));
        var leader = await app.SignedInAsync("leader");
        var page = await TestApp.GetDocumentAsync(leader, "/Proposals/Commendations");

        Assert.True(created.Succeeded);
        Assert.Equal(["UnitId", "Reason", "IssuedBy"], empty.Errors.Select(e => e.Field));
        Assert.Single(page.QuerySelectorAll("#commendations-table tbody tr"));
        Assert.Contains("张教", page.QuerySelector("#commendations-table")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#new-commendation"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.InScopeAsync(sp => TestApp.ServiceFor<CommendationService>(sp, p.Leader).CreateAsync(unitCommendation)));
    }

    [Fact]
    public async Task The_demo_province_shows_a_sanction_proposal_whose_feedback_is_overdue()
    {
        using var app = TestApp.Rent("Development");
        await app.InScopeAsync(sp => sp.GetRequiredService<SecrecyDuty.Data.Seeding.DemoProvinceSeeder>().SeedAsync());
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer", SecrecyDuty.Data.Seeding.DemoProvinceSeeder.DemoPassword);

        var home = await TestApp.GetDocumentAsync(client, "/");
        var list = await TestApp.GetDocumentAsync(client, "/Proposals");

        Assert.Contains("逾期 15 天", home.QuerySelector("#overdue-proposals")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["AwaitingFeedback", "FeedbackOverdue", "Answered"], list.QuerySelectorAll("#proposals-table tbody tr").Select(r => r.GetAttribute("data-state")));
    }
}
