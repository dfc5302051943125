using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Import;

/// <summary>
/// The words an import file may use for one enum: its Chinese name (the template's), a few common
/// synonyms, and the English enum name in any case. Numbers are refused: "1" says nothing to a reader.
/// </summary>
public sealed class EnumVocabulary<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _byWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<TEnum, string> _names = [];

    public EnumVocabulary(params (TEnum Value, string Name, string[] Synonyms)[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (value, name, synonyms) in entries)
        {
            _names[value] = name;
            _byWord[name] = value;
            _byWord[value.ToString()] = value;
            foreach (var synonym in synonyms)
            {
                _byWord[synonym] = value;
            }
        }

        Names = [.. entries.Select(e => e.Name)];
    }

    /// <summary>The Chinese names, in the enum's order: what the template and the page offer.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The names as a list for a message, each in quotation marks: a name may itself contain 、 (国有大、中型企业).</summary>
    public string Choices => string.Join("、", Names.Select(n => $"“{n}”"));

    public string NameOf(TEnum value) => _names[value];

    public bool TryParse(string? text, out TEnum value) =>
        _byWord.TryGetValue(text?.Trim() ?? "", out value);
}

public static class ImportVocabulary
{
    /// <summary>
    /// Words for the kind that also say the enterprise is large or medium (art. 2's 国有大、中型企业): a file that uses one
    /// and leaves 是否国有大中型企业 empty means a large or medium enterprise.
    /// </summary>
    public static IReadOnlyList<string> LargeOrMediumEnterpriseKindNames { get; } = ["国有大中型企业", "国有大、中型企业"];

    /// <summary>Art. 2's kinds of unit.</summary>
    public static EnumVocabulary<UnitKind> UnitKinds { get; } = new(
        (UnitKind.PartyOrgan, "党的机关", ["党委机关"]),
        (UnitKind.StateOrgan, "国家机关", []),
        (UnitKind.SocialOrganization, "社会团体", []),
        (UnitKind.PublicInstitution, "事业单位", []),
        (UnitKind.StateOwnedEnterprise, "国有企业", [.. LargeOrMediumEnterpriseKindNames]),
        (UnitKind.OtherSecretHandlingUnit, "其他涉密单位", []));

    /// <summary>A unit's own administrative level, named like the ranks of its leaders (see <see cref="AdministrativeLevel"/>).</summary>
    public static EnumVocabulary<AdministrativeLevel> Levels { get; } = new(
        (AdministrativeLevel.Provincial, "省级", ["省部级"]),
        (AdministrativeLevel.Prefectural, "厅局级", ["地市级", "市级"]),
        (AdministrativeLevel.County, "县处级", ["县级"]),
        (AdministrativeLevel.Township, "乡科级", ["乡级", "乡镇级"]));

    /// <summary>Art. 2's ranks.</summary>
    public static EnumVocabulary<LeaderRank> Ranks { get; } = new(
        (LeaderRank.ProvincialMinisterial, "省部级", []),
        (LeaderRank.DepartmentBureau, "厅局级", []),
        (LeaderRank.CountyDivision, "县处级", []),
        (LeaderRank.Below, "乡科级及以下", ["乡科级", "其他"]));

    /// <summary>Arts. 5–7's roles in a leadership team.</summary>
    public static EnumVocabulary<PostingRole> Roles { get; } = new(
        (PostingRole.PrincipalLeader, "主要领导", []),
        (PostingRole.SecrecyLeader, "分管保密工作的领导", ["分管保密工作领导", "分管保密领导"]),
        (PostingRole.OtherMember, "班子其他成员", ["其他班子成员"]));

    public const string Yes = "是";

    public const string No = "否";

    /// <summary>是/否, or true/false and yes/no in any case.</summary>
    public static bool TryParseYesNo(string? text, out bool value)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case Yes or "TRUE" or "YES":
                value = true;
                return true;
            case No or "FALSE" or "NO":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
