using SecrecyDuty.Core.Leaders;

namespace SecrecyDuty.Core.Tests.Leaders;

public sealed class LeaderValidatorTests
{
    private static readonly CreateLeaderValidator Validator = new(new PassThroughLocalizer());
    private static readonly PostingInputValidator PostingValidator = new(new PassThroughLocalizer());

    private static CreateLeaderInput Valid() => new()
    {
        Name = "王保密",
        StaffNumber = "GB-0001",
        Rank = LeaderRank.CountyDivision,
        Phone = "+86 (10) 1234-5678",
        Email = "wang@example.cn",
        UnitId = 1,
    };

    private static PostingInput ValidPosting() => new()
    {
        LeaderId = 1,
        UnitId = 1,
        Role = PostingRole.OtherMember,
        Title = "副局长",
        Portfolio = "科技、信息化",
        From = new DateOnly(2026, 1, 1),
    };

    private static IEnumerable<string> FieldsInError(CreateLeaderInput input) =>
        Validator.Validate(input).Errors.Select(e => e.PropertyName).Distinct();

    private static IEnumerable<string> FieldsInError(PostingInput input) =>
        PostingValidator.Validate(input).Errors.Select(e => e.PropertyName).Distinct();

    [Fact]
    public void A_complete_leader_is_valid() => Assert.Empty(FieldsInError(Valid()));

    [Fact]
    public void Name_staff_number_rank_and_unit_are_required()
    {
        var input = new CreateLeaderInput { Name = " ", StaffNumber = "" };
        Assert.Equal(["Name", "StaffNumber", "Rank", "UnitId"], FieldsInError(input));
    }

    [Fact]
    public void A_phone_number_with_letters_is_refused()
    {
        var input = Valid();
        input.Phone = "call me";
        Assert.Equal(["Phone"], FieldsInError(input));
    }

    [Fact]
    public void The_first_posting_is_checked_only_when_asked_for()
    {
        var input = Valid();
        Assert.Empty(FieldsInError(input));
        input.AddFirstPosting = true;
        Assert.Equal(["FirstPosting.UnitId", "FirstPosting.Role", "FirstPosting.Title", "FirstPosting.From"], FieldsInError(input));
    }

    [Fact]
    public void A_complete_posting_is_valid() => Assert.Empty(FieldsInError(ValidPosting()));

    [Fact]
    public void Art7_an_other_team_member_needs_a_portfolio()
    {
        var input = ValidPosting();
        input.Portfolio = "";
        Assert.Equal(["Portfolio"], FieldsInError(input));
    }

    [Fact]
    public void A_principal_leader_needs_no_portfolio()
    {
        var input = ValidPosting();
        input.Role = PostingRole.PrincipalLeader;
        input.Portfolio = null;
        Assert.Empty(FieldsInError(input));
    }

    [Fact]
    public void A_posting_without_a_leader_id_needs_the_leaders_staff_number()
    {
        var input = ValidPosting();
        input.LeaderId = 0;
        Assert.Equal(["LeaderStaffNumber"], FieldsInError(input));
        input.LeaderStaffNumber = "GB-0001";
        Assert.Empty(FieldsInError(input));
    }
}
