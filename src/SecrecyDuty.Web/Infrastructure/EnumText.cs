using System.Collections.Frozen;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Home;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Notifications;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>An enum whose values the UI names, and the prefix of their string table keys ("UnitKind:StateOrgan").</summary>
public sealed record EnumVocabulary(Type Type, string Prefix);

/// <summary>
/// The localized names built at run time, in one place: enum values, and the two vocabularies that are strings (role
/// names, the audit trail's record types). A value's key is "{prefix}:{value}", the prefix being the
/// enum's name unless a second vocabulary is asked for (a requirement's article code beside its name, a leader's
/// own view of a checklist's status). Views write <c>@L.Enum(unit.Kind)</c>, and drop-downs take
/// <c>asp-items="L.EnumOptions(Model.Kind)"</c>. Every vocabulary is listed in <see cref="Vocabularies"/>, which a
/// test walks to require every key in both languages; naming a value of an enum not listed there throws, so that a
/// new enum cannot reach a page untranslated without failing that page's tests.
/// </summary>
public static class EnumText
{
    /// <summary>The article codes of the requirements (D15.3, P5.3, …), beside their names.</summary>
    public const string RequirementCode = "RequirementCode";

    /// <summary>A checklist's status as its own leader reads it on the home page.</summary>
    public const string OwnChecklistStatus = "OwnChecklistStatus";

    public static IReadOnlyList<EnumVocabulary> Vocabularies { get; } =
    [
        new(typeof(ActivityKind), nameof(ActivityKind)),
        new(typeof(Adjustment), nameof(Adjustment)),
        new(typeof(AdministrativeLevel), nameof(AdministrativeLevel)),
        new(typeof(AdministrativeSanction), nameof(AdministrativeSanction)),
        new(typeof(AggravatingFact), nameof(AggravatingFact)),
        new(typeof(AppraisalGrade), nameof(AppraisalGrade)),
        new(typeof(AppraisalStatus), nameof(AppraisalStatus)),
        new(typeof(AuditAction), nameof(AuditAction)),
        new(typeof(ChecklistItemStatus), nameof(ChecklistItemStatus)),
        new(typeof(ChecklistProgress), nameof(ChecklistProgress)),
        new(typeof(ChecklistStatus), OwnChecklistStatus),
        new(typeof(ChecklistStatus), nameof(ChecklistStatus)),
        new(typeof(CircumstanceSeverity), nameof(CircumstanceSeverity)),
        new(typeof(Classification), nameof(Classification)),
        new(typeof(ComplianceState), nameof(ComplianceState)),
        new(typeof(DutyHolder), nameof(DutyHolder)),
        new(typeof(FindingSeverity), nameof(FindingSeverity)),
        new(typeof(IncidentAction), nameof(IncidentAction)),
        new(typeof(IncidentStatus), nameof(IncidentStatus)),
        new(typeof(InspectingBody), nameof(InspectingBody)),
        new(typeof(InspectionKind), nameof(InspectionKind)),
        new(typeof(InspectionStatus), nameof(InspectionStatus)),
        new(typeof(Involvement), nameof(Involvement)),
        new(typeof(LeaderRank), nameof(LeaderRank)),
        new(typeof(LeakType), nameof(LeakType)),
        new(typeof(Loss), nameof(Loss)),
        new(typeof(NotificationKind), nameof(NotificationKind)),
        new(typeof(NotificationRecord), nameof(NotificationRecord)),
        new(typeof(EmailDelivery), nameof(EmailDelivery)),
        new(typeof(OrderState), nameof(OrderState)),
        new(typeof(OwnAppraisalState), nameof(OwnAppraisalState)),
        new(typeof(PartySanction), nameof(PartySanction)),
        new(typeof(PostingRole), nameof(PostingRole)),
        new(typeof(ProposalBasis), nameof(ProposalBasis)),
        new(typeof(ProposalKind), nameof(ProposalKind)),
        new(typeof(ProposalState), nameof(ProposalState)),
        new(typeof(ProposingBody), nameof(ProposingBody)),
        new(typeof(PublicationReviewOutcome), nameof(PublicationReviewOutcome)),
        new(typeof(RectificationAction), nameof(RectificationAction)),
        new(typeof(RectificationStatus), nameof(RectificationStatus)),
        new(typeof(RelatedPerson), nameof(RelatedPerson)),
        new(typeof(ReportClockState), nameof(ReportClockState)),
        new(typeof(Requirement), RequirementCode),
        new(typeof(Requirement), nameof(Requirement)),
        new(typeof(ScopeReason), nameof(ScopeReason)),
        new(typeof(ScoreSheetPhase), nameof(ScoreSheetPhase)),
        new(typeof(SecrecyOrganizationKind), nameof(SecrecyOrganizationKind)),
        new(typeof(SecretCarrier), nameof(SecretCarrier)),
        new(typeof(UnitKind), nameof(UnitKind)),
    ];

    private static readonly FrozenSet<EnumVocabulary> Known = Vocabularies.ToFrozenSet();

    /// <summary>The string table key of <paramref name="value"/>: "{prefix}:{value}".</summary>
    /// <param name="value">The value to name.</param>
    /// <param name="vocabulary">A second vocabulary of the enum (<see cref="RequirementCode"/>, <see cref="OwnChecklistStatus"/>); the enum's name when null.</param>
    public static string Key<TEnum>(TEnum value, string? vocabulary = null)
        where TEnum : struct, System.Enum =>
        Key(typeof(TEnum), value, vocabulary);

    /// <summary>The key of a value of an enum known only at run time (the test that walks <see cref="Vocabularies"/>).</summary>
    public static string Key(Type type, object value, string? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        var prefix = vocabulary ?? type.Name;
        if (!Known.Contains(new EnumVocabulary(type, prefix)))
        {
            throw new InvalidOperationException($"{type.Name} values are named with \"{prefix}:\" keys, which EnumText.Vocabularies does not list.");
        }

        return prefix + ":" + value;
    }

    /// <summary>The localized name of <paramref name="value"/>.</summary>
    public static LocalizedString Enum<TEnum>(this IStringLocalizer localizer, TEnum value, string? vocabulary = null)
        where TEnum : struct, System.Enum
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[Key(value, vocabulary)];
    }

    /// <summary>The key of a role's name: "Role:SecrecyOfficer" (roles are stored strings, <see cref="Core.Accounts.Roles"/>).</summary>
    public static string RoleKey(string role) => "Role:" + role;

    /// <summary>The key of the name of a record type in the audit trail: "Entity:Unit" (the entity's class name, as stored).</summary>
    public static string EntityKey(string entityType) => "Entity:" + entityType;

    /// <summary>The key of a field of an audited record, as the audit trail names it ("Field:UnitId").</summary>
    public static string FieldKey(string field) => "Field:" + field;

    /// <summary>A field of an audited record in the current language; a field without a name (a trail entry of old) as recorded.</summary>
    public static string Field(this IStringLocalizer localizer, string field)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var name = localizer[FieldKey(field)];
        return name.ResourceNotFound ? field : name.Value;
    }

    public static LocalizedString Role(this IStringLocalizer localizer, string role)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[RoleKey(role)];
    }

    public static LocalizedString Entity(this IStringLocalizer localizer, string entityType)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[EntityKey(entityType)];
    }

    /// <summary>
    /// The options of a drop-down of <typeparamref name="TEnum"/>, named in the current language, for a select tag
    /// helper's <c>asp-items</c>. Write the empty option ("All" in a filter, "Choose…" in a form) inside the select:
    /// the tag helper keeps it first.
    /// </summary>
    /// <param name="localizer">The page's string localizer.</param>
    /// <param name="selected">The value to mark selected, for a select without <c>asp-for</c> (a filter); <c>asp-for</c> marks its own.</param>
    /// <param name="values">The values offered, in order; every value of the enum in declared order when null.</param>
    /// <param name="text">The option's text when it says more than the name (the name is passed in).</param>
    public static IReadOnlyList<SelectListItem> EnumOptions<TEnum>(
        this IStringLocalizer localizer,
        TEnum? selected = null,
        IEnumerable<TEnum>? values = null,
        Func<TEnum, string, string>? text = null)
        where TEnum : struct, System.Enum
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return
        [
            .. (values ?? System.Enum.GetValues<TEnum>()).Select(value =>
            {
                var name = localizer.Enum(value).Value;
                return new SelectListItem(text is null ? name : text(value, name), value.ToString(), selected.HasValue && EqualityComparer<TEnum>.Default.Equals(value, selected.Value));
            }),
        ];
    }
}
