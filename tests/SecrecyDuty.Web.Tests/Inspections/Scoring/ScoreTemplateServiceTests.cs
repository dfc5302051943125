using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Inspections.Scoring;

/// <summary>Issue 8: a secrecy bureau loads its own checklist template; a new version of a template becomes current.</summary>
public sealed class ScoreTemplateServiceTests
{
    private const string BureauCode = "qs-bureau-inspection";

    private static async Task<(int Bureau, ICurrentUser Officer)> BureauAsync(TestApp app)
    {
        var bureau = (await app.Province().WithUnit("QS", "青山市保密局").BuildAsync()).Unit("QS");
        return (bureau, new FixedCurrentUser("officer", bureau, Roles.SecrecyOfficer));
    }

    private static MemoryStream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_secrecy_officer_loads_a_bureaus_own_template_and_it_is_audited()
    {
        using var app = TestApp.Rent();
        var (bureau, officer) = await BureauAsync(app);
        var json = ScoreTemplateTestData.Shipped(code: BureauCode, version: "1.0").ToJsonString();

        var result = await app.AsAsync(officer, s => s.LoadAsync(Utf8(json), "C:\\检查\\qs-bureau-inspection-1.0.json"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal((BureauCode, "1.0", true), (result.Value!.Code, result.Value.Version, result.Value.IsCurrent));
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.AsNoTracking().SingleAsync(t => t.Code == BureauCode));
        Assert.Equal(("qs-bureau-inspection-1.0.json", "officer", (int?)bureau), (stored.SourceFile, stored.LoadedBy, stored.LoadedByUnitId));
        var audit = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(ScoreTemplate) && a.EntityId == stored.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Equal((AuditAction.Create, "officer", (int?)bureau), (Assert.Single(audit).Action, audit[0].UserName, audit[0].UnitId));

        // The shipped template stays current for its own code.
        Assert.Equal(2, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.CountAsync(t => t.IsCurrent)));
    }

    [Fact]
    public async Task A_new_version_of_a_loaded_template_becomes_current()
    {
        using var app = TestApp.Rent();
        var (_, officer) = await BureauAsync(app);

        var result = await app.AsAsync(officer, s => s.LoadAsync(ScoreTemplateTestData.Shipped(version: "1.1").ToJsonString(), "template.json"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var list = await app.AsAsync(officer, s => s.ListAsync());
        Assert.Equal(
            [(ScoreTemplateTestData.ShippedCode, "1.1", true), (ScoreTemplateTestData.ShippedCode, "1.0", false)],
            list.Select(t => (t.Code, t.Version, t.IsCurrent)));
        Assert.Equal((4, 29), (list[0].CategoryCount, list[0].ItemCount));
        Assert.Equal(result.Value!.Id, (await app.AsAsync(officer, s => s.GetCurrentAsync(ScoreTemplateTestData.ShippedCode)))!.Id);
    }

    [Theory]
    [InlineData("1.0", "is already loaded")]
    [InlineData("0.9", "is older than the loaded version 1.0")]
    public async Task Only_a_newer_version_of_a_loaded_template_is_accepted(string version, string message)
    {
        using var app = TestApp.Rent();
        var (_, officer) = await BureauAsync(app);

        var result = await app.AsAsync(officer, s => s.LoadAsync(ScoreTemplateTestData.Shipped(version: version).ToJsonString(), "template.json"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ScoreTemplateService.Field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.CountAsync()));
    }

    [Fact]
    public async Task Every_problem_of_the_file_comes_back_as_a_field_error_with_its_path()
    {
        using var app = TestApp.Rent();
        var (_, officer) = await BureauAsync(app);
        var document = ScoreTemplateTestData.Shipped(code: BureauCode);
        document["categories"]![0]!["items"]![0]!["points"] = 0;
        document["categories"]![0]!["items"]![1]!["deficiencyCode"] = "D15.9";

        var result = await app.AsAsync(officer, s => s.LoadAsync(document.ToJsonString(), "bureau.json"));

        Assert.Equal(
            [
                (ScoreTemplateService.Field, "$.categories[0].items[0].points: is 0: it must be more than 0"),
                (ScoreTemplateService.Field, "$.categories[0].items[1].deficiencyCode: refers to \"D15.9\", which is not a deficiency of the regulation catalogue"),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.AnyAsync(t => t.Code == BureauCode)));
    }

    [Fact]
    public async Task The_problems_are_shown_in_Chinese_by_default()
    {
        using var app = TestApp.Rent();
        var (_, officer) = await BureauAsync(app);
        var document = ScoreTemplateTestData.Shipped(code: BureauCode);
        document["categories"]![0]!["items"]![0]!["points"] = 0;
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");

            var result = await app.AsAsync(officer, s => s.LoadAsync(document.ToJsonString(), "bureau.json"));

            Assert.Equal("$.categories[0].items[0].points: 为 0：必须超过 0", Assert.Single(result.Errors).Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00 }, "is not UTF-8")]
    [InlineData(new byte[0], "The file is empty")]
    public async Task A_file_that_is_not_a_UTF8_JSON_text_is_refused(byte[] content, string message)
    {
        using var app = TestApp.Rent();
        var (_, officer) = await BureauAsync(app);

        var result = await app.AsAsync(officer, s => s.LoadAsync(new MemoryStream(content), "bureau.json"));

        Assert.Contains(message, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_without_reading_it_all()
    {
        using var app = TestApp.Rent();
        var (_, officer) = await BureauAsync(app);
        var content = new MemoryStream(new byte[ScoreTemplateService.MaxFileBytes * 3]);

        var result = await app.AsAsync(officer, s => s.LoadAsync(content, "big.json"));

        Assert.Contains("at most 1024 KB", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.True(content.Position <= ScoreTemplateService.MaxFileBytes + 1);
    }

    [Theory]
    [InlineData(Roles.UnitLeader)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.DisciplineOfficial)]
    public async Task Only_administrators_and_secrecy_officers_load_templates(string role)
    {
        using var app = TestApp.Rent();
        var (bureau, _) = await BureauAsync(app);
        var json = ScoreTemplateTestData.Shipped(code: BureauCode).ToJsonString();

        await Assert.ThrowsAsync<AccessDeniedException>(() => app.AsAsync(new FixedCurrentUser("u", bureau, role), s => s.LoadAsync(json, "bureau.json")));
        Assert.False(await app.AsAsync(new FixedCurrentUser("u", bureau, role), s => Task.FromResult(s.CanLoad)));
    }

    [Fact]
    public async Task Any_signed_in_account_reads_a_template_and_scores_against_it()
    {
        using var app = TestApp.Rent();
        var (bureau, _) = await BureauAsync(app);
        var leader = new FixedCurrentUser("leader", bureau, Roles.UnitLeader);
        var id = (await app.AsAsync(leader, s => s.ListAsync())).Single().Id;

        var details = (await app.AsAsync(leader, s => s.GetAsync(id)))!;

        Assert.Equal((true, $"{ScoreTemplateTestData.ShippedCode}-1.0.json", 29), (details.IsCurrent, details.SourceFile, details.ItemIds.Count));
        var leakNotReported = details.Template.Items.Single(i => i.DutyCode == "S6.10");
        var result = ScoreRules.Compute(details.Template, [new ScoreEntry(leakNotReported.Code, 1)], UnitKind.PartyOrgan);
        Assert.Equal((true, "NonConforming", 97.0m), (result.VetoFailed, result.Grade!.Code, result.Percentage));
        Assert.Null(await app.AsAsync(leader, s => s.GetAsync(id + 1000)));
    }
}
