using SecrecyDuty.Core.Tests.SecrecyOrganizations;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Core.Tests.Units;

public sealed class UnitInputValidatorTests
{
    private static readonly UnitInputValidator Validator = new(new PassThroughLocalizer(), FixedClock.Today);
    private static readonly CreateUnitInputValidator CreateValidator = new(new PassThroughLocalizer(), FixedClock.Today);
    private static readonly DeactivateUnitInputValidator DeactivateValidator = new(new PassThroughLocalizer(), FixedClock.Today);
    private static readonly MoveUnitInputValidator MoveValidator = new(new PassThroughLocalizer());

    private static CreateUnitInput Valid() => new()
    {
        Code = "SF-QS_01",
        Name = "中共青山市委员会",
        Kind = UnitKind.PartyOrgan,
        Level = AdministrativeLevel.Prefectural,
        ParentId = 1,
    };

    private static List<string> FieldsInError(CreateUnitInput input) =>
        [.. CreateValidator.Validate(input).Errors.Select(e => e.PropertyName).Distinct()];

    [Fact]
    public void A_complete_input_is_valid() => Assert.Empty(FieldsInError(Valid()));

    [Fact]
    public void Code_and_name_are_trimmed()
    {
        var input = Valid();
        input.Code = "  SF-QS ";
        input.Name = " 青山市 ";

        Assert.Equal("SF-QS", input.Code);
        Assert.Equal("青山市", input.Name);
        Assert.Empty(FieldsInError(input));
    }

    [Fact]
    public void Every_field_is_required_and_each_missing_one_gets_one_message()
    {
        var input = new CreateUnitInput { Code = "   ", Name = "" };

        var errors = CreateValidator.Validate(input).Errors;

        Assert.Equal(["Code", "Name", "Kind", "Level", "ParentId"], errors.Select(e => e.PropertyName));
        Assert.Equal("Enter the unit's code.", errors[0].ErrorMessage);
        Assert.Equal("Choose the parent unit.", errors[4].ErrorMessage);
    }

    [Theory]
    [InlineData("SF QS")]
    [InlineData("青山")]
    [InlineData("SF.QS")]
    [InlineData("SF/QS")]
    public void A_code_is_letters_digits_hyphens_and_underscores(string code)
    {
        var input = Valid();
        input.Code = code;
        Assert.Equal(["Code"], FieldsInError(input));
    }

    [Fact]
    public void A_code_of_32_characters_is_accepted_and_33_refused()
    {
        var input = Valid();
        input.Code = new string('A', 32);
        Assert.Empty(FieldsInError(input));
        input.Code = new string('A', 33);
        Assert.Equal(["Code"], FieldsInError(input));
    }

    [Fact]
    public void A_name_of_200_characters_is_accepted_and_201_refused()
    {
        var input = Valid();
        input.Name = new string('单', 200);
        Assert.Empty(FieldsInError(input));
        input.Name = new string('单', 201);
        Assert.Equal(["Name"], FieldsInError(input));
    }

    [Fact]
    public void A_kind_or_level_outside_the_lists_is_refused()
    {
        var input = Valid();
        input.Kind = (UnitKind)99;
        input.Level = (AdministrativeLevel)99;
        Assert.Equal(["Kind", "Level"], FieldsInError(input));
    }

    [Fact]
    public void Editing_does_not_ask_for_a_parent()
    {
        var input = new UnitInput { Code = "SF", Name = "示范省", Kind = UnitKind.StateOrgan, Level = AdministrativeLevel.Provincial };
        Assert.True(Validator.Validate(input).IsValid);
    }

    [Fact]
    public void A_move_needs_the_new_parent()
    {
        Assert.Equal(["NewParentId"], MoveValidator.Validate(new MoveUnitInput()).Errors.Select(e => e.PropertyName));
        Assert.True(MoveValidator.Validate(new MoveUnitInput { NewParentId = 3 }).IsValid);
    }

    [Theory]
    [InlineData(UnitKind.StateOwnedEnterprise, true, true)]
    [InlineData(UnitKind.StateOwnedEnterprise, false, true)]
    [InlineData(UnitKind.PartyOrgan, false, true)]
    [InlineData(UnitKind.PartyOrgan, true, false)]
    [InlineData(UnitKind.StateOrgan, true, false)]
    [InlineData(UnitKind.SocialOrganization, true, false)]
    [InlineData(UnitKind.PublicInstitution, true, false)]
    [InlineData(UnitKind.OtherSecretHandlingUnit, true, false)]
    public void Art2_only_a_state_owned_enterprise_can_be_marked_large_or_medium(UnitKind kind, bool largeOrMedium, bool valid)
    {
        var input = Valid();
        input.Kind = kind;
        input.IsLargeOrMediumEnterprise = largeOrMedium;

        var errors = CreateValidator.Validate(input).Errors;

        Assert.Equal(valid, errors.Count == 0);
        if (!valid)
        {
            var error = Assert.Single(errors);
            Assert.Equal(nameof(UnitInput.IsLargeOrMediumEnterprise), error.PropertyName);
            Assert.Equal("Only a state-owned enterprise can be marked large or medium (国有大、中型企业): clear this box, or choose the kind State-owned enterprise.", error.ErrorMessage);
        }
    }

    [Fact]
    public void A_unit_set_up_date_in_the_future_is_refused_today_and_none_are_accepted()
    {
        var input = Valid();
        input.EstablishedOn = FixedClock.Date.AddDays(1);
        var error = Assert.Single(CreateValidator.Validate(input).Errors);
        Assert.Equal((nameof(UnitInput.EstablishedOn), "The set-up date cannot be in the future: enter the date the unit was set up, or leave it empty."), (error.PropertyName, error.ErrorMessage));

        input.EstablishedOn = FixedClock.Date;
        Assert.Empty(FieldsInError(input));
        input.EstablishedOn = null;
        Assert.Empty(FieldsInError(input));
    }

    [Fact]
    public void Deactivating_needs_a_closing_date_not_in_the_future()
    {
        Assert.Equal("Enter the date the unit closed.", Assert.Single(DeactivateValidator.Validate(new DeactivateUnitInput()).Errors).ErrorMessage);
        Assert.Equal(
            "The closing date cannot be in the future: deactivate the unit once it has closed.",
            Assert.Single(DeactivateValidator.Validate(new DeactivateUnitInput { ClosedOn = FixedClock.Date.AddDays(1) }).Errors).ErrorMessage);
        Assert.True(DeactivateValidator.Validate(new DeactivateUnitInput { ClosedOn = FixedClock.Date }).IsValid);
    }
}
