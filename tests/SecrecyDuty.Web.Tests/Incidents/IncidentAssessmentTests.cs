using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Web.Tests.Infrastructure;
using static SecrecyDuty.Web.Tests.Incidents.IncidentProvince;

namespace SecrecyDuty.Web.Tests.Incidents;

/// <summary>
/// What the investigation establishes (IM29–IM35, S6.10): the reports, the severity of circumstances, the losses, the
/// aggravating facts, the illegal gains confiscated and the remedial measures. The file was discovered on 2026-11-25 at 20:00.
/// </summary>
public sealed class IncidentAssessmentTests
{
    [Fact]
    public async Task The_assessment_is_saved_and_read_back_when_the_file_is_opened()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());

        await app.AssessAsync(f.Officer, id, new IncidentAssessmentInput
        {
            ReportedToSecrecyDepartmentAt = new DateTime(2026, 11, 25, 22, 30, 0),
            ReportedToSuperiorAt = new DateTime(2026, 11, 26, 8, 0, 0),
            Severity = CircumstanceSeverity.Serious,
            Loss = Loss.Major,
            AggravatingFacts = [AggravatingFact.PrivateGain, AggravatingFact.DamageDone, AggravatingFact.PrivateGain],
            IllegalGainsConfiscated = 12000.50m,
            RemedialMeasures = "  已追回文件，开展全员保密教育  ",
        });
        var opened = await app.IncidentsAsync(f.Discipline, s => s.OpenAsync(id));
        var form = await app.IncidentsAsync(f.Officer, s => s.AssessmentAsync(id));

        Assert.Equal((CircumstanceSeverity.Serious, Loss.Major, 12000.50m, "已追回文件，开展全员保密教育"), (opened!.Severity, opened.Loss, opened.IllegalGainsConfiscated, opened.RemedialMeasures));
        Assert.Equal([AggravatingFact.DamageDone, AggravatingFact.PrivateGain], opened.AggravatingFacts);
        Assert.Equal(
            (app.ToUtc(new DateTime(2026, 11, 25, 22, 30, 0)), app.ToUtc(new DateTime(2026, 11, 26, 8, 0, 0))),
            (opened.ReportedToSecrecyDepartmentAtUtc, opened.ReportedToSuperiorAtUtc));
        Assert.Equal((new DateTime(2026, 11, 25, 22, 30, 0), new DateTime(2026, 11, 26, 8, 0, 0)), (form!.Value.Input.ReportedToSecrecyDepartmentAt, form.Value.Input.ReportedToSuperiorAt));
        Assert.Equal((CircumstanceSeverity.Serious, Loss.Major, 12000.50m), (form.Value.Input.Severity, form.Value.Input.Loss, form.Value.Input.IllegalGainsConfiscated));
    }

    [Fact]
    public async Task A_report_before_the_discovery_is_refused_beside_each_report_and_nothing_is_written()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        var input = Assessment(CircumstanceSeverity.Minor);
        input.ReportedToSecrecyDepartmentAt = new DateTime(2026, 11, 25, 19, 59, 0);
        input.ReportedToSuperiorAt = new DateTime(2026, 11, 25, 19, 0, 0);

        var refused = await app.IncidentsAsync(f.Officer, async s => await s.AssessAsync(id, await app.VersionOfAsync<Incident>(id), input));

        Assert.Equal(["ReportedToSecrecyDepartmentAt", "ReportedToSuperiorAt"], IncidentTestData.Fields(refused));
        var stored = await app.DbAsync(db => db.Incidents.AsNoTracking().Select(i => new { i.Severity, i.ReportedToSecrecyDepartmentAtUtc, i.ReportedToSuperiorAtUtc }).SingleAsync());
        Assert.Equal(((CircumstanceSeverity?)null, (DateTime?)app.ToUtc(new DateTime(2026, 11, 25, 23, 0, 0)), (DateTime?)null), (stored.Severity, stored.ReportedToSecrecyDepartmentAtUtc, stored.ReportedToSuperiorAtUtc));
    }

    [Fact]
    public async Task A_report_at_the_moment_of_discovery_is_accepted()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        var input = Assessment();
        input.ReportedToSecrecyDepartmentAt = new DateTime(2026, 11, 25, 20, 0, 0);
        input.ReportedToSuperiorAt = new DateTime(2026, 11, 25, 20, 0, 0);

        IncidentTestData.Succeeded(await app.IncidentsAsync(f.Officer, async s => await s.AssessAsync(id, await app.VersionOfAsync<Incident>(id), input)));
    }

    [Fact]
    public async Task The_assessment_is_refused_field_by_field_by_its_validator_and_nothing_is_written()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var id = await app.RegisterAsync(f.Officer, f.Leak());
        var input = Assessment();
        input.IllegalGainsConfiscated = -1m;

        var refused = await app.IncidentsAsync(f.Officer, async s => await s.AssessAsync(id, await app.VersionOfAsync<Incident>(id), input));

        Assert.Equal(["IllegalGainsConfiscated"], IncidentTestData.Fields(refused));
        Assert.Null(await app.DbAsync(db => db.Incidents.Select(i => i.Severity).SingleAsync()));
    }

    [Fact]
    public async Task A_decided_file_is_no_longer_assessed()
    {
        using var app = TestApp.Rent();
        var f = await CreateAsync(app);
        var (id, persons) = await app.UnderReviewAsync(f, null, Assessment(CircumstanceSeverity.Minor), LeaderPerson(f.P.Zhang));
        await app.DecideAsync(f.Discipline, id, persons[0], Decision(null, null));
        await app.AdvanceAsync(f.Discipline, id, IncidentAction.Decide);

        var refused = await app.IncidentsAsync(f.Officer, async s => await s.AssessAsync(id, await app.VersionOfAsync<Incident>(id), Assessment(CircumstanceSeverity.EspeciallySerious)));

        Assert.Null(refused);
        Assert.Equal(CircumstanceSeverity.Minor, await app.DbAsync(db => db.Incidents.Select(i => i.Severity).SingleAsync()));
    }
}

internal static class IncidentClock
{
    /// <summary>A local time of the test host's clock as UTC (the services store UTC).</summary>
    public static DateTime ToUtc(this TestApp app, DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), app.Clock.LocalTimeZone);
}
