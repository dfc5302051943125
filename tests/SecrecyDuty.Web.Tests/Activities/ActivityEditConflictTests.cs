using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Activities;

/// <summary>Issue 14, "No lost updates": two people edit one activity, its attendance included, at once (docs/decisions/0020).</summary>
public sealed class ActivityEditConflictTests
{
    /// <summary>The stored title and the postings present, as one text.</summary>
    private static Task<string> StoredAsync(TestApp app, int id) =>
        app.InScopeAsync(async sp =>
        {
            var activity = await sp.GetRequiredService<AppDbContext>().Activities.AsNoTracking().Include(a => a.Attendance).SingleAsync(a => a.Id == id);
            return $"{activity.Title}: {string.Join(",", activity.Attendance.Select(a => a.PostingId).Order())}";
        });

    [Fact]
    public async Task The_second_editor_of_an_activity_sees_the_attendance_the_first_saved_and_saving_again_replaces_it()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        await app.Province().WithAccount("officer-2", Roles.SecrecyOfficer, p.Root, displayName: "李秘书").BuildAsync();
        var id = await app.RecordAsync(p.Officer, p.Briefing(Province.Nov20, p.Zhang));
        var first = await app.SignedInAsync("officer");
        var second = await app.SignedInAsync("officer-2");
        var url = $"/Activities/Edit/{id}";
        var firstForm = await TestApp.GetFormAsync(first, url, "#activity-form");
        var secondForm = await TestApp.GetFormAsync(second, url, "#activity-form");

        // Only the attendance changes in the first save: the activity's version moves all the same.
        await AssertSavedAsync(await first.PostAsync(url, firstForm.WithEach("Input.PostingIds", ActivityTestData.Id(p.Zhang), ActivityTestData.Id(p.Li)).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync(url, secondForm.With(("Input.Title", "下半年汇报（更正）")).ToContent()));

        Assert.Equal($"2026年下半年保密工作情况汇报: {string.Join(",", new[] { p.Zhang, p.Li }.Order())}", await StoredAsync(app, id));
        var fields = Fields(conflict);
        Assert.Equal(("张教、李保", "张教"), fields["出席的单位领导"]);
        Assert.Equal(("2026年下半年保密工作情况汇报", "下半年汇报（更正）"), fields["标题"]);

        await AssertSavedAsync(await second.PostAsync(url, Form(conflict, "#activity-form").ToContent()));
        Assert.Equal($"下半年汇报（更正）: {p.Zhang}", await StoredAsync(app, id));
    }
}
