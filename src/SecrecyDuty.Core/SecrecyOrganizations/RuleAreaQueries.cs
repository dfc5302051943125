using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.SecrecyOrganizations;

/// <summary>A rule area (R1–R9 of S6.6) of the current regulation version.</summary>
internal sealed class CurrentRuleArea
{
    public int Id { get; init; }

    public string RegulationCode { get; init; } = "";

    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string NameEn { get; init; } = "";

    public int SortOrder { get; init; }
}

/// <summary>A unit's register entry counted against a rule area of the current regulation.</summary>
internal sealed class CoveredRuleArea
{
    public int UnitId { get; init; }

    public int AreaId { get; init; }

    public string Code { get; init; } = "";

    /// <summary>When the entry's rules were adopted: compliance for a past year counts only rules adopted by its end.</summary>
    public DateOnly AdoptedOn { get; init; }
}

/// <summary>
/// The rule register is kept against the current regulation's rule areas. An entry made under an earlier
/// version of the same regulation still counts for the area with the same code, so that loading a revised
/// regulation does not empty every unit's register.
/// </summary>
internal static class RuleAreaQueries
{
    public static IQueryable<CurrentRuleArea> CurrentAreas(ISecrecyDutyDb db) =>
        from a in db.RuleAreas
        join r in db.Regulations on a.RegulationId equals r.Id
        where r.IsCurrent
        select new CurrentRuleArea { Id = a.Id, RegulationCode = r.Code, Code = a.Code, Name = a.Name, NameEn = a.NameEn, SortOrder = a.SortOrder };

    public static IQueryable<CoveredRuleArea> Covered(ISecrecyDutyDb db) =>
        from e in db.RuleRegisterEntries
        join a in db.RuleAreas on e.RuleAreaId equals a.Id
        join r in db.Regulations on a.RegulationId equals r.Id
        join c in CurrentAreas(db) on new { RegulationCode = r.Code, a.Code } equals new { c.RegulationCode, c.Code }
        select new CoveredRuleArea { UnitId = e.UnitId, AreaId = c.Id, Code = c.Code, AdoptedOn = e.AdoptedOn };

    /// <summary>A unit's rule areas marked not applicable, counted against the current regulation's areas by code.</summary>
    public static IQueryable<ExemptRuleArea> Exempted(ISecrecyDutyDb db) =>
        from x in db.RuleAreaExemptions
        join a in db.RuleAreas on x.RuleAreaId equals a.Id
        join r in db.Regulations on a.RegulationId equals r.Id
        join c in CurrentAreas(db) on new { RegulationCode = r.Code, a.Code } equals new { c.RegulationCode, c.Code }
        select new ExemptRuleArea { UnitId = x.UnitId, AreaId = c.Id, Code = c.Code };
}

/// <summary>A rule area marked not applicable to a unit, counted against a rule area of the current regulation.</summary>
internal sealed class ExemptRuleArea
{
    public int UnitId { get; init; }

    public int AreaId { get; init; }

    public string Code { get; init; } = "";
}
