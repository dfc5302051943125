using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Tests.Inspections;

public class InspectionRulesTests
{
    [Theory]
    [InlineData(InspectingBody.OwnSecrecyOrganization, 1, 1, InspectionProblem.None)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, 1, 2, InspectionProblem.SelfInspectionOfAnotherUnit)]
    [InlineData(InspectingBody.SuperiorOrgan, 1, 2, InspectionProblem.None)]
    [InlineData(InspectingBody.SuperiorOrgan, 1, 1, InspectionProblem.BodyIsTheInspectedUnit)]
    [InlineData(InspectingBody.SecrecyDepartment, 1, 3, InspectionProblem.None)]
    [InlineData(InspectingBody.SecrecyDepartment, 3, 3, InspectionProblem.BodyIsTheInspectedUnit)]
    public void Art8_the_inspecting_unit_fits_the_body(InspectingBody body, int inspected, int bodyUnit, InspectionProblem expected) =>
        Assert.Equal(expected, InspectionRules.CheckBody(body, inspected, bodyUnit));

    [Theory]
    [InlineData(InspectingBody.OwnSecrecyOrganization, FindingConsequence.CorrectionRecommendation, true)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, FindingConsequence.RectificationOrder, false)]
    [InlineData(InspectingBody.OwnSecrecyOrganization, FindingConsequence.CirculatedCriticism, false)]
    [InlineData(InspectingBody.SuperiorOrgan, FindingConsequence.CorrectionRecommendation, false)]
    [InlineData(InspectingBody.SuperiorOrgan, FindingConsequence.RectificationOrder, true)]
    [InlineData(InspectingBody.SuperiorOrgan, FindingConsequence.CirculatedCriticism, true)]
    [InlineData(InspectingBody.SecrecyDepartment, FindingConsequence.RectificationOrder, true)]
    [InlineData(InspectingBody.SecrecyDepartment, FindingConsequence.CirculatedCriticism, true)]
    public void Art15_each_body_draws_its_own_consequences(InspectingBody body, FindingConsequence consequence, bool allowed) =>
        Assert.Equal(allowed, InspectionRules.Allows(body, consequence));

    [Theory]
    [InlineData(InspectionStatus.Planned, InspectionProblem.None)]
    [InlineData(InspectionStatus.InProgress, InspectionProblem.NotPlanned)]
    [InlineData(InspectionStatus.Completed, InspectionProblem.NotPlanned)]
    public void Only_a_planned_inspection_starts(InspectionStatus status, InspectionProblem expected) =>
        Assert.Equal(expected, InspectionRules.CanStart(status));

    [Theory]
    [InlineData(InspectionStatus.InProgress, "Rules kept.", InspectionProblem.None)]
    [InlineData(InspectionStatus.InProgress, " ", InspectionProblem.ConclusionMissing)]
    [InlineData(InspectionStatus.Planned, "Rules kept.", InspectionProblem.NotInProgress)]
    [InlineData(InspectionStatus.Completed, "Rules kept.", InspectionProblem.AlreadyCompleted)]
    public void An_inspection_in_progress_completes_with_its_conclusion(InspectionStatus status, string conclusion, InspectionProblem expected) =>
        Assert.Equal(expected, InspectionRules.CanComplete(status, conclusion));

    [Theory]
    [InlineData(InspectionStatus.Planned, InspectionProblem.NotInProgress)]
    [InlineData(InspectionStatus.InProgress, InspectionProblem.None)]
    [InlineData(InspectionStatus.Completed, InspectionProblem.NotInProgress)]
    public void Findings_change_only_while_in_progress(InspectionStatus status, InspectionProblem expected) =>
        Assert.Equal(expected, InspectionRules.CanChangeFindings(status));

    [Theory]
    [InlineData(10, "2026-01-01", null, 10, "2026-05-10", true)]
    [InlineData(10, "2026-05-10", null, 10, "2026-05-10", true)]
    [InlineData(10, "2026-05-11", null, 10, "2026-05-10", false)]
    [InlineData(10, "2025-01-01", "2026-05-10", 10, "2026-05-10", true)]
    [InlineData(10, "2025-01-01", "2026-05-09", 10, "2026-05-10", false)]
    [InlineData(11, "2025-01-01", null, 10, "2026-05-10", false)]
    public void A_responsible_posting_held_in_the_unit_on_the_inspection_date(int postingUnit, string from, string? to, int inspectedUnit, string date, bool expected) =>
        Assert.Equal(expected, InspectionRules.MayBeResponsible(postingUnit, D(from), to is null ? null : D(to), inspectedUnit, D(date)));

    [Fact]
    public void The_inspection_date_is_the_start_or_else_the_plan()
    {
        Assert.Equal(D("2026-05-12"), InspectionRules.InspectionDate(D("2026-05-10"), D("2026-05-12")));
        Assert.Equal(D("2026-05-10"), InspectionRules.InspectionDate(D("2026-05-10"), null));
    }

    [Theory]
    [InlineData("D15.3", PostingRole.PrincipalLeader, false, true)]
    [InlineData("D15.5", PostingRole.SecrecyLeader, false, true)]
    [InlineData("D15.5", PostingRole.PrincipalLeader, false, false)]
    [InlineData("D15.5", PostingRole.PrincipalLeader, true, true)]
    [InlineData("D15.7", PostingRole.OtherMember, false, true)]
    [InlineData("D15.8", PostingRole.OtherMember, false, false)]
    [InlineData(null, PostingRole.PrincipalLeader, false, false)]
    [InlineData("other", PostingRole.SecrecyLeader, false, false)]
    public void The_role_a_deficiency_concerns_is_suggested(string? code, PostingRole role, bool leadsSecrecyWork, bool suggested) =>
        Assert.Equal(suggested, InspectionRules.IsSuggested(code, role, leadsSecrecyWork));

    [Fact]
    public void Every_deficiency_of_art15_relates_to_a_duty_of_arts5_to_7()
    {
        foreach (var code in Enumerable.Range(1, 8).Select(n => $"D15.{n}"))
        {
            var duties = InspectionRules.RelatedDuties(code);
            Assert.NotEmpty(duties);
            Assert.All(duties, d => Assert.Matches(@"^(P5|S6|M7)\.\d+$", d));
        }
    }

    private static DateOnly D(string value) => DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
