using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Tests.Accounts;

public sealed class CreateAccountValidatorTests
{
    private static readonly CreateAccountValidator Validator = new(new PassThroughLocalizer());

    private static CreateAccountInput Valid() => new()
    {
        UserName = "zhang.jiao",
        DisplayName = "张教",
        UnitId = 1,
        Role = Roles.UnitLeader,
        Password = "Twelve-chars",
        LeaderStaffNumber = "JYT-0001",
    };

    private static IEnumerable<string> FieldsInError(CreateAccountInput input) =>
        Validator.Validate(input).Errors.Select(e => e.PropertyName).Distinct();

    [Fact]
    public void A_complete_input_is_valid() => Assert.Empty(FieldsInError(Valid()));

    [Fact]
    public void A_password_of_eleven_characters_is_too_short()
    {
        var input = Valid();
        input.Password = "Eleven-char";
        Assert.Equal(["Password"], FieldsInError(input));
    }

    [Fact]
    public void A_password_of_twelve_characters_is_long_enough()
    {
        var input = Valid();
        input.Password = "Twelve-chars";
        Assert.Empty(FieldsInError(input));
    }

    [Theory]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void A_passphrase_of_up_to_128_characters_is_accepted(int length, bool valid)
    {
        var input = Valid();
        input.Password = "Pass-2026" + new string('x', length - 9);
        Assert.Equal(valid ? [] : ["Password"], FieldsInError(input));
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("中文名")]
    [InlineData("")]
    public void A_user_name_is_letters_digits_and_few_symbols(string userName)
    {
        var input = Valid();
        input.UserName = userName;
        Assert.Equal(["UserName"], FieldsInError(input));
    }

    [Fact]
    public void A_unit_leader_account_names_the_leader_record()
    {
        var input = Valid();
        input.LeaderStaffNumber = " ";
        Assert.Equal(["LeaderStaffNumber"], FieldsInError(input));
    }

    [Fact]
    public void Other_roles_need_no_leader_record()
    {
        var input = Valid();
        input.Role = Roles.SecrecyOfficer;
        input.LeaderStaffNumber = null;
        Assert.Empty(FieldsInError(input));
    }

    [Fact]
    public void An_unknown_role_is_refused()
    {
        var input = Valid();
        input.Role = "Superuser";
        Assert.Equal(["Role"], FieldsInError(input));
    }

    [Fact]
    public void Every_account_belongs_to_a_unit()
    {
        var input = Valid();
        input.UnitId = 0;
        Assert.Equal(["UnitId"], FieldsInError(input));
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(257, false)]
    public void An_e_mail_address_has_at_most_256_characters_as_its_column(int length, bool valid)
    {
        var input = Valid();
        input.Email = new string('a', length - 12) + "@example.com";
        Assert.Equal(valid ? [] : ["An e-mail address has at most 256 characters."], Validator.Validate(input).Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void An_e_mail_is_optional_but_checked_when_given()
    {
        var input = Valid();
        input.Email = "";
        Assert.Empty(FieldsInError(input));
        input.Email = "not-an-address";
        Assert.Equal(["Email"], FieldsInError(input));
    }
}
