using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Checklists;

/// <summary>A duty item of the catalogue as checklist generation sees it.</summary>
public sealed record CatalogueItemRef(int Id, int RegulationId, string Code, DutyHolder AppliesTo, int SortOrder);

/// <summary>Whether a posting's checklist may be generated for a year.</summary>
public enum ChecklistGeneration
{
    Allowed,

    /// <summary>The posting did not hold on any day of the year.</summary>
    PostingDoesNotHold,

    /// <summary>A future year, or one before <see cref="ChecklistRules.FirstYear"/>.</summary>
    YearOutOfRange,

    /// <summary>No current regulation with duty items is loaded.</summary>
    CatalogueNotLoaded,

    /// <summary>
    /// The posting is not in scope of the measure (art. 2, <see cref="LeaderScope.ReasonForPosting"/>): no checklist is
    /// kept for it, and none is missing.
    /// </summary>
    NotInScope,
}

/// <summary>How the activities linked to an item compare with the frequency the regulation sets.</summary>
public enum FrequencyHint
{
    /// <summary>No frequency, or enough activities.</summary>
    None,

    /// <summary>Fewer than the least a year (P5.3: 1; S6.5: 2).</summary>
    BelowMinimum,

    /// <summary>The least is reached but not what is expected (P5.3: one each half-year).</summary>
    BelowExpected,
}

/// <summary>
/// The duty checklist as pure rules: which items a posting's checklist holds (arts. 4–7), when it may be
/// changed, submitted and reviewed, and how its evidence compares with the frequencies of arts. 5 and 6.
/// </summary>
public static class ChecklistRules
{
    /// <summary>The earliest year a checklist is kept for.</summary>
    public const int FirstYear = 2000;

    /// <summary>The catalogue's holder for a leadership role: art. 5 P5.x, art. 6 S6.x, art. 7 M7.x.</summary>
    public static DutyHolder HolderFor(PostingRole role) => role switch
    {
        PostingRole.PrincipalLeader => DutyHolder.PrincipalLeader,
        PostingRole.SecrecyLeader => DutyHolder.SecrecyLeader,
        PostingRole.OtherMember => DutyHolder.OtherMember,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>
    /// The items of a posting's checklist: the items of its role plus the code of conduct C4.1–C4.10 that binds
    /// every leader (art. 4), in catalogue order. A principal leader or other member who also leads the unit's secrecy
    /// work (<paramref name="leadsSecrecyWork"/>) holds the duties of art. 6, S6.1–S6.11, on top of the role's.
    /// </summary>
    public static IReadOnlyList<CatalogueItemRef> ItemsFor(PostingRole role, bool leadsSecrecyWork, IEnumerable<CatalogueItemRef> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var holder = HolderFor(role);
        return [.. catalogue
            .Where(i => i.AppliesTo == DutyHolder.EveryLeader || i.AppliesTo == holder || (leadsSecrecyWork && i.AppliesTo == DutyHolder.SecrecyLeader))
            .OrderBy(i => i.SortOrder)
            .ThenBy(i => i.Id)];
    }

    public static DateOnly YearStart(int year) => new(year, 1, 1);

    public static DateOnly YearEnd(int year) => new(year, 12, 31);

    /// <summary>The posting held on at least one day of <paramref name="year"/>.</summary>
    public static bool HoldsDuring(DateOnly from, DateOnly? to, int year) =>
        from <= YearEnd(year) && (to is null || to >= YearStart(year));

    /// <summary>
    /// A checklist is kept for each year the posting held, from <see cref="FirstYear"/> to the current year (a future
    /// year's duties cannot be worked through yet), and only for a posting in scope of the measure (art. 2).
    /// </summary>
    public static ChecklistGeneration CheckGeneration(int year, DateOnly from, DateOnly? to, DateOnly today, bool inScope) =>
        year < FirstYear || year > today.Year ? ChecklistGeneration.YearOutOfRange
        : !HoldsDuring(from, to, year) ? ChecklistGeneration.PostingDoesNotHold
        : !inScope ? ChecklistGeneration.NotInScope
        : ChecklistGeneration.Allowed;

    /// <summary>
    /// The days of <paramref name="year"/> the posting held: only activities of those days count as its evidence,
    /// since responsibility follows who held the role when a thing happened.
    /// </summary>
    public static (DateOnly Start, DateOnly End) EvidencePeriod(DateOnly from, DateOnly? to, int year)
    {
        var start = from > YearStart(year) ? from : YearStart(year);
        var end = to is { } last && last < YearEnd(year) ? last : YearEnd(year);
        return (start, end);
    }

    /// <summary>The leader changes the items while the checklist is open or returned; a submitted one waits for review, a reviewed one is final.</summary>
    public static bool IsEditable(ChecklistStatus status) => status is ChecklistStatus.Open or ChecklistStatus.Returned;

    /// <summary>The secrecy office reviews or returns only a submitted checklist.</summary>
    public static bool CanBeReviewed(ChecklistStatus status) => status == ChecklistStatus.Submitted;

    /// <summary>The codes of the items not started yet, in the given order: a checklist with one cannot be submitted.</summary>
    public static IReadOnlyList<string> NotStarted(IEnumerable<(string Code, ChecklistItemStatus Status)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Where(i => i.Status == ChecklistItemStatus.NotStarted).Select(i => i.Code)];
    }

    /// <summary>
    /// Art. 5 (三) "每年至少1—2次" (P5.3: at least one; two, one each half-year, is the province's practice) and art. 6 (五)
    /// "每年2次以上" (S6.5: two or more): the activities linked to the item against those numbers.
    /// </summary>
    public static FrequencyHint Frequency(int? minimumPerYear, int? expectedPerYear, int linked) =>
        minimumPerYear is { } minimum && linked < minimum ? FrequencyHint.BelowMinimum
        : expectedPerYear is { } expected && linked < expected ? FrequencyHint.BelowExpected
        : FrequencyHint.None;
}
