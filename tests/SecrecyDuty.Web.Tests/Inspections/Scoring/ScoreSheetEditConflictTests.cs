using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Infrastructure.EditConflicts;

namespace SecrecyDuty.Web.Tests.Inspections.Scoring;

/// <summary>Issue 14, "No lost updates": two inspectors score one sheet at once (docs/decisions/0020).</summary>
public sealed class ScoreSheetEditConflictTests
{
    [Fact]
    public async Task The_second_scorer_sees_the_items_the_first_saved_and_saving_again_replaces_them()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        await app.Province().WithAccount("officer-2", Roles.SecrecyOfficer, p.Root).BuildAsync();
        var officer = await app.OfficerAsync(p);
        var inspection = await app.PlanAsync(p);
        await app.StartAsync(p, inspection);
        var template = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.Where(t => t.IsCurrent).Select(t => t.Id).FirstAsync());
        Assert.True((await app.InScopeAsync(sp => TestApp.ServiceFor<ScoreSheetService>(sp, officer).StartAsync(inspection, template)))!.Succeeded);
        var first = await app.SignedInAsync("officer");
        var second = await app.SignedInAsync("officer-2");
        var url = $"/Inspections/Scores/Sheet/{inspection}";
        var page = await TestApp.GetDocumentAsync(first, url);
        string Entry(string code) => page.QuerySelector($"input[name$='.ItemCode'][value='{code}']")!.GetAttribute("name")!.Replace(".ItemCode", "", StringComparison.Ordinal);
        var firstForm = await TestApp.GetFormAsync(first, url, "#score-form");
        var secondForm = await TestApp.GetFormAsync(second, url, "#score-form");

        await AssertSavedAsync(await first.PostAsync(url, firstForm.With(($"{Entry("1.4")}.Defects", "1")).ToContent()));
        var conflict = await AssertConflictAsync(await second.PostAsync(url, secondForm.With(($"{Entry("2.8")}.Defects", "2")).ToContent()));

        var fields = Fields(conflict);
        Assert.Equal(("1", "0"), fields["1.4 · 问题个数"]);
        Assert.Equal(("0", "2"), fields["2.8 · 问题个数"]);
        Assert.Equal([("1.4", 1)], await DefectsAsync(app, inspection));
        await AssertSavedAsync(await second.PostAsync(url, Form(conflict, "#score-form").ToContent()));
        Assert.Equal([("2.8", 2)], await DefectsAsync(app, inspection));
    }

    private static Task<List<(string, int)>> DefectsAsync(TestApp app, int inspection) =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<AppDbContext>().ScoreSheetEntries.AsNoTracking()
                .Where(e => sp.GetRequiredService<AppDbContext>().ScoreSheets.Any(s => s.Id == e.ScoreSheetId && s.InspectionId == inspection) && e.DefectCount > 0)
                .Select(e => new { e.Item!.Code, e.DefectCount })
                .ToListAsync())
            .Select(e => (e.Code, e.DefectCount)).OrderBy(e => e.Code, StringComparer.Ordinal).ToList());
}
