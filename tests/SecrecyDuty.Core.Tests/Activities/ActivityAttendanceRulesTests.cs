using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Tests.Activities;

/// <summary>Who must be present: a principal leader at a briefing (P5.3), the leader in charge at a member meeting (S6.5).</summary>
public sealed class ActivityAttendanceRulesTests
{
    private const int Principal = 1;
    private const int SecondPrincipal = 2;
    private const int SecrecyLeader = 3;
    private const int Member = 4;

    private static readonly TeamPosting[] FullTeam =
    [
        new(Principal, PostingRole.PrincipalLeader),
        new(SecondPrincipal, PostingRole.PrincipalLeader),
        new(SecrecyLeader, PostingRole.SecrecyLeader),
        new(Member, PostingRole.OtherMember),
    ];

    private static readonly TeamPosting[] NoSecrecyLeader = [.. FullTeam.Where(t => t.Role != PostingRole.SecrecyLeader)];

    private static readonly TeamPosting[] NoPrincipal = [.. FullTeam.Where(t => t.Role != PostingRole.PrincipalLeader)];

    /// <summary>A small unit: the principal leader also leads the secrecy work (art. 6), nobody holds the role.</summary>
    private static readonly TeamPosting[] PrincipalInCharge =
    [
        new(Principal, PostingRole.PrincipalLeader, LeadsSecrecyWork: true),
        new(Member, PostingRole.OtherMember),
    ];

    public static TheoryData<string, ActivityKind, TeamPosting[], int[], AttendanceProblem[]> Cases => new()
    {
        { "P5.3 one principal leader present", ActivityKind.Briefing, FullTeam, [SecondPrincipal, SecrecyLeader], [] },
        { "P5.3 no principal leader present", ActivityKind.Briefing, FullTeam, [SecrecyLeader, Member], [AttendanceProblem.NoPrincipalLeaderPresent] },
        { "P5.3 nobody ticked", ActivityKind.Briefing, FullTeam, [], [AttendanceProblem.NoPrincipalLeaderPresent] },
        { "P5.3 the unit had no principal leader", ActivityKind.Briefing, NoPrincipal, [SecrecyLeader], [AttendanceProblem.NoPrincipalLeaderOnDate] },
        { "S6.5 the leader in charge present", ActivityKind.MemberMeeting, FullTeam, [SecrecyLeader], [] },
        { "S6.5 the leader in charge absent", ActivityKind.MemberMeeting, FullTeam, [Principal, Member], [AttendanceProblem.SecrecyLeaderAbsent] },
        { "S6.5 the unit had no leader in charge", ActivityKind.MemberMeeting, NoSecrecyLeader, [Member], [] },
        { "Art6 S6.5 the principal leader who leads secrecy work present", ActivityKind.MemberMeeting, PrincipalInCharge, [Principal], [] },
        { "Art6 S6.5 the principal leader who leads secrecy work absent", ActivityKind.MemberMeeting, PrincipalInCharge, [Member], [AttendanceProblem.SecrecyLeaderAbsent] },
        { "S6.2 anybody may attend", ActivityKind.DirectiveStudy, FullTeam, [Member], [] },
        { "S6.3 nobody needs to attend", ActivityKind.Training, FullTeam, [], [] },
        { "S6.7 nobody needs to attend", ActivityKind.ProtectionPlan, FullTeam, [], [] },
        { "S6.9 nobody needs to attend", ActivityKind.PublicationReview, FullTeam, [], [] },
        { "a posting off the team that day", ActivityKind.DirectiveStudy, FullTeam, [Member, 99], [AttendanceProblem.PostingNotHeldOnDate] },
        { "off the team and no principal", ActivityKind.Briefing, FullTeam, [99], [AttendanceProblem.PostingNotHeldOnDate, AttendanceProblem.NoPrincipalLeaderPresent] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Attendance_is_checked_against_the_team_on_the_date(string rule, ActivityKind kind, TeamPosting[] team, int[] chosen, AttendanceProblem[] expected)
    {
        Assert.False(string.IsNullOrEmpty(rule));
        Assert.Equal(expected, ActivityAttendanceRules.Check(kind, team, chosen));
    }
}
