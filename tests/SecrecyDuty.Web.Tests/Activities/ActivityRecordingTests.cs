using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Activities;

/// <summary>Recording and editing activities through the service: the rules of arts. 5–6, the date, the audit trail.</summary>
public sealed class ActivityRecordingTests
{
    private static Task<List<AuditEntry>> AuditOfAsync(TestApp app, int activityId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Activity) && a.EntityId == ActivityTestData.Id(activityId))
            .OrderBy(a => a.Id)
            .ToListAsync());

    [Fact]
    public async Task A_briefing_is_recorded_with_the_postings_present_and_audited()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);

        var id = await app.RecordAsync(p.Officer, p.Briefing(Province.Nov20, p.Zhang, p.Li));

        var details = await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id));
        Assert.Equal(ActivityKind.Briefing, details!.Kind);
        Assert.Equal("P5.3", details.DutyCode);
        Assert.Equal(Province.Nov20, details.Date);
        Assert.Equal([("张教", "厅长"), ("李保", "副厅长")], details.Attendees.Select(a => (a.LeaderName, a.PostingTitle)));
        var entry = Assert.Single(await AuditOfAsync(app, id));
        Assert.Equal(AuditAction.Create, entry.Action);
        Assert.Equal("officer", entry.UserName);
        Assert.Equal(p.Department, entry.UnitId);
        Assert.Contains("2026年下半年保密工作情况汇报", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_an_activity_is_audited_and_replaces_who_was_present()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var id = await app.RecordAsync(p.Officer, p.Briefing(Province.Nov20, p.Zhang, p.Li));

        var input = p.Briefing(Province.Nov20, p.Zhang, p.Zhao);
        input.Title = "2026年下半年保密工作汇报（更正）";
        var result = await app.ActivitiesAsync(p.Officer, s => s.UpdateAsync(id, Versions.First, input));

        Assert.True(result!.Succeeded);
        var details = await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id));
        Assert.Equal(["张教", "赵委"], details!.Attendees.Select(a => a.LeaderName).Order(StringComparer.Ordinal));
        var audit = await AuditOfAsync(app, id);
        Assert.Equal([AuditAction.Create, AuditAction.Update], audit.Select(a => a.Action));
        Assert.Contains("（更正）", audit[1].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_date_is_refused_and_nothing_is_written()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);

        var result = await app.ActivitiesAsync(p.Officer, s => s.CreateAsync(p.Briefing(new DateOnly(2026, 11, 28)), []));

        Assert.Equal(["Date"], result.Errors.Select(e => e.Field));
        Assert.Equal(0, await app.ActivityCountAsync());
    }

    [Fact]
    public async Task An_attendee_whose_posting_had_ended_by_the_date_is_refused()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);

        // 王书记's posting ended on June 30: present on November 20 it cannot be.
        var result = await app.ActivitiesAsync(p.Officer, s => s.CreateAsync(p.Briefing(Province.Nov20, p.Zhang, p.Wang), []));

        var error = Assert.Single(result.Errors);
        Assert.Equal("PostingIds", error.Field);
        Assert.Contains("2026-11-20", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.ActivityCountAsync());
    }

    [Fact]
    public async Task On_the_last_day_of_a_posting_its_holder_may_attend()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);

        var id = await app.RecordAsync(p.Officer, p.Briefing(Province.June30, p.Wang));

        Assert.Equal(["王书记"], (await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id)))!.Attendees.Select(a => a.LeaderName));
    }

    [Fact]
    public async Task A_posting_of_another_unit_cannot_be_marked_present()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);

        var result = await app.ActivitiesAsync(p.Officer, s => s.CreateAsync(p.Briefing(Province.Nov20, p.Zhang, p.HealthPrincipal), []));

        Assert.Equal(["PostingIds"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task P5_3_a_briefing_without_a_principal_leader_present_is_refused()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);

        var result = await app.ActivitiesAsync(p.Officer, s => s.CreateAsync(p.Briefing(Province.Nov20, p.Li, p.Zhao), []));

        var error = Assert.Single(result.Errors);
        Assert.Equal("PostingIds", error.Field);
        Assert.Contains("P5.3", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.ActivityCountAsync());
    }

    [Fact]
    public async Task S6_5_a_member_meeting_without_the_leader_in_charge_is_refused_and_names_him()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);

        var result = await app.ActivitiesAsync(p.Officer, s => s.CreateAsync(p.Of(ActivityKind.MemberMeeting, Province.Nov20, p.Zhang, p.Zhao), []));

        var error = Assert.Single(result.Errors);
        Assert.Equal("PostingIds", error.Field);
        Assert.Contains("李保", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_training_keeps_its_audience_and_head_count_and_other_kinds_drop_them()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var directive = p.Of(ActivityKind.DirectiveStudy);
        directive.HeadCount = 40;
        directive.Reviewer = "不应保存";

        var training = await app.RecordAsync(p.Officer, p.Of(ActivityKind.Training));
        var study = await app.RecordAsync(p.Officer, directive);

        var trained = await app.ActivitiesAsync(p.Officer, s => s.GetAsync(training));
        Assert.Equal(("全体工作人员", 85), (trained!.Audience, trained.HeadCount!.Value));
        var studied = await app.ActivitiesAsync(p.Officer, s => s.GetAsync(study));
        Assert.Null(studied!.HeadCount);
        Assert.Null(studied.Reviewer);
    }

    [Fact]
    public async Task A_training_without_a_head_count_is_refused_by_the_service()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var input = p.Of(ActivityKind.Training);
        input.HeadCount = 0;

        var result = await app.ActivitiesAsync(p.Officer, s => s.CreateAsync(input, []));

        Assert.Equal(["HeadCount"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task A_publication_review_keeps_its_item_reviewer_and_outcome()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);

        var id = await app.RecordAsync(p.Officer, p.Of(ActivityKind.PublicationReview));

        var review = await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id));
        Assert.Equal(("门户网站年度工作总结", "周敏", PublicationReviewOutcome.ApprovedWithChanges), (review!.ReviewedItem!, review.Reviewer!, review.ReviewOutcome!.Value));
        Assert.Equal("S6.9", review.DutyCode);
    }

    [Fact]
    public async Task The_details_quote_the_duty_from_the_current_regulation()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);

        var id = await app.RecordAsync(p.Officer, p.Briefing());

        Assert.StartsWith("适时(每年至少1—2次)听取保密组织的情况汇报", (await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id)))!.DutyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_leader_records_for_the_own_unit_only()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var health = p.Briefing(Province.Nov20, p.HealthPrincipal);
        health.UnitId = p.Health;

        var own = await app.ActivitiesAsync(p.Leader, s => s.CreateAsync(p.Briefing(), []));
        var other = await app.ActivitiesAsync(p.Leader, s => s.CreateAsync(health, []));

        Assert.True(own.Succeeded);
        Assert.Equal(["UnitId"], other.Errors.Select(e => e.Field));
        Assert.Equal(1, await app.ActivityCountAsync());
    }

    [Theory]
    [InlineData(Core.Accounts.Roles.Supervisor)]
    [InlineData(Core.Accounts.Roles.DisciplineOfficial)]
    public async Task Read_only_roles_cannot_record_or_edit(string role)
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var id = await app.RecordAsync(p.Officer, p.Briefing());
        var reader = new FixedCurrentUser("reader", p.Root, role);

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.ActivitiesAsync(reader, s => s.CreateAsync(p.Briefing(), [])));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.ActivitiesAsync(reader, s => s.UpdateAsync(id, Versions.First, p.Briefing())));
        Assert.NotNull(await app.ActivitiesAsync(reader, s => s.GetAsync(id)));
        Assert.False((await app.ActivitiesAsync(reader, s => s.GetAsync(id)))!.CanEdit);
    }

    [Fact]
    public async Task An_activity_outside_the_jurisdiction_cannot_be_read_or_edited()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var id = await app.RecordAsync(p.Officer, p.Briefing());

        Assert.Null(await app.ActivitiesAsync(p.HealthOfficer, s => s.GetAsync(id)));
        Assert.Null(await app.ActivitiesAsync(p.HealthOfficer, s => s.GetForEditAsync(id)));
        Assert.Null(await app.ActivitiesAsync(p.HealthOfficer, s => s.UpdateAsync(id, Versions.First, p.Briefing())));
    }
}
