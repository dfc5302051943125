using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Proposals;

/// <summary>
/// Who sends proposals and records commendations (the secrecy office: secrecy officers and administrators), who records
/// the cadre-management organ's feedback (cadre officials and administrators), and who reads them: everyone of the
/// jurisdiction except unit leaders, who see no proposal (sanction proposals are disciplinary records); commendations
/// are read by everyone of the jurisdiction.
/// </summary>
public static class ProposalAccess
{
    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        new("Proposals", nameof(CanPropose), "Art. 17: the secrecy department or the secrecy organization proposes commendations and sanctions", CanPropose),
        new("Proposals", nameof(CanRecordFeedback), "Art. 17: the organ holding cadre-management authority answers; its cadre officials record the feedback", CanRecordFeedback),
        new("Proposals", nameof(CanReadProposals), "Art. 17: proposals are read within the jurisdiction, never by unit leaders", CanReadProposals),
        new("Proposals", nameof(CanCommend), "Art. 10: the secrecy office records commendations of leaders and units", CanCommend),
    ];

    public static bool CanPropose(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.Administrator, Roles.SecrecyOfficer);

    public static void RequireProposer(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanPropose(user));

    public static bool CanRecordFeedback(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.Administrator, Roles.CadreOfficial);

    public static void RequireFeedbackRecorder(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanRecordFeedback(user));

    public static bool CanReadProposals(ICurrentUser user) =>
        Permissions.HasAnyRole(user, Roles.Administrator, Roles.SecrecyOfficer, Roles.DisciplineOfficial, Roles.Supervisor, Roles.CadreOfficial);

    public static void RequireProposalReader(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanReadProposals(user));

    public static bool CanCommend(ICurrentUser user) => Permissions.HasAnyRole(user, Roles.Administrator, Roles.SecrecyOfficer);

    public static void RequireCommender(ICurrentUser user) => AccessDeniedException.ThrowUnless(CanCommend(user));
}
