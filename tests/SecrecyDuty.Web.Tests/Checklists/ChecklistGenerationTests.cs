using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Checklists.ChecklistTestData;

namespace SecrecyDuty.Web.Tests.Checklists;

/// <summary>A checklist per posting and year from the current catalogue: the role's items plus C4.1–C4.10 (arts. 4–7).</summary>
public sealed class ChecklistGenerationTests
{
    private static string[] Codes(string prefix, int count) => [.. Enumerable.Range(1, count).Select(n => $"{prefix}.{n}")];

    private static Task<int> ChecklistCountAsync(TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DutyChecklists.CountAsync());

    [Fact]
    public async Task A_principal_leader_gets_the_code_of_conduct_and_P5_1_to_P5_3_thirteen_items()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);

        var view = await OpenAsync(app, p.Zhang, p.ZhangPosting);

        Assert.Equal([.. Codes("C4", 10), .. Codes("P5", 3)], view!.Checklist!.Items.Select(i => i.Code));
        Assert.All(view.Checklist.Items, i => Assert.Equal(ChecklistItemStatus.NotStarted, i.Status));
        Assert.Equal(ChecklistStatus.Open, view.Checklist.Status);
    }

    [Fact]
    public async Task The_leader_in_charge_of_secrecy_gets_S6_1_to_S6_11_and_the_code_of_conduct()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);

        var view = await OpenAsync(app, p.Li, p.LiPosting);

        Assert.Equal([.. Codes("C4", 10), .. Codes("S6", 11)], view!.Checklist!.Items.Select(i => i.Code));
    }

    [Fact]
    public async Task Another_team_member_gets_M7_1_to_M7_5_and_the_code_of_conduct()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);

        // 王业 has no account: the secrecy office opens (and so generates) the checklist.
        var view = await OpenAsync(app, p.Officer, p.WangPosting);

        Assert.Equal([.. Codes("C4", 10), .. Codes("M7", 5)], view!.Checklist!.Items.Select(i => i.Code));
    }

    [Fact]
    public async Task The_checklist_records_the_current_regulation_version()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);

        await OpenAsync(app, p.Zhang, p.ZhangPosting);

        var current = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Regulations.Where(r => r.IsCurrent).Select(r => r.Id).SingleAsync());
        Assert.Equal(current, (await StoredChecklistAsync(app, p.ZhangPosting))!.RegulationId);
    }

    [Fact]
    public async Task Opening_a_checklist_again_generates_nothing_more()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);

        var first = await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var again = await OpenAsync(app, p.Officer, p.ZhangPosting);

        Assert.Equal(first!.Checklist!.Id, again!.Checklist!.Id);
        Assert.Equal(1, await ChecklistCountAsync(app));
        Assert.Equal(13, (await StoredItemsAsync(app, p.ZhangPosting)).Count);
    }

    [Fact]
    public async Task A_reader_who_may_not_write_sees_the_checklist_not_generated_and_nothing_is_created()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);

        var bySupervisor = await OpenAsync(app, p.Supervisor, p.ZhangPosting);
        var byPrincipalLeader = await OpenAsync(app, p.Zhang, p.LiPosting);

        Assert.Null(bySupervisor!.Checklist);
        Assert.Equal(ChecklistGeneration.Allowed, bySupervisor.Generation);
        Assert.Null(byPrincipalLeader!.Checklist);
        Assert.Equal(0, await ChecklistCountAsync(app));
    }

    [Fact]
    public async Task No_checklist_is_generated_for_a_year_the_posting_did_not_hold_or_a_future_year()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);

        var ended = await OpenAsync(app, p.Officer, p.ZhaoPosting, 2026);
        var future = await OpenAsync(app, p.Zhang, p.ZhangPosting, 2027);
        var heldThen = await OpenAsync(app, p.Officer, p.ZhaoPosting, 2025);

        Assert.Equal(ChecklistGeneration.PostingDoesNotHold, ended!.Generation);
        Assert.Null(ended.Checklist);
        Assert.Equal(ChecklistGeneration.YearOutOfRange, future!.Generation);
        Assert.Null(future.Checklist);
        Assert.NotNull(heldThen!.Checklist);
        Assert.Equal(1, await ChecklistCountAsync(app));
    }

    [Fact]
    public async Task Generating_the_missing_checklists_of_a_unit_covers_every_posting_holding_in_the_year_once()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        await OpenAsync(app, p.Zhang, p.ZhangPosting);
        var input = new GenerateChecklistsInput { UnitId = p.Education, Year = ChecklistProvince.Year };

        var first = await AsAsync(app, p.Officer, s => s.GenerateMissingAsync(input));
        var second = await AsAsync(app, p.Officer, s => s.GenerateMissingAsync(input));

        // 李保 and 王业 get theirs; 张教 had one; 赵前's posting ended in 2025; 钱财 is in another unit.
        Assert.Equal(2, first.Value);
        Assert.Equal(0, second.Value);
        var postings = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().DutyChecklists
            .Where(c => c.Year == ChecklistProvince.Year).Select(c => c.PostingId).ToListAsync());
        Assert.Equal(new[] { p.ZhangPosting, p.LiPosting, p.WangPosting }.Order(), postings.Order());
        Assert.Equal(21, (await StoredItemsAsync(app, p.LiPosting)).Count);
        Assert.Equal(15, (await StoredItemsAsync(app, p.WangPosting)).Count);
    }

    [Fact]
    public async Task Bulk_generation_for_a_unit_outside_the_jurisdiction_is_refused_beside_the_unit()
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);
        var educationOfficer = new FixedCurrentUser("o", p.Education, Roles.SecrecyOfficer);

        var result = await AsAsync(app, educationOfficer, s => s.GenerateMissingAsync(new GenerateChecklistsInput { UnitId = p.Finance, Year = ChecklistProvince.Year }));

        Assert.Equal("UnitId", Assert.Single(result.Errors).Field);
        Assert.Equal(0, await ChecklistCountAsync(app));
    }

    [Theory]
    [InlineData(Roles.UnitLeader)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    public async Task Only_the_secrecy_office_generates_in_bulk(string role)
    {
        using var app = TestApp.Rent();
        var p = await ChecklistProvince.CreateAsync(app);

        await Assert.ThrowsAsync<AccessDeniedException>(() => AsAsync(app, new FixedCurrentUser("x", p.Education, role),
            s => s.GenerateMissingAsync(new GenerateChecklistsInput { UnitId = p.Education, Year = ChecklistProvince.Year })));
        Assert.Equal(0, await ChecklistCountAsync(app));
    }
}
