using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Incidents.IncidentProvince;

namespace SecrecyDuty.Web.Tests.Incidents;

/// <summary>
/// The inspection findings (D15.x) a file is linked to, which art. 16 reads; the list of files, filtered by status and by
/// text, and its export, which shows exactly what the list would.
/// </summary>
public sealed class IncidentListAndFindingTests
{
    [Fact]
    public async Task A_finding_of_the_files_unit_is_linked_and_shown_with_its_code()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        await app.LinkAsync(f.Officer, id, f.Finding);
        var opened = await app.IncidentsAsync(f.Discipline, s => s.OpenAsync(id));

        var linked = Assert.Single(opened!.LinkedFindings);
        Assert.Equal((f.Finding, "D15.3"), (linked.FindingId, linked.DeficiencyCode));
    }

    [Fact]
    public async Task A_finding_of_another_unit_is_refused_and_nothing_is_linked()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        var refused = await app.IncidentsAsync(f.Officer, s => s.LinkFindingAsync(id, f.HealthFinding));

        Assert.Equal(["FindingId"], IncidentTestData.Fields(refused));
        Assert.Equal(0, await app.DbAsync(db => db.IncidentFindings.CountAsync()));
    }

    [Fact]
    public async Task A_finding_is_linked_once()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        await app.LinkAsync(f.Officer, id, f.Finding);

        var refused = await app.IncidentsAsync(f.Officer, s => s.LinkFindingAsync(id, f.Finding));

        Assert.Equal(["FindingId"], IncidentTestData.Fields(refused));
        Assert.Equal(1, await app.DbAsync(db => db.IncidentFindings.CountAsync()));
    }

    [Fact]
    public async Task Art_16_the_linked_findings_deficiency_reaches_the_guidance_and_leaves_it_when_unlinked()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        await app.AddPersonAsync(f.Officer, id, LeaderPerson(f.P.Zhang, partyMember: false));
        await app.AssessAsync(f.Officer, id, Assessment(CircumstanceSeverity.Serious, Loss.Larger));

        var unlinked = await app.IncidentsAsync(f.Discipline, s => s.OpenAsync(id));
        await app.LinkAsync(f.Officer, id, f.Finding);
        var linked = await app.IncidentsAsync(f.Discipline, s => s.OpenAsync(id));
        IncidentTestData.Succeeded(await app.IncidentsAsync(f.Officer, s => s.UnlinkFindingAsync(id, f.Finding)));
        var unlinkedAgain = await app.IncidentsAsync(f.Discipline, s => s.OpenAsync(id));

        Assert.Equal(["R11"], unlinked!.Persons[0].Guidance!.Provisions.Select(p => p.Code));
        Assert.Equal(["R11", "R16a"], linked!.Persons[0].Guidance!.Provisions.Select(p => p.Code));
        Assert.Equal([AdministrativeSanction.Warning, AdministrativeSanction.Demerit], linked.Persons[0].Guidance!.Administrative);
        Assert.Equal(["R11"], unlinkedAgain!.Persons[0].Guidance!.Provisions.Select(p => p.Code));
    }

    [Fact]
    public async Task The_list_is_filtered_by_status()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var registered = await app.RegisterAsync(f.Officer, f.Leak("涉密文件遗失"));
        var investigated = await app.RegisterAsync(f.Officer, f.Leak("涉密U盘丢失"));
        await app.AdvanceAsync(f.Officer, investigated, IncidentAction.StartInvestigation);

        var underInvestigation = await app.IncidentsAsync(f.Discipline, s => s.ListAsync(new IncidentFilter(IncidentStatus.UnderInvestigation), 1, 25));
        var stillRegistered = await app.IncidentsAsync(f.Discipline, s => s.ListAsync(new IncidentFilter(IncidentStatus.Registered), 1, 25));
        var all = await app.IncidentsAsync(f.Discipline, s => s.ListAsync(new IncidentFilter(), 1, 25));

        Assert.Equal([investigated], underInvestigation.Items.Select(i => i.Id));
        Assert.Equal([registered], stillRegistered.Items.Select(i => i.Id));
        Assert.Equal([investigated, registered], all.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("U盘", "涉密U盘丢失")]
    [InlineData(" 卫生健康 ", "体检报告外传")]
    [InlineData("P-WST", "体检报告外传")]
    [InlineData("教育厅", "涉密文件遗失 涉密U盘丢失")]
    [InlineData("无此事件", "")]
    public async Task The_list_is_searched_by_title_and_by_the_units_name_or_code(string search, string titles)
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        await app.RegisterAsync(f.Officer, f.Leak("涉密文件遗失"));
        await app.RegisterAsync(f.Officer, f.Leak("涉密U盘丢失"));
        var health = f.Leak("体检报告外传");
        health.UnitId = f.P.Health;
        await app.RegisterAsync(f.Officer, health);

        var list = await app.IncidentsAsync(f.Officer, s => s.ListAsync(new IncidentFilter(Search: search), 1, 25));

        Assert.Equal(titles, string.Join(" ", list.Items.Select(i => i.Title).Order(StringComparer.Ordinal).Reverse()));
        Assert.Equal(list.Items.Count, list.TotalCount);
    }

    [Fact]
    public async Task The_export_holds_what_the_list_shows_with_the_same_filter()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        await app.RegisterAsync(f.Officer, f.Leak("涉密文件遗失"));
        var investigated = await app.RegisterAsync(f.Officer, f.Leak("涉密U盘丢失"));
        await app.AdvanceAsync(f.Officer, investigated, IncidentAction.StartInvestigation);
        var filter = new IncidentFilter(IncidentStatus.UnderInvestigation, "涉密");

        var exported = await app.IncidentsAsync(f.Discipline, s => s.ExportAsync(filter));
        var listed = await app.IncidentsAsync(f.Discipline, s => s.ListAsync(filter, 1, 25));

        Assert.Equal([investigated], exported.Select(i => i.Id));
        Assert.Equal(listed.Items, exported);
    }

    [Fact]
    public async Task A_unit_leaders_export_is_empty_as_the_list_is()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        await app.RegisterAsync(f.Officer, f.Leak("涉密文件遗失"));
        await app.RegisterAsync(f.Officer, f.Leak("涉密U盘丢失"));

        var exported = await app.IncidentsAsync(f.Leader, s => s.ExportAsync(new IncidentFilter()));
        var byOfficer = await app.IncidentsAsync(f.Officer, s => s.ExportAsync(new IncidentFilter()));

        Assert.Empty(exported);
        Assert.Equal(2, byOfficer.Count);
    }

    [Fact]
    public async Task A_secrecy_officer_of_another_unit_neither_lists_nor_exports_the_files_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        await app.RegisterAsync(f.Officer, f.Leak());

        var listed = await app.IncidentsAsync(f.P.HealthOfficer, s => s.ListAsync(new IncidentFilter(), 1, 25));
        var exported = await app.IncidentsAsync(f.P.HealthOfficer, s => s.ExportAsync(new IncidentFilter()));

        Assert.Equal(0, listed.TotalCount);
        Assert.Empty(exported);
    }
}
