using SecrecyDuty.Core.Import;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Tests.Import;

/// <summary>Choice columns accept the template's Chinese names, common synonyms and the English enum names.</summary>
public sealed class ImportVocabularyTests
{
    [Theory]
    [InlineData("党的机关", UnitKind.PartyOrgan)]
    [InlineData("国家机关", UnitKind.StateOrgan)]
    [InlineData("社会团体", UnitKind.SocialOrganization)]
    [InlineData("事业单位", UnitKind.PublicInstitution)]
    [InlineData("国有大、中型企业", UnitKind.StateOwnedEnterprise)]
    [InlineData("国有大中型企业", UnitKind.StateOwnedEnterprise)]
    [InlineData("其他涉密单位", UnitKind.OtherSecretHandlingUnit)]
    [InlineData("PartyOrgan", UnitKind.PartyOrgan)]
    [InlineData("otherSecretHandlingUnit", UnitKind.OtherSecretHandlingUnit)]
    public void Art2_unit_kinds_are_read_by_Chinese_or_English_name(string text, UnitKind expected)
    {
        Assert.True(ImportVocabulary.UnitKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void Art2_a_state_owned_enterprise_is_one_kind_whose_size_is_its_own_column()
    {
        // Art. 2 names only 国有大、中型企业: the size is the 是否国有大中型企业 column (or implied by that name), not a kind.
        Assert.True(ImportVocabulary.UnitKinds.TryParse("国有企业", out var kind));
        Assert.Equal(UnitKind.StateOwnedEnterprise, kind);
        Assert.Contains("“国有企业”", ImportVocabulary.UnitKinds.Choices, StringComparison.Ordinal);
        Assert.Contains("国有大、中型企业", ImportVocabulary.LargeOrMediumEnterpriseKindNames);
    }

    [Theory]
    [InlineData("省部级", LeaderRank.ProvincialMinisterial)]
    [InlineData("厅局级", LeaderRank.DepartmentBureau)]
    [InlineData("县处级", LeaderRank.CountyDivision)]
    [InlineData("乡科级及以下", LeaderRank.Below)]
    [InlineData("乡科级", LeaderRank.Below)]
    [InlineData("countydivision", LeaderRank.CountyDivision)]
    public void Art2_ranks_are_read_by_Chinese_or_English_name(string text, LeaderRank expected)
    {
        Assert.True(ImportVocabulary.Ranks.TryParse(text, out var rank));
        Assert.Equal(expected, rank);
    }

    [Theory]
    [InlineData("省级", AdministrativeLevel.Provincial)]
    [InlineData("厅局级", AdministrativeLevel.Prefectural)]
    [InlineData("地市级", AdministrativeLevel.Prefectural)]
    [InlineData("县处级", AdministrativeLevel.County)]
    [InlineData("乡科级", AdministrativeLevel.Township)]
    [InlineData("Township", AdministrativeLevel.Township)]
    public void Administrative_levels_are_read_by_Chinese_or_English_name(string text, AdministrativeLevel expected)
    {
        Assert.True(ImportVocabulary.Levels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("主要领导", PostingRole.PrincipalLeader)]
    [InlineData("分管保密工作的领导", PostingRole.SecrecyLeader)]
    [InlineData("班子其他成员", PostingRole.OtherMember)]
    [InlineData("SecrecyLeader", PostingRole.SecrecyLeader)]
    public void Arts5_to_7_roles_are_read_by_Chinese_or_English_name(string text, PostingRole expected)
    {
        Assert.True(ImportVocabulary.Roles.TryParse(text, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("党委")]
    [InlineData("")]
    public void A_number_or_an_unknown_word_is_not_a_choice(string text) =>
        Assert.False(ImportVocabulary.UnitKinds.TryParse(text, out _));

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("Yes", true)]
    [InlineData("no", false)]
    public void Party_membership_is_read_from_yes_or_no(string text, bool expected)
    {
        Assert.True(ImportVocabulary.TryParseYesNo(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("党员")]
    [InlineData("1")]
    [InlineData("")]
    public void Anything_else_is_not_yes_or_no(string text) =>
        Assert.False(ImportVocabulary.TryParseYesNo(text, out _));
}
