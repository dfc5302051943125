using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Proposals;

/// <summary>The setting Proposals:FeedbackDays: the days the cadre-management organ is given to answer by default.</summary>
public sealed record ProposalSettings(int FeedbackDays = ProposalRules.DefaultFeedbackDays);

/// <summary>The proposals list's filter.</summary>
public sealed record ProposalFilter(ProposalKind? Kind = null, ProposalState? State = null, int? Year = null);

public sealed record ProposalListItem(
    int Id,
    ProposalKind Kind,
    string LeaderName,
    InspectionUnit Unit,
    ProposingBody Body,
    string Recipient,
    ProposalBasis Basis,
    DateOnly SentOn,
    DateOnly FeedbackDueOn,
    DateOnly? FeedbackOn,
    ProposalState State);

public sealed record ProposalDetails(
    int Id,
    ProposalKind Kind,
    int LeaderId,
    string LeaderName,
    InspectionUnit Unit,
    ProposingBody Body,
    InspectionUnit BodyUnit,
    string Recipient,
    ProposalBasis Basis,
    string BasisDescription,
    string Content,
    string? DocumentNumber,
    DateOnly SentOn,
    DateOnly FeedbackDueOn,
    string? Feedback,
    DateOnly? FeedbackOn,
    string? FeedbackRecordedBy,
    string CreatedBy,
    ProposalState State,
    bool CanRecordFeedback,
    int? IncidentId,
    int Version);

/// <summary>A proposal whose feedback is overdue, as the dashboards list it.</summary>
public sealed record OverdueProposal(int Id, ProposalKind Kind, string LeaderName, string UnitName, DateOnly FeedbackDueOn, int DaysOverdue);

/// <summary>The dashboards' proposal card (art. 17): open proposals, those whose feedback is overdue, the most overdue.</summary>
public sealed record ProposalWork(int Open, int Overdue, IReadOnlyList<OverdueProposal> MostOverdue);

public sealed record CommendationListItem(int Id, string? LeaderName, InspectionUnit Unit, string Reason, string IssuedBy, DateOnly IssuedOn, string? DocumentNumber);

/// <summary>The proposal form: what is entered, and the leader and proposing unit chosen so far, for the pickers.</summary>
public sealed record ProposalForm(ProposalInput Input, LeaderLookupItem? Leader, UnitLookupItem? BodyUnit, int FeedbackDays);

/// <summary>The commendation form: what is entered, and the leader or unit chosen so far, for the pickers.</summary>
public sealed record CommendationForm(CommendationInput Input, LeaderLookupItem? Leader, UnitLookupItem? Unit);
