using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Incidents;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Auditing;

/// <summary>
/// Issue 14, finding 8: what the probe found missing from the trail is in it — evidence uploads and removals, attendance
/// changes, downloads and exports — and every entry of a unit's record carries that unit, parts included.
/// </summary>
public sealed class AuditCoverageTests
{
    private static Task<List<AuditEntry>> EntriesAsync(TestApp app, string entityType) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType)
            .OrderBy(a => a.Id)
            .ToListAsync());

    [Fact]
    public async Task Uploading_and_removing_evidence_are_in_the_trail_under_the_activity_s_unit()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var id = await app.RecordAsync(p.Officer, p.Briefing());

        var added = await app.EvidenceAsync(p.Officer, s => s.AddAsync(id, [ActivityTestData.Upload("会议纪要.pdf", TestFiles.Pdf())]));
        Assert.True(added!.Succeeded);
        var fileId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EvidenceFiles.Select(f => f.Id).SingleAsync());
        Assert.Equal("会议纪要.pdf", await app.EvidenceAsync(p.Officer, s => s.RemoveAsync(id, fileId)));

        var entries = await EntriesAsync(app, "EvidenceFile");
        Assert.Equal([AuditAction.Create, AuditAction.Delete], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((fileId.ToString(System.Globalization.CultureInfo.InvariantCulture), (int?)p.Department, "officer"), (e.EntityId, e.UnitId, e.UserName)));
        Assert.Contains("会议纪要.pdf", entries[0].Changes, StringComparison.Ordinal);
        Assert.Contains("会议纪要.pdf", entries[1].Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Bytes", entries[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_attended_is_in_the_trail_when_recorded_and_when_changed_under_the_activity_s_unit()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var id = await app.RecordAsync(p.Officer, p.Briefing(present: [p.Zhang, p.Li]));
        var changed = p.Briefing(present: [p.Zhang, p.Zhao]);

        var result = await app.ActivitiesAsync(p.Officer, s => s.UpdateAsync(id, Versions.First, changed));

        Assert.True(result!.Succeeded, string.Join("; ", result.Errors));
        var entries = await EntriesAsync(app, "ActivityAttendance");
        var key = (int posting) => FormattableString.Invariant($"{id},{posting}");
        Assert.Equal(
            [(AuditAction.Create, key(p.Zhang)), (AuditAction.Create, key(p.Li)), (AuditAction.Delete, key(p.Li)), (AuditAction.Create, key(p.Zhao))],
            entries.Select(e => (e.Action, e.EntityId)).Take(2).Concat(entries.Skip(2).Select(e => (e.Action, e.EntityId)).OrderBy(e => e.Action == AuditAction.Create)));
        Assert.All(entries, e => Assert.Equal(p.Department, e.UnitId));
    }

    [Fact]
    public async Task Naming_an_account_on_an_incident_file_and_linking_a_finding_are_in_the_trail_under_the_file_s_unit()
    {
        using var app = TestApp.Rent();
        var f = await IncidentProvince.CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        var discipline = await app.DbAsync(db => db.Users.Where(u => u.UserName == "discipline").Select(u => u.Id).SingleAsync());

        await app.GrantAsync(f.Officer, id, "discipline");
        await app.LinkAsync(f.Officer, id, f.Finding);
        var revoked = await app.IncidentsAsync(f.Officer, s => s.RevokeAsync(id, discipline));

        Assert.True(revoked!.Succeeded, string.Join("; ", revoked.Errors));
        var grants = await EntriesAsync(app, "IncidentGrant");
        Assert.Contains(grants, e => e.Action == AuditAction.Create && e.EntityId == FormattableString.Invariant($"{id},{discipline}"));
        Assert.Contains(grants, e => e.Action == AuditAction.Delete && e.EntityId == FormattableString.Invariant($"{id},{discipline}"));
        var link = Assert.Single(await EntriesAsync(app, "IncidentFinding"));
        Assert.Equal((AuditAction.Create, FormattableString.Invariant($"{id},{f.Finding}")), (link.Action, link.EntityId));
        Assert.All(grants.Append(link), e => Assert.Equal(f.P.Department, e.UnitId));
    }

    [Fact]
    public async Task Downloading_an_evidence_file_is_in_the_trail_with_its_unit_and_name()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var id = await app.RecordAsync(p.Officer, p.Briefing(), ActivityTestData.Upload("签到表.pdf", TestFiles.Pdf()));
        var fileId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EvidenceFiles.Select(f => f.Id).SingleAsync());

        var response = await (await app.SignedInAsync("officer")).GetAsync($"/Activities/Details/{id}?handler=Evidence&fileId={fileId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.Download).ToListAsync()));
        Assert.Equal(("EvidenceFile", fileId.ToString(System.Globalization.CultureInfo.InvariantCulture), (int?)p.Department, "officer"), (entry.EntityType, entry.EntityId, entry.UnitId, entry.UserName));
        Assert.Contains("签到表.pdf", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_refused_outside_the_jurisdiction_writes_nothing()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var id = await app.RecordAsync(p.Officer, p.Briefing(), ActivityTestData.Upload("签到表.pdf", TestFiles.Pdf()));
        var fileId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EvidenceFiles.Select(f => f.Id).SingleAsync());

        var response = await (await app.SignedInAsync("health-officer")).GetAsync($"/Activities/Details/{id}?handler=Evidence&fileId={fileId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.CountAsync(a => a.Action == AuditAction.Download)));
    }

    [Theory]
    [InlineData("/Leaders?handler=Export&format=csv&q=%E5%BC%A0", "/Leaders/Index", "leaders.csv")]
    [InlineData("/Activities?handler=Export&format=xlsx", "/Activities/Index", "activities.xlsx")]
    [InlineData("/Units?handler=Export&format=csv", "/Units/Index", "units.csv")]
    public async Task Exporting_a_list_is_in_the_trail_with_the_list_the_file_and_the_query(string url, string list, string fileName)
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);

        var response = await (await app.SignedInAsync("officer")).GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var entry = Assert.Single(await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.Export).ToListAsync()));
        Assert.Equal(("Export", list, (int?)p.Root, "officer"), (entry.EntityType, entry.EntityId, entry.UnitId, entry.UserName));
        Assert.Contains(fileName, entry.Changes, StringComparison.Ordinal);
        Assert.Contains("handler=Export", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_part_of_a_record_takes_the_unit_of_the_record_it_belongs_to()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        await app.RecordAsync(p.Officer, p.Briefing());

        var parts = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "ActivityAttendance" || a.EntityType == "Posting" || a.EntityType == "Activity")
            .Select(a => new { a.EntityType, a.UnitId })
            .ToListAsync());

        Assert.NotEmpty(parts);
        Assert.All(parts, e => Assert.NotNull(e.UnitId));
    }

    [Fact]
    public async Task Entries_without_a_unit_are_read_only_by_an_administrator_of_the_whole_province()
    {
        using var app = TestApp.Rent();
        var p = await app.Province()
            .WithUnit("P", "示范省").WithUnit("P-C", "示范市", parent: "P")
            .WithAccount("province-admin", Roles.Administrator, "P")
            .WithAccount("city-admin", Roles.Administrator, "P-C")
            .BuildAsync();
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.AuditEntries.Add(new AuditEntry { AtUtc = new DateTime(2026, 11, 27, 1, 0, 0, DateTimeKind.Utc), UserName = "(system)", Action = AuditAction.Create, EntityType = "ScoreTemplate", EntityId = "无单位的记录" });
            await db.SaveChangesAsync();
        });

        var seen = async (string account) => (await TestApp.GetDocumentAsync(await app.SignedInAsync(account), "/Admin/Audit?EntityId=%E6%97%A0%E5%8D%95%E4%BD%8D%E7%9A%84%E8%AE%B0%E5%BD%95")).Body!.TextContent;

        Assert.Contains("无单位的记录", await seen("province-admin"), StringComparison.Ordinal);
        Assert.DoesNotContain("无单位的记录", await seen("city-admin"), StringComparison.Ordinal);
        Assert.True(p.Unit("P-C") > 0);
    }
}
