using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Data;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Operations;

/// <summary>
/// The synthetic province of the <c>generate-demo</c> command (docs/performance.md): the size asked for, a whole tree,
/// teams whose postings change, every kind of record, the same province from the same seed, and an app that works on it.
/// Small sizes here; the benchmark generates the full province.
/// </summary>
public sealed class ProvinceGeneratorTests
{
    private static readonly ProvinceSize Small = new(Units: 60, Leaders: 300, Years: 3, Seed: 7);

    private static Task<GeneratedProvince> GenerateAsync(TestApp app, ProvinceSize size) =>
        app.InScopeAsync(sp => sp.GetRequiredService<ProvinceGenerator>().GenerateAsync(size, _ => { }));

    [Fact]
    public async Task The_province_has_the_units_and_leaders_asked_for_in_one_tree_under_the_root()
    {
        using var app = TestApp.Rent();
        var generated = await GenerateAsync(app, Small);

        var (units, roots, unreached, leaders) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var root = await db.Units.SingleAsync(u => u.ParentId == null);
            return (
                await db.Units.CountAsync(),
                await db.Units.CountAsync(u => u.ParentId == null),
                await db.Units.CountAsync(u => !db.UnitAncestries.Any(a => a.AncestorId == root.Id && a.DescendantId == u.Id)),
                await db.Leaders.CountAsync());
        });

        Assert.Equal((60, 1, 0, 300), (units, roots, unreached, leaders));
        Assert.Equal(60, generated.Tables.Single(t => t.Table == "Units").Rows);
    }

    [Fact]
    public async Task Every_kind_of_record_is_there_including_changed_postings_overdue_orders_and_decided_incidents()
    {
        using var app = TestApp.Rent();
        await GenerateAsync(app, Small with { Units = 400, Leaders = 2000, Years = 5 });

        var counts = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
            return new Dictionary<string, int>
            {
                ["ended postings"] = await db.Postings.CountAsync(p => p.To != null),
                ["secrecy organizations"] = await db.SecrecyOrganizations.CountAsync(),
                ["briefings"] = await db.Activities.CountAsync(a => a.Kind == Core.Activities.ActivityKind.Briefing),
                ["attendance"] = await db.ActivityAttendances.CountAsync(),
                ["open checklists this year"] = await db.DutyChecklists.CountAsync(c => c.Year == today.Year && c.Status == ChecklistStatus.Open),
                ["reviewed checklists"] = await db.DutyChecklists.CountAsync(c => c.Status == ChecklistStatus.Reviewed),
                ["checklist items"] = await db.DutyChecklistItems.CountAsync(),
                ["appraisals"] = await db.Appraisals.CountAsync(),
                ["overdue orders"] = await db.RectificationOrders.CountAsync(o => o.Status == RectificationStatus.Open && o.Deadline < today),
                ["verified orders"] = await db.RectificationOrders.CountAsync(o => o.Status == RectificationStatus.Verified),
                ["decided incidents"] = await db.Incidents.CountAsync(i => i.Status == IncidentStatus.Decided),
                ["decisions"] = await db.SanctionDecisions.CountAsync(),
                ["proposals"] = await db.Proposals.CountAsync(p => p.IncidentId != null),
            };
        });

        Assert.All(counts, c => Assert.True(c.Value > 0, $"no {c.Key}"));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_province()
    {
        using var first = TestApp.StartOwn(_ => { });
        using var second = TestApp.StartOwn(_ => { });
        await GenerateAsync(first, Small);
        await GenerateAsync(second, Small);

        static Task<string[]> NamesAsync(TestApp app) => app.InScopeAsync(sp =>
            sp.GetRequiredService<AppDbContext>().Leaders.OrderBy(l => l.StaffNumber).Select(l => l.StaffNumber + l.Name + l.Unit!.Code).ToArrayAsync());

        Assert.Equal(await NamesAsync(first), await NamesAsync(second));
    }

    [Fact]
    public async Task A_database_that_already_holds_units_is_refused()
    {
        using var app = TestApp.Rent();
        await GenerateAsync(app, Small);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => GenerateAsync(app, Small));

        Assert.StartsWith("The database already holds units", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 50, 3, "--units must be between 10 and 200000")]
    [InlineData(100, 200, 3, "--leaders must be between 3 and 20 times --units (a leadership team per unit)")]
    [InlineData(100, 500, 0, "--years must be between 1 and 20")]
    public void A_size_out_of_range_is_refused_with_the_reason(int units, int leaders, int years, string problem) =>
        Assert.Equal([problem], new ProvinceSize(units, leaders, years).Problems());

    [Fact]
    public async Task The_app_answers_on_the_generated_province_for_each_role()
    {
        using var app = TestApp.Rent();
        await GenerateAsync(app, Small);

        foreach (var (userName, page) in new[] { ("officer", "/"), ("officer", "/Compliance"), ("discipline", "/Incidents"), ("leader", "/"), ("cadre", "/Proposals") })
        {
            var client = app.CreateBrowserClient();
            await TestApp.SignInAsync(client, userName, ProvinceGenerator.Password);
            await TestApp.GetDocumentAsync(client, page);
        }
    }
}
