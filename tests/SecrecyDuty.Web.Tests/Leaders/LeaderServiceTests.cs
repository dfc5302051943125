using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Leaders;

public sealed class LeaderServiceTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    private sealed record Setting(int Province, int Bureau, int City, int OtherProvince, FixedCurrentUser Officer);

    private static async Task<Setting> SettingAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-BMJ", "示范省保密局", parent: "P", kind: UnitKind.StateOrgan)
            .WithUnit("P-QS", "青山市", parent: "P", kind: UnitKind.PartyOrgan)
            .WithUnit("Q", "外省", kind: UnitKind.StateOrgan)
            .BuildAsync();
        var province = built.Unit("P");
        var bureau = built.Unit("P-BMJ");
        var city = built.Unit("P-QS");
        var other = built.Unit("Q");
        return new Setting(province, bureau, city, other, new FixedCurrentUser("officer", province, Roles.SecrecyOfficer));
    }

    private static CreateLeaderInput NewLeader(int unitId, string staffNumber = "GB-1") => new()
    {
        Name = "王保密",
        StaffNumber = staffNumber,
        Rank = LeaderRank.CountyDivision,
        IsPartyMember = true,
        Phone = "010-12345678",
        Email = "wang@example.cn",
        UnitId = unitId,
    };

    [Fact]
    public async Task A_leader_and_the_first_posting_are_created_in_one_save()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var input = NewLeader(s.Bureau);
        input.AddFirstPosting = true;
        input.FirstPosting = LeaderTestData.Posting(0, s.Bureau, PostingRole.SecrecyLeader, Jan1);

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).CreateAsync(input));

        Assert.True(result.Succeeded);
        var leader = await app.FindLeaderAsync("GB-1");
        Assert.Equal(result.Value, leader!.Id);
        Assert.Equal(("王保密", LeaderRank.CountyDivision, true, "010-12345678", s.Bureau), (leader.Name, leader.Rank, leader.IsPartyMember, leader.Phone, leader.UnitId));
        var posting = Assert.Single(leader.Postings);
        Assert.Equal((s.Bureau, PostingRole.SecrecyLeader, Jan1), (posting.UnitId, posting.Role, posting.From));

        // Both records carry the acting account in the audit trail.
        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == AuditAction.Create && a.UserId == "officer").Select(a => a.EntityType).ToListAsync());
        Assert.Equal(["Leader", "Posting"], audited.Order());
    }

    [Fact]
    public async Task A_leader_may_be_created_without_a_posting()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).CreateAsync(NewLeader(s.Bureau)));

        Assert.True(result.Succeeded);
        Assert.Empty((await app.FindLeaderAsync("GB-1"))!.Postings);
    }

    [Fact]
    public async Task A_staff_number_already_used_is_reported_beside_the_staff_number()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        await app.Province().WithLeader("外省领导", s.OtherProvince, "GB-1").BuildAsync();

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).CreateAsync(NewLeader(s.Bureau, " GB-1 ")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("StaffNumber", error.Field);
        Assert.DoesNotContain("外省领导", error.Message, StringComparison.Ordinal);
        Assert.Equal("外省领导", (await app.FindLeaderAsync("GB-1"))!.Name);
    }

    [Fact]
    public async Task A_bad_first_posting_saves_neither_the_leader_nor_the_posting()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        await app.Province()
            .WithLeader("钱副局长", s.Bureau, "GB-0")
            .WithPosting("钱副局长", PostingRole.SecrecyLeader, Jan1)
            .BuildAsync();
        var input = NewLeader(s.Bureau);
        input.AddFirstPosting = true;
        input.FirstPosting = LeaderTestData.Posting(0, s.Bureau, PostingRole.SecrecyLeader, Jan1.AddMonths(2));

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).CreateAsync(input));

        Assert.Equal("FirstPosting.Role", Assert.Single(result.Errors).Field);
        Assert.Null(await app.FindLeaderAsync("GB-1"));
    }

    [Fact]
    public async Task A_leaders_record_cannot_be_kept_in_a_unit_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var cityOfficer = new FixedCurrentUser("city", s.City, Roles.SecrecyOfficer);

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, cityOfficer).CreateAsync(NewLeader(s.Bureau)));

        Assert.Equal("UnitId", Assert.Single(result.Errors).Field);
        Assert.Null(await app.FindLeaderAsync("GB-1"));
    }

    [Fact]
    public async Task Editing_a_leader_keeps_the_own_staff_number_and_changes_the_fields()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var id = (await app.Province().WithLeader("王保密", s.Bureau, "GB-1", LeaderRank.CountyDivision).BuildAsync()).Leader("王保密");
        var input = NewLeader(s.City);
        input.Rank = LeaderRank.DepartmentBureau;

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).UpdateAsync(id, Versions.First, input));

        Assert.True(result?.Succeeded);
        var leader = await app.FindLeaderAsync("GB-1");
        Assert.Equal((LeaderRank.DepartmentBureau, s.City), (leader!.Rank, leader.UnitId));
    }

    [Fact]
    public async Task A_leader_is_deactivated_and_reactivated_never_deleted()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var id = (await app.Province().WithLeader("王保密", s.Bureau, "GB-1").BuildAsync()).Leader("王保密");

        var deactivated = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).SetActiveAsync(id, Versions.First, active: false));
        Assert.True(deactivated!.Succeeded);
        Assert.False((await app.FindLeaderAsync("GB-1"))!.IsActive);

        await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).SetActiveAsync(id, Versions.First + 1, active: true));
        Assert.True((await app.FindLeaderAsync("GB-1"))!.IsActive);
        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Leader").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.Create, AuditAction.Deactivate, AuditAction.Reactivate], actions);
    }

    [Fact]
    public async Task A_leader_outside_the_jurisdiction_is_neither_shown_nor_changed()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var id = (await app.Province().WithLeader("外省领导", s.OtherProvince, "Q-1").BuildAsync()).Leader("外省领导");

        var (details, form, update, deactivated) = await app.InScopeAsync(async sp =>
        {
            var leaders = TestApp.ServiceFor<LeaderService>(sp, s.Officer);
            return (await leaders.GetAsync(id), await leaders.GetForEditAsync(id), await leaders.UpdateAsync(id, Versions.First, NewLeader(s.Bureau, "Q-1")), await leaders.SetActiveAsync(id, Versions.First, active: false));
        });

        Assert.Null(details);
        Assert.Null(form);
        Assert.Null(update);
        Assert.Null(deactivated);
        var leader = await app.FindLeaderAsync("Q-1");
        Assert.Equal(("外省领导", true), (leader!.Name, leader.IsActive));
    }

    [Theory]
    [InlineData(Roles.UnitLeader)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    public async Task Read_only_roles_may_not_create_change_or_deactivate_a_leader(string role)
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var id = (await app.Province().WithLeader("王保密", s.Bureau, "GB-1").BuildAsync()).Leader("王保密");
        var reader = new FixedCurrentUser("reader", s.Bureau, role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, reader).CreateAsync(NewLeader(s.Bureau, "GB-2"))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, reader).UpdateAsync(id, Versions.First, NewLeader(s.Bureau))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, reader).SetActiveAsync(id, Versions.First, active: false)));
        Assert.Null(await app.FindLeaderAsync("GB-2"));
    }

    [Fact]
    public async Task A_unit_leader_reads_the_leaders_of_the_own_unit_only()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("王保密", s.Bureau, "GB-1")
            .WithLeader("青山领导", s.City, "QS-1")
            .BuildAsync();
        var own = built.Leader("王保密");
        var elsewhere = built.Leader("青山领导");
        var unitLeader = new FixedCurrentUser("leader", s.Bureau, Roles.UnitLeader);

        var (list, ownDetails, otherDetails) = await app.InScopeAsync(async sp =>
        {
            var leaders = TestApp.ServiceFor<LeaderService>(sp, unitLeader);
            return (await leaders.ListAsync(new LeaderFilter(), 1, 50), await leaders.GetAsync(own), await leaders.GetAsync(elsewhere));
        });

        Assert.Equal(["GB-1"], list.Items.Select(i => i.StaffNumber));
        Assert.NotNull(ownDetails);
        Assert.False(ownDetails.CanMaintain);
        Assert.Null(otherDetails);
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    public async Task Supervisors_and_discipline_officials_read_the_whole_jurisdiction(string role)
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        await app.Province()
            .WithLeader("王保密", s.Bureau, "GB-1")
            .WithLeader("青山领导", s.City, "QS-1")
            .WithLeader("外省领导", s.OtherProvince, "Q-1")
            .BuildAsync();
        var reader = new FixedCurrentUser("reader", s.Province, role);

        var list = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, reader).ListAsync(new LeaderFilter { Sort = LeaderSort.StaffNumber }, 1, 50));

        Assert.Equal(["GB-1", "QS-1"], list.Items.Select(i => i.StaffNumber));
    }

    [Fact]
    public async Task The_details_give_the_scope_reason_and_the_whole_posting_history()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithUnit("P-LAB", "示范省某研究所", parent: s.Province, kind: UnitKind.OtherSecretHandlingUnit)
            .WithLeader("周所长", s.Bureau, "GB-1", LeaderRank.Below)
            .WithPosting("周所长", PostingRole.OtherMember, new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31))
            .WithPosting("周所长", PostingRole.PrincipalLeader, new DateOnly(2024, 1, 1), unit: "P-LAB", key: "posting4")
            .BuildAsync();
        var lab = built.Unit("P-LAB");
        var id = built.Leader("周所长");

        var details = await app.InScopeAsync(sp => TestApp.ServiceFor<LeaderService>(sp, s.Officer).GetAsync(id));

        Assert.Equal(ScopeReason.OtherSecretHandlingUnitTeam, details!.ScopeReason);
        Assert.Equal(["示范省某研究所"], details.SecretHandlingUnits);
        Assert.Equal([(lab, true), (s.Bureau, false)], details.Postings.Select(p => (p.UnitId, p.HoldsToday)));
    }
}
