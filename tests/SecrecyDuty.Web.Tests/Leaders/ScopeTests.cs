using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Leaders;

/// <summary>
/// Art. 2 judged per posting: a posting in scope keeps a duty checklist, one out of scope keeps none and is not counted
/// as missing, and the leader as a whole is in scope through any posting holding today. The test clock's date is 2026-11-27.
/// </summary>
public sealed class ScopeTests
{
    private const int Year = 2026;
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    private sealed record Setting(int Province, FixedCurrentUser Officer);

    private static async Task<Setting> SettingAsync(TestApp app)
    {
        var province = (await app.Province().WithUnit("P", "示范省").BuildAsync()).Unit("P");
        return new Setting(province, new FixedCurrentUser("officer", province, Roles.SecrecyOfficer));
    }

    private static Task SetLargeOrMediumAsync(TestApp app, int unitId, bool large) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.SingleAsync(u => u.Id == unitId)).IsLargeOrMediumEnterprise = large;
            await db.SaveChangesAsync();
        });

    private static Task<ChecklistView?> OpenAsync(TestApp app, ICurrentUser actor, int postingId) =>
        app.InScopeAsync(sp => TestApp.ServiceFor<ChecklistService>(sp, actor).OpenAsync(postingId, Year));

    private static Task<int> ChecklistsOfAsync(TestApp app, int postingId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DutyChecklists.CountAsync(c => c.PostingId == postingId));

    private static Task<ChecklistIndex> ChecklistListAsync(TestApp app, ICurrentUser actor, ChecklistFilter filter) =>
        app.InScopeAsync(sp => TestApp.ServiceFor<ChecklistListService>(sp, actor).IndexAsync(filter, 1, 50));

    [Fact]
    public async Task Art2_xiangke_level_leader_in_a_party_organ_gets_no_required_checklist()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithUnit("P-BGT", "示范省委办公厅", parent: s.Province, kind: UnitKind.PartyOrgan)
            .WithLeader("李主任", "P-BGT", "A-1", LeaderRank.DepartmentBureau)
            .WithPosting("李主任", PostingRole.PrincipalLeader, Jan1)
            .WithLeader("王科长", "P-BGT", "A-2", LeaderRank.Below)
            .WithPosting("王科长", PostingRole.OtherMember, Jan1)
            .BuildAsync();
        var office = built.Unit("P-BGT");
        var secretaryPosting = built.Posting("李主任");
        var clerkPosting = built.Posting("王科长");

        var opened = await OpenAsync(app, s.Officer, clerkPosting);
        var generated = await app.InScopeAsync(sp => TestApp.ServiceFor<ChecklistService>(sp, s.Officer)
            .GenerateMissingAsync(new GenerateChecklistsInput { UnitId = office, Year = Year }));

        Assert.Equal((ChecklistGeneration.NotInScope, ScopeReason.NotInScope), (opened!.Generation, opened.Posting.Scope));
        Assert.Null(opened.Checklist);
        Assert.Equal(1, generated.Value);
        Assert.Equal((1, 0), (await ChecklistsOfAsync(app, secretaryPosting), await ChecklistsOfAsync(app, clerkPosting)));

        // The list shows the posting as not in scope, with the reason, and never as a missing checklist.
        var list = await ChecklistListAsync(app, s.Officer, new ChecklistFilter { UnitId = office });
        var row = Assert.Single(list.List.Items, r => r.PostingId == clerkPosting);
        Assert.Equal((ChecklistProgress.NotInScope, ScopeReason.NotInScope), (row.Progress, row.Scope));
        Assert.Empty((await ChecklistListAsync(app, s.Officer, new ChecklistFilter { UnitId = office, Status = ChecklistProgress.NotGenerated })).List.Items);
        Assert.Equal([clerkPosting], (await ChecklistListAsync(app, s.Officer, new ChecklistFilter { UnitId = office, Status = ChecklistProgress.NotInScope })).List.Items.Select(r => r.PostingId));
    }

    [Fact]
    public async Task Art2_head_of_a_small_state_owned_enterprise_is_not_in_scope()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithUnit("P-NY", "示范能源有限公司", parent: s.Province, kind: UnitKind.StateOwnedEnterprise)
            .WithLeader("赵董事长", "P-NY", "E-1", LeaderRank.DepartmentBureau)
            .WithPosting("赵董事长", PostingRole.PrincipalLeader, Jan1)
            .BuildAsync();
        var company = built.Unit("P-NY");
        var head = built.Leader("赵董事长");
        var posting = built.Posting("赵董事长");

        var details = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).GetAsync(head));
        var listed = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).ListAsync(new LeaderFilter { InScope = false }, 1, 50));
        var opened = await OpenAsync(app, s.Officer, posting);

        Assert.Equal(ScopeReason.EnterpriseNotLargeOrMedium, details!.ScopeReason);
        Assert.Equal(["示范能源有限公司"], details.SmallEnterprises);
        Assert.Equal(ScopeReason.EnterpriseNotLargeOrMedium, Assert.Single(details.Postings).Scope);
        Assert.Equal(ScopeReason.EnterpriseNotLargeOrMedium, Assert.Single(listed.Items, i => i.StaffNumber == "E-1").Scope);
        Assert.Equal(ChecklistGeneration.NotInScope, opened!.Generation);
        Assert.Equal(0, await ChecklistsOfAsync(app, posting));

        // The same head of a large or medium one is in scope and keeps a checklist.
        await SetLargeOrMediumAsync(app, company, large: true);
        var large = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).GetAsync(head));
        var inScope = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).ListAsync(new LeaderFilter { InScope = true }, 1, 50));
        Assert.Equal(ScopeReason.Rank, large!.ScopeReason);
        Assert.Contains("E-1", inScope.Items.Select(i => i.StaffNumber));
        Assert.NotNull((await OpenAsync(app, s.Officer, posting))!.Checklist);
    }

    [Fact]
    public async Task Art2_the_leader_page_and_list_give_the_enterprise_reason()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithUnit("P-NY", "示范能源有限公司", parent: s.Province, kind: UnitKind.StateOwnedEnterprise)
            .WithLeader("赵董事长", "P-NY", "E-1", LeaderRank.DepartmentBureau)
            .WithPosting("赵董事长", PostingRole.PrincipalLeader, Jan1)
            .WithAccount("officer", Roles.SecrecyOfficer, s.Province)
            .BuildAsync();
        var head = built.Leader("赵董事长");
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");

        var page = await TestApp.GetDocumentAsync(client, $"/Leaders/Details/{head}");
        var list = await TestApp.GetDocumentAsync(client, "/Leaders");

        var scope = page.QuerySelector("#leader-scope")!;
        Assert.Equal("false", scope.GetAttribute("data-in-scope"));
        Assert.Contains("第二条只适用于国有大、中型企业的领导人员", scope.TextContent, StringComparison.Ordinal);
        Assert.Contains("示范能源有限公司", scope.TextContent, StringComparison.Ordinal);
        Assert.Equal(nameof(ScopeReason.EnterpriseNotLargeOrMedium), page.QuerySelector("#postings-table .posting-scope")!.GetAttribute("data-scope"));
        Assert.Equal("所在国有企业不属于大、中型企业", list.QuerySelector("#leaders-table .leader-in-scope .scope-reason")!.TextContent);
    }

    [Fact]
    public async Task Art2_leadership_team_of_other_secret_handling_unit_is_in_scope_whatever_the_rank()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithUnit("P-LAB", "示范省某研究所", parent: s.Province, kind: UnitKind.OtherSecretHandlingUnit)
            .WithLeader("周副所长", "P-LAB", "L-1", LeaderRank.Below)
            .WithPosting("周副所长", PostingRole.OtherMember, Jan1)
            .BuildAsync();
        var deputy = built.Leader("周副所长");
        var posting = built.Posting("周副所长");

        var opened = await OpenAsync(app, s.Officer, posting);
        var details = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).GetAsync(deputy));

        Assert.Equal((ChecklistGeneration.Allowed, ScopeReason.OtherSecretHandlingUnitTeam), (opened!.Generation, opened.Posting.Scope));
        Assert.NotNull(opened.Checklist);
        Assert.Equal(ScopeReason.OtherSecretHandlingUnitTeam, details!.ScopeReason);
    }

    [Fact]
    public async Task Art2_a_leader_is_in_scope_through_any_posting_holding_today()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithUnit("P-NY", "示范能源有限公司", parent: s.Province, kind: UnitKind.StateOwnedEnterprise)
            .WithUnit("P-GZW", "示范省国资委", parent: s.Province, kind: UnitKind.StateOrgan)
            .WithLeader("赵董事长", "P-NY", "E-1", LeaderRank.DepartmentBureau)
            .WithPosting("赵董事长", PostingRole.PrincipalLeader, Jan1)
            .WithPosting("赵董事长", PostingRole.OtherMember, Jan1, new DateOnly(2026, 11, 27), unit: "P-GZW", key: "seat")
            .BuildAsync();
        var head = built.Leader("赵董事长");
        var seat = built.Posting("seat");

        async Task<(ScopeReason Details, ScopeReason Listed)> ScopeAsync()
        {
            var details = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).GetAsync(head));
            var list = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).ListAsync(new LeaderFilter(), 1, 50));
            return (details!.ScopeReason, list.Items.Single(i => i.StaffNumber == "E-1").Scope);
        }

        Assert.Equal((ScopeReason.Rank, ScopeReason.Rank), await ScopeAsync());
        Assert.Equal(ScopeReason.Rank, (await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).GetAsync(head)))!.Postings.Single(p => p.Id == seat).Scope);

        // The day after the seat in the state organ ends, only the small enterprise's posting holds.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((ScopeReason.EnterpriseNotLargeOrMedium, ScopeReason.EnterpriseNotLargeOrMedium), await ScopeAsync());
    }

    [Fact]
    public async Task Art2_the_SQL_scope_of_a_posting_agrees_with_the_rule_for_every_kind_size_and_rank()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var province = app.Province();
        var expected = new Dictionary<string, bool>();
        var n = 0;
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            foreach (var large in new[] { false, true })
            {
                var unit = $"U-{n++}";
                province.WithUnit(unit, $"单位{n}", parent: s.Province, kind: kind, largeOrMedium: large);
                foreach (var rank in Enum.GetValues<LeaderRank>())
                {
                    var leader = $"领导{n}";
                    province.WithLeader(leader, unit, $"S-{n++}", rank).WithPosting(leader, PostingRole.PrincipalLeader, Jan1);
                    expected[leader] = LeaderScope.IsPostingInScope(rank, kind, large);
                }
            }
        }

        var built = await province.BuildAsync();
        var inScope = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Postings.Where(LeaderScope.PostingInScope).Select(p => p.Id).ToListAsync());
        var outOfScope = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Postings.Where(LeaderScope.PostingOutOfScope).Select(p => p.Id).ToListAsync());

        Assert.Equal(expected.Where(e => e.Value).Select(e => built.Posting(e.Key)).Order(), inScope.Order());
        Assert.Equal(expected.Where(e => !e.Value).Select(e => built.Posting(e.Key)).Order(), outOfScope.Order());
    }
}
