using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Activities;

/// <summary>
/// A posting of the unit's leadership team on the activity's date, as the attendance rules see it.
/// <paramref name="LeadsSecrecyWork"/>: a principal leader or other member who also leads the secrecy work (art. 6).
/// </summary>
public readonly record struct TeamPosting(int PostingId, PostingRole Role, bool LeadsSecrecyWork = false)
{
    /// <summary>The posting leads the unit's secrecy work, by its role or on top of it (art. 6).</summary>
    public bool ChargesSecrecyWork => Role == PostingRole.SecrecyLeader || LeadsSecrecyWork;
}

public enum AttendanceProblem
{
    /// <summary>A chosen posting is not of the unit, or did not hold on the date: records refer to the posting that held at the time.</summary>
    PostingNotHeldOnDate,

    /// <summary>P5.3: a briefing is heard by the principal leader(s), and the unit had none on the date.</summary>
    NoPrincipalLeaderOnDate,

    /// <summary>P5.3: a briefing is heard by the principal leader(s), and none is marked present.</summary>
    NoPrincipalLeaderPresent,

    /// <summary>S6.5: the leader in charge of secrecy work chairs the member meeting, and is not marked present.</summary>
    SecrecyLeaderAbsent,
}

/// <summary>Who must be present at an activity (arts. 5, 6), as a pure function of the team on the date and the postings chosen.</summary>
public static class ActivityAttendanceRules
{
    public static IReadOnlyList<AttendanceProblem> Check(ActivityKind kind, IReadOnlyCollection<TeamPosting> team, IReadOnlyCollection<int> chosen)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(chosen);
        var problems = new List<AttendanceProblem>();
        var onTeam = team.Select(t => t.PostingId).ToHashSet();
        if (chosen.Any(id => !onTeam.Contains(id)))
        {
            problems.Add(AttendanceProblem.PostingNotHeldOnDate);
        }

        var present = team.Where(t => chosen.Contains(t.PostingId)).ToList();
        switch (kind)
        {
            case ActivityKind.Briefing when !team.Any(t => t.Role == PostingRole.PrincipalLeader):
                problems.Add(AttendanceProblem.NoPrincipalLeaderOnDate);
                break;
            case ActivityKind.Briefing when !present.Exists(t => t.Role == PostingRole.PrincipalLeader):
                problems.Add(AttendanceProblem.NoPrincipalLeaderPresent);
                break;

            // Only when the unit had a leader in charge on that date (whichever role carries the charge): a vacancy is the
            // posting rules' concern (art. 6).
            case ActivityKind.MemberMeeting when team.Any(t => t.ChargesSecrecyWork)
                && !present.Exists(t => t.ChargesSecrecyWork):
                problems.Add(AttendanceProblem.SecrecyLeaderAbsent);
                break;
        }

        return problems;
    }
}
