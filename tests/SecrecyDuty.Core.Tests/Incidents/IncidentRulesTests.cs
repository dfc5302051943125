using SecrecyDuty.Core.Incidents;

namespace SecrecyDuty.Core.Tests.Incidents;

/// <summary>The reporting clock, the life of an incident file, and who opens it.</summary>
public sealed class IncidentRulesTests
{
    private static readonly DateTime Discovered = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, 23, ReportClockState.Running)]
    [InlineData(null, 24, ReportClockState.Running)]
    [InlineData(null, 25, ReportClockState.Overdue)]
    [InlineData(24, 30, ReportClockState.ReportedInTime)]
    [InlineData(25, 30, ReportClockState.ReportedLate)]
    public void The_report_is_due_within_the_hours_allowed_after_the_discovery(int? reportedAfterHours, int nowAfterHours, ReportClockState state) =>
        Assert.Equal(state, IncidentRules.ClockOn(Discovered, reportedAfterHours is { } h ? Discovered.AddHours(h) : null, IncidentRules.DefaultReportingHours, Discovered.AddHours(nowAfterHours)));

    [Fact]
    public void The_hours_allowed_are_a_setting() =>
        Assert.Equal(ReportClockState.ReportedInTime, IncidentRules.ClockOn(Discovered, Discovered.AddHours(40), 48, Discovered.AddHours(50)));

    [Theory]
    [InlineData(ReportClockState.Running, false)]
    [InlineData(ReportClockState.ReportedInTime, false)]
    [InlineData(ReportClockState.ReportedLate, true)]
    [InlineData(ReportClockState.Overdue, true)]
    public void A_late_report_suggests_finding_D15_8_for_the_unit(ReportClockState state, bool suggested) =>
        Assert.Equal(suggested, IncidentRules.SuggestsLateReportFinding(state));

    [Theory]
    [InlineData(null, IncidentAction.Register, IncidentStatus.Registered)]
    [InlineData(IncidentStatus.Registered, IncidentAction.StartInvestigation, IncidentStatus.UnderInvestigation)]
    [InlineData(IncidentStatus.UnderInvestigation, IncidentAction.SendToDisciplineReview, IncidentStatus.UnderDisciplineReview)]
    [InlineData(IncidentStatus.UnderDisciplineReview, IncidentAction.Decide, IncidentStatus.Decided)]
    [InlineData(IncidentStatus.Decided, IncidentAction.Close, IncidentStatus.Closed)]
    public void A_file_goes_from_registered_to_closed_one_step_at_a_time(IncidentStatus? from, IncidentAction action, IncidentStatus to) =>
        Assert.Equal(to, IncidentRules.Next(from, action));

    [Theory]
    [InlineData(IncidentStatus.Registered, IncidentAction.Decide)]
    [InlineData(IncidentStatus.UnderInvestigation, IncidentAction.Close)]
    [InlineData(IncidentStatus.Closed, IncidentAction.StartInvestigation)]
    [InlineData(IncidentStatus.Decided, IncidentAction.Register)]
    public void No_step_is_skipped_and_none_goes_back(IncidentStatus from, IncidentAction action) =>
        Assert.Null(IncidentRules.Next(from, action));

    [Theory]
    [InlineData("2026-11-19", 0, true)]
    [InlineData("2026-11-21", 0, false)]
    [InlineData("2026-11-19", -1, false)]
    public void Nothing_is_reported_before_it_was_discovered_nor_discovered_before_it_occurred(string occurred, int reportedAfterHours, bool inOrder) =>
        Assert.Equal(inOrder, IncidentRules.DatesInOrder(DateOnly.Parse(occurred, System.Globalization.CultureInfo.InvariantCulture), Discovered, Discovered.AddHours(reportedAfterHours), null));

    [Theory]
    [InlineData(true, false, false, true)]
    [InlineData(true, true, false, false)]
    [InlineData(true, true, true, true)]
    [InlineData(false, false, false, false)]
    [InlineData(false, false, true, true)]
    public void A_need_to_know_file_opens_only_for_the_named_accounts_and_a_named_leader_opens_it(bool byRole, bool restricted, bool named, bool opens) =>
        Assert.Equal(opens, IncidentAccess.MayOpen(byRole, restricted, named));
}
