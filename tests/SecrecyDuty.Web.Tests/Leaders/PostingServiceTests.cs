using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Leaders;

/// <summary>Arts. 5–7 through the posting service: each rule reported beside the field that causes it, nothing saved.</summary>
public sealed class PostingServiceTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);

    private sealed record Setting(int Province, int Bureau, int OtherCity, FixedCurrentUser Officer);

    private static async Task<Setting> SettingAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-BMJ", "示范省保密局", parent: "P", kind: UnitKind.StateOrgan)
            .WithUnit("Q", "外省", kind: UnitKind.StateOrgan)
            .BuildAsync();
        var province = built.Unit("P");
        var bureau = built.Unit("P-BMJ");
        var other = built.Unit("Q");
        return new Setting(province, bureau, other, new FixedCurrentUser("officer", province, Roles.SecrecyOfficer));
    }

    private static Task<Result<int>?> CreateAsync(TestApp app, ICurrentUser actor, PostingInput input) =>
        app.InScopeAsync(sp => TestApp.ServiceFor<PostingService>(sp, actor).CreateAsync(input));

    private static FieldError SingleError(Result? result)
    {
        Assert.NotNull(result);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public async Task A_posting_is_created_for_a_leader_in_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province().WithLeader("王局", s.Bureau, "S-1").BuildAsync()).Leader("王局");

        var result = await CreateAsync(app, s.Officer, LeaderTestData.Posting(leader, s.Bureau, PostingRole.PrincipalLeader, Jan1));

        Assert.True(result?.Succeeded);
        var posting = await app.FindPostingAsync(result!.Value);
        Assert.Equal((leader, s.Bureau, PostingRole.PrincipalLeader, Jan1, (DateOnly?)null), (posting!.LeaderId, posting.UnitId, posting.Role, posting.From, posting.To));
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_reported_on_the_end_date()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province().WithLeader("王局", s.Bureau, "S-1").BuildAsync()).Leader("王局");

        var error = SingleError(await CreateAsync(app, s.Officer, LeaderTestData.Posting(leader, s.Bureau, PostingRole.OtherMember, Jan1, Jan1.AddDays(-1))));

        Assert.Equal("To", error.Field);
        Assert.Contains("2026-01-01", error.Message, StringComparison.Ordinal);
    }

    private static Task SetLifeAsync(TestApp app, int unitId, DateOnly? setUp, DateOnly? closed) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SecrecyDuty.Data.AppDbContext>();
            var unit = await db.Units.SingleAsync(u => u.Id == unitId);
            unit.EstablishedOn = setUp;
            unit.ClosedOn = closed;
            await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Unit_life_a_posting_cannot_start_before_the_unit_was_set_up()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province().WithLeader("王局", s.Bureau, "S-1").BuildAsync()).Leader("王局");
        await SetLifeAsync(app, s.Bureau, new DateOnly(2026, 3, 1), null);

        var error = SingleError(await CreateAsync(app, s.Officer, LeaderTestData.Posting(leader, s.Bureau, PostingRole.OtherMember, Jan1)));
        var onTheDay = await CreateAsync(app, s.Officer, LeaderTestData.Posting(leader, s.Bureau, PostingRole.OtherMember, new DateOnly(2026, 3, 1)));

        Assert.Equal("From", error.Field);
        Assert.Contains("2026-03-01", error.Message, StringComparison.Ordinal);
        Assert.True(onTheDay?.Succeeded);
    }

    [Fact]
    public async Task Unit_life_a_posting_in_a_closed_unit_ends_by_its_closing()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province().WithLeader("王局", s.Bureau, "S-1").BuildAsync()).Leader("王局");
        await SetLifeAsync(app, s.Bureau, null, new DateOnly(2026, 6, 30));

        var open = SingleError(await CreateAsync(app, s.Officer, LeaderTestData.Posting(leader, s.Bureau, PostingRole.OtherMember, Jan1)));
        var ended = await CreateAsync(app, s.Officer, LeaderTestData.Posting(leader, s.Bureau, PostingRole.OtherMember, Jan1, new DateOnly(2026, 6, 30)));

        Assert.Equal("To", open.Field);
        Assert.Contains("2026-06-30", open.Message, StringComparison.Ordinal);
        Assert.True(ended?.Succeeded);
    }

    [Fact]
    public async Task A_posting_of_one_day_is_accepted()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province().WithLeader("王局", s.Bureau, "S-1").BuildAsync()).Leader("王局");

        Assert.True((await CreateAsync(app, s.Officer, LeaderTestData.Posting(leader, s.Bureau, PostingRole.OtherMember, Jan1, Jan1)))?.Succeeded);
    }

    [Fact]
    public async Task Overlapping_postings_of_one_leader_in_one_role_in_one_unit_are_reported_on_the_start_date()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province()
            .WithLeader("王局", s.Bureau, "S-1")
            .WithPosting("王局", PostingRole.OtherMember, Jan1, Jan1.AddMonths(6))
            .BuildAsync()).Leader("王局");

        var error = SingleError(await CreateAsync(app, s.Officer, LeaderTestData.Posting(leader, s.Bureau, PostingRole.OtherMember, Jan1.AddMonths(3))));

        Assert.Equal("From", error.Field);
        Assert.Contains("2026-01-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-07-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Art5_a_third_principal_leader_is_reported_on_the_role_naming_the_dates_and_the_holders()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("李书记", s.Bureau, "S-1")
            .WithLeader("王局长", s.Bureau, "S-2")
            .WithLeader("赵三", s.Bureau, "S-3")
            .WithPosting("李书记", PostingRole.PrincipalLeader, Jan1, new DateOnly(2026, 12, 31))
            .WithPosting("王局长", PostingRole.PrincipalLeader, Jan1)
            .BuildAsync();
        var third = built.Leader("赵三");

        var error = SingleError(await CreateAsync(app, s.Officer, LeaderTestData.Posting(third, s.Bureau, PostingRole.PrincipalLeader, new DateOnly(2026, 6, 1))));

        Assert.Equal("Role", error.Field);
        Assert.Equal(
            "From 2026-06-01 to 2026-12-31 this unit already has two principal leaders (李书记、王局长). A unit has at most two at any date (art. 5): choose another period or another role.",
            error.Message);
    }

    [Fact]
    public async Task Art5_a_principal_leader_may_follow_one_whose_posting_has_ended()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("李书记", s.Bureau, "S-1")
            .WithLeader("王局长", s.Bureau, "S-2")
            .WithLeader("赵三", s.Bureau, "S-3")
            .WithPosting("李书记", PostingRole.PrincipalLeader, Jan1, new DateOnly(2026, 5, 31))
            .WithPosting("王局长", PostingRole.PrincipalLeader, Jan1)
            .BuildAsync();
        var successor = built.Leader("赵三");

        Assert.True((await CreateAsync(app, s.Officer, LeaderTestData.Posting(successor, s.Bureau, PostingRole.PrincipalLeader, new DateOnly(2026, 6, 1))))?.Succeeded);
    }

    [Fact]
    public async Task Art6_a_second_leader_in_charge_of_secrecy_is_reported_on_the_role()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("钱副局长", s.Bureau, "S-1")
            .WithLeader("孙副局长", s.Bureau, "S-2")
            .WithPosting("钱副局长", PostingRole.SecrecyLeader, Jan1)
            .BuildAsync();
        var first = built.Leader("钱副局长");
        var second = built.Leader("孙副局长");

        var error = SingleError(await CreateAsync(app, s.Officer, LeaderTestData.Posting(second, s.Bureau, PostingRole.SecrecyLeader, new DateOnly(2026, 3, 1))));

        Assert.Equal("Role", error.Field);
        Assert.Equal(
            "From 2026-03-01 on, this unit already has a leader in charge of secrecy work (钱副局长). A unit has one at any date (art. 6): end that posting first, or choose another role.",
            error.Message);
    }

    [Fact]
    public async Task Editing_a_posting_does_not_collide_with_itself()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("钱副局长", s.Bureau, "S-1")
            .WithPosting("钱副局长", PostingRole.SecrecyLeader, Jan1)
            .BuildAsync();
        var leader = built.Leader("钱副局长");
        var id = built.Posting("钱副局长");
        var input = LeaderTestData.Posting(leader, s.Bureau, PostingRole.SecrecyLeader, Jan1.AddMonths(-1));
        input.Title = "副局长（分管保密）";

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<PostingService>(sp, s.Officer).UpdateAsync(id, Versions.First, input));

        Assert.True(result?.Succeeded);
        var posting = await app.FindPostingAsync(id);
        Assert.Equal(("副局长（分管保密）", Jan1.AddMonths(-1)), (posting!.Title, posting.From));
    }

    [Fact]
    public async Task Editing_a_posting_into_a_full_role_is_refused_and_changes_nothing()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("钱副局长", s.Bureau, "S-1")
            .WithLeader("孙委员", s.Bureau, "S-2")
            .WithPosting("钱副局长", PostingRole.SecrecyLeader, Jan1)
            .WithPosting("孙委员", PostingRole.OtherMember, Jan1)
            .BuildAsync();
        var member = built.Leader("孙委员");
        var id = built.Posting("孙委员");

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<PostingService>(sp, s.Officer)
            .UpdateAsync(id, Versions.First, LeaderTestData.Posting(member, s.Bureau, PostingRole.SecrecyLeader, Jan1)));

        Assert.Equal("Role", SingleError(result).Field);
        Assert.Equal(PostingRole.OtherMember, (await app.FindPostingAsync(id))!.Role);
    }

    [Fact]
    public async Task Ending_a_posting_sets_its_last_day_and_keeps_it()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("王局", s.Bureau, "S-1")
            .WithPosting("王局", PostingRole.PrincipalLeader, Jan1)
            .BuildAsync();
        var leader = built.Leader("王局");
        var id = built.Posting("王局");

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<PostingService>(sp, s.Officer)
            .EndAsync(id, Versions.First, new EndPostingInput { To = new DateOnly(2026, 10, 31) }));

        Assert.True(result?.Succeeded);
        Assert.Equal(leader, result!.Value);
        Assert.Equal(new DateOnly(2026, 10, 31), (await app.FindPostingAsync(id))!.To);
    }

    [Fact]
    public async Task A_posting_cannot_end_before_it_began()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("王局", s.Bureau, "S-1")
            .WithPosting("王局", PostingRole.PrincipalLeader, Jan1)
            .BuildAsync();
        var id = built.Posting("王局");

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<PostingService>(sp, s.Officer)
            .EndAsync(id, Versions.First, new EndPostingInput { To = Jan1.AddDays(-1) }));

        Assert.Equal("To", SingleError(result).Field);
        Assert.Null((await app.FindPostingAsync(id))!.To);
    }

    [Fact]
    public async Task A_posting_that_has_ended_is_not_ended_again()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("王局", s.Bureau, "S-1")
            .WithPosting("王局", PostingRole.PrincipalLeader, Jan1, Jan1.AddMonths(3))
            .BuildAsync();
        var id = built.Posting("王局");

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<PostingService>(sp, s.Officer)
            .EndAsync(id, Versions.First, new EndPostingInput { To = Jan1.AddMonths(6) }));

        Assert.Equal("To", SingleError(result).Field);
        Assert.Equal(Jan1.AddMonths(3), (await app.FindPostingAsync(id))!.To);
    }

    [Fact]
    public async Task From_a_units_page_the_leader_is_found_by_staff_number()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province().WithLeader("王局", s.Bureau, "S-1").BuildAsync()).Leader("王局");
        var input = LeaderTestData.Posting(0, s.Bureau, PostingRole.PrincipalLeader, Jan1);
        input.LeaderStaffNumber = " S-1 ";

        var result = await CreateAsync(app, s.Officer, input);

        Assert.True(result?.Succeeded);
        Assert.Equal(leader, (await app.FindPostingAsync(result!.Value))!.LeaderId);
    }

    [Fact]
    public async Task A_staff_number_outside_the_jurisdiction_is_reported_as_unknown()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        await app.Province()
            .WithLeader("外省领导", s.OtherCity, "Q-1")
            .BuildAsync();
        var input = LeaderTestData.Posting(0, s.Bureau, PostingRole.PrincipalLeader, Jan1);
        input.LeaderStaffNumber = "Q-1";

        var error = SingleError(await CreateAsync(app, s.Officer, input));

        Assert.Equal("LeaderStaffNumber", error.Field);
        Assert.Equal("No leader in your jurisdiction has this staff number: check the number.", error.Message);
    }

    [Fact]
    public async Task A_posting_in_a_unit_outside_the_jurisdiction_is_refused_on_the_unit()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province().WithLeader("王局", s.Bureau, "S-1").BuildAsync()).Leader("王局");

        var error = SingleError(await CreateAsync(app, s.Officer, LeaderTestData.Posting(leader, s.OtherCity, PostingRole.PrincipalLeader, Jan1)));

        Assert.Equal("UnitId", error.Field);
    }

    [Fact]
    public async Task A_deactivated_leader_gets_no_new_posting()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province().WithLeader("王局", s.Bureau, "S-1", active: false).BuildAsync()).Leader("王局");

        var error = SingleError(await CreateAsync(app, s.Officer, LeaderTestData.Posting(leader, s.Bureau, PostingRole.PrincipalLeader, Jan1)));

        Assert.Equal("This leader is deactivated: reactivate the leader before adding a posting.", error.Message);
    }

    [Fact]
    public async Task A_posting_outside_the_jurisdiction_is_neither_shown_nor_changed()
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var built = await app.Province()
            .WithLeader("外省领导", s.OtherCity, "Q-1")
            .WithPosting("外省领导", PostingRole.PrincipalLeader, Jan1)
            .BuildAsync();
        var outsider = built.Leader("外省领导");
        var id = built.Posting("外省领导");

        var (form, update, end, create) = await app.InScopeAsync(async sp =>
        {
            var postings = TestApp.ServiceFor<PostingService>(sp, s.Officer);
            return (
                await postings.GetForEditAsync(id),
                await postings.UpdateAsync(id, Versions.First, LeaderTestData.Posting(outsider, s.OtherCity, PostingRole.OtherMember, Jan1)),
                await postings.EndAsync(id, Versions.First, new EndPostingInput { To = Jan1.AddDays(1) }),
                await postings.CreateAsync(LeaderTestData.Posting(outsider, s.Bureau, PostingRole.OtherMember, Jan1)));
        });

        Assert.Null(form);
        Assert.Null(update);
        Assert.Null(end);
        Assert.Null(create);
        var posting = await app.FindPostingAsync(id);
        Assert.Equal((PostingRole.PrincipalLeader, (DateOnly?)null), (posting!.Role, posting.To));
    }

    [Theory]
    [InlineData(Roles.UnitLeader)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    public async Task Only_maintainers_write_postings(string role)
    {
        using var app = TestApp.Rent();
        var s = await SettingAsync(app);
        var leader = (await app.Province().WithLeader("王局", s.Bureau, "S-1").BuildAsync()).Leader("王局");
        var reader = new FixedCurrentUser("reader", s.Bureau, role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => CreateAsync(app, reader, LeaderTestData.Posting(leader, s.Bureau, PostingRole.PrincipalLeader, Jan1)));
    }
}
