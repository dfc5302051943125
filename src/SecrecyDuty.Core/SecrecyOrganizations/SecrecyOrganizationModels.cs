using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.SecrecyOrganizations;

public enum SecrecyOrganizationSort
{
    UnitCode,
    UnitName,
    EstablishedOn,
    Cadres,
    Budget,
    RuleAreas,
}

/// <summary>The list's filters, search and order, as the query string gives them.</summary>
public sealed class SecrecyOrganizationFilter
{
    /// <summary>Unit name or code contains this.</summary>
    public string? Search { get; set; }

    /// <summary>True: units with an organization; false: units without one (D15.3); null: all.</summary>
    public bool? HasOrganization { get; set; }

    /// <summary>True: units lacking rules in at least one area of S6.6; false: units with all areas covered.</summary>
    public bool? MissingRuleAreas { get; set; }

    public UnitKind? UnitKind { get; set; }

    public SecrecyOrganizationSort Sort { get; set; }

    public SortDirection Direction { get; set; }
}

public sealed record SecrecyOrganizationListItem(
    int UnitId,
    string UnitCode,
    string UnitName,
    UnitKind UnitKind,
    bool UnitIsActive,
    SecrecyOrganizationKind? Kind,
    DateOnly? EstablishedOn,
    string? ChairName,
    int Cadres,
    int FullTimeCadres,
    decimal? AnnualBudget,
    int? BudgetYear,
    int RuleAreasEstablished,
    int RuleAreaCount,
    IReadOnlyList<string> MissingRuleAreas)
{
    public bool HasOrganization => Kind is not null;
}

/// <summary>One page of the list, with the number of rule areas in the current regulation (0: catalogue not loaded).</summary>
public sealed record SecrecyOrganizationList(PagedList<SecrecyOrganizationListItem> Items, int RuleAreaCount);

/// <summary>The unit a secrecy organization or rule register page is about.</summary>
public sealed record UnitHeading(int Id, string Code, string Name);

/// <summary>
/// A leader holding a posting in the unit today, for the organization's chair and members: the first role by arts. 5–7
/// among the leader's postings there, and whether one of them leads the secrecy work (art. 6, by role or on top of it).
/// </summary>
public sealed record LeaderOption(int LeaderId, string Name, string Title, PostingRole Role, bool ChargesSecrecyWork = false);

public sealed record OrganizationMemberView(string Name, string? Position, bool IsLeader);

public sealed record SecrecyCadreView(string Name, string? Position, bool IsFullTime, DateOnly? LastTrainedOn);

public sealed record SecrecyOrganizationDetails(
    SecrecyOrganizationKind Kind,
    DateOnly EstablishedOn,
    string? ChairName,
    string? ChairTitle,
    string? OfficeName,
    string? OfficeHead,
    string? OfficePhone,
    decimal? AnnualBudget,
    int? BudgetYear,
    string? Facilities,
    IReadOnlyList<OrganizationMemberView> Members,
    IReadOnlyList<SecrecyCadreView> Cadres)
{
    /// <summary>The chair is on record but no longer holds a posting in the unit.</summary>
    public bool ChairHasLeft => ChairName is not null && ChairTitle is null;

    public int FullTimeCadres => Cadres.Count(c => c.IsFullTime);

    public int PartTimeCadres => Cadres.Count(c => !c.IsFullTime);
}

/// <summary>A unit's secrecy organization page: the organization, or null when the unit has none on record.</summary>
public sealed record SecrecyOrganizationView(UnitHeading Unit, bool CanEdit, SecrecyOrganizationDetails? Organization);

/// <summary>What the edit form needs: the current values (or defaults for a new organization) and the leaders to choose from.</summary>
public sealed record SecrecyOrganizationForm(
    UnitHeading Unit,
    bool IsNew,
    IReadOnlyList<LeaderOption> Leaders,
    string? FormerChairName,
    SecrecyOrganizationInput Input,
    int Version);

/// <summary>A rule area marked not applicable to the unit: why, by whom and when.</summary>
public sealed record RuleAreaExemptionView(string Reason, string RecordedBy, DateTime RecordedAtUtc);

/// <summary>
/// One rule area of the register: the entry, the mark that the area does not apply (<see cref="NotApplicable"/>), or
/// <see cref="IsMissing"/> when the unit has neither.
/// </summary>
public sealed record RuleRegisterLine(
    string Code,
    string Name,
    string NameEn,
    DateOnly? AdoptedOn,
    DateOnly? LastRevisedOn,
    string? DocumentReference,
    RuleAreaExemptionView? NotApplicable = null)
{
    public bool IsEstablished => AdoptedOn is not null;

    public bool IsMissing => AdoptedOn is null && NotApplicable is null;
}

/// <summary>A unit's rule register (S6.6): every rule area of the current regulation, established, not applicable or missing.</summary>
public sealed record RuleRegisterView(UnitHeading Unit, bool CanEdit, IReadOnlyList<RuleRegisterLine> Lines)
{
    /// <summary>False until the regulation catalogue (with its rule areas) has been loaded.</summary>
    public bool CatalogueLoaded => Lines.Count > 0;

    public int Established => Lines.Count(x => x.IsEstablished);

    public IReadOnlyList<string> MissingCodes => [.. Lines.Where(x => x.IsMissing).Select(x => x.Code)];

    /// <summary>Areas without rules that the secrecy office marked not applicable to the unit.</summary>
    public IReadOnlyList<string> NotApplicableCodes => [.. Lines.Where(x => !x.IsEstablished && x.NotApplicable is not null).Select(x => x.Code)];
}

public sealed record RuleRegisterEntryForm(UnitHeading Unit, string Code, string Name, string NameEn, bool IsNew, RuleRegisterEntryInput Input, int Version);

/// <summary>The form that marks a rule area not applicable to a unit; <see cref="Current"/> is the mark it has, if any.</summary>
public sealed record RuleAreaExemptionForm(UnitHeading Unit, string Code, string Name, string NameEn, RuleAreaExemptionView? Current, RuleAreaExemptionInput Input, int Version);
