using SecrecyDuty.Core.SecrecyOrganizations;

namespace SecrecyDuty.Core.Tests.SecrecyOrganizations;

/// <summary>P5.2: the organization, its funds and its secrecy cadres, as one form.</summary>
public sealed class SecrecyOrganizationValidatorTests
{
    private static readonly SecrecyOrganizationValidator Validator = new(new PassThroughLocalizer(), FixedClock.Today);

    private static SecrecyOrganizationInput Valid() => new()
    {
        Kind = SecrecyOrganizationKind.Committee,
        EstablishedOn = new DateOnly(2019, 3, 1),
        AnnualBudget = 0m,
        BudgetYear = 2026,
        Members = [new MemberRow { Name = "刘芳", Position = "办公室主任" }],
        Cadres = [new CadreRow { Name = "周敏", IsFullTime = true, LastTrainedOn = new DateOnly(2026, 6, 15) }],
    };

    private static List<string> FieldsInError(SecrecyOrganizationInput input) =>
        [.. Validator.Validate(input).Errors.Select(e => e.PropertyName)];

    [Fact]
    public void A_complete_organization_with_a_zero_budget_is_valid() => Assert.Empty(FieldsInError(Valid()));

    [Fact]
    public void The_kind_is_required()
    {
        var input = Valid();
        input.Kind = null;
        Assert.Equal(["Kind"], FieldsInError(input));
    }

    [Fact]
    public void The_establishment_date_is_required()
    {
        var input = Valid();
        input.EstablishedOn = null;
        Assert.Equal(["EstablishedOn"], FieldsInError(input));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void The_establishment_date_may_be_today_but_not_in_the_future(int daysFromToday, bool valid)
    {
        var input = Valid();
        input.EstablishedOn = FixedClock.Date.AddDays(daysFromToday);
        Assert.Equal(valid, FieldsInError(input).Count == 0);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("-0.01", false)]
    public void The_budget_cannot_be_negative(string budget, bool valid)
    {
        var input = Valid();
        input.AnnualBudget = decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(valid ? [] : ["AnnualBudget"], FieldsInError(input));
    }

    [Fact]
    public void A_budget_needs_its_year_and_a_year_needs_its_budget()
    {
        var noYear = Valid();
        noYear.BudgetYear = null;
        var noBudget = Valid();
        noBudget.AnnualBudget = null;

        Assert.Equal(["BudgetYear"], FieldsInError(noYear));
        Assert.Equal(["AnnualBudget"], FieldsInError(noBudget));
    }

    [Theory]
    [InlineData(2027, true)]
    [InlineData(2028, false)]
    [InlineData(1948, false)]
    public void The_budget_year_is_at_most_next_year(int year, bool valid)
    {
        var input = Valid();
        input.BudgetYear = year;
        Assert.Equal(valid, FieldsInError(input).Count == 0);
    }

    [Fact]
    public void A_cadre_needs_a_name_and_the_error_names_the_row_as_posted()
    {
        var input = Valid();
        input.Cadres = [new CadreRow(), new CadreRow { Position = "机要员" }];

        Assert.Equal(["Cadres[1].Name"], FieldsInError(input));
    }

    [Fact]
    public void A_cadre_marked_full_time_without_a_name_is_not_a_blank_row()
    {
        var input = Valid();
        input.Cadres.Add(new CadreRow { IsFullTime = true });

        Assert.Equal(["Cadres[1].Name"], FieldsInError(input));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void A_training_date_cannot_be_in_the_future(int daysFromToday, bool valid)
    {
        var input = Valid();
        input.Cadres[0].LastTrainedOn = FixedClock.Date.AddDays(daysFromToday);
        Assert.Equal(valid ? [] : ["Cadres[0].LastTrainedOn"], FieldsInError(input));
    }

    [Fact]
    public void A_member_needs_a_leader_or_a_name()
    {
        var withPositionOnly = Valid();
        withPositionOnly.Members.Add(new MemberRow { Position = "办公室主任" });
        var leaderOnly = Valid();
        leaderOnly.Members.Add(new MemberRow { LeaderId = 7 });

        Assert.Equal(["Members[1].Name"], FieldsInError(withPositionOnly));
        Assert.Empty(FieldsInError(leaderOnly));
    }

    [Fact]
    public void Blank_rows_and_rows_marked_for_removal_are_not_checked()
    {
        var input = Valid();
        input.Members.Add(new MemberRow { Name = " " });
        input.Cadres.Add(new CadreRow { Position = "已调离", LastTrainedOn = FixedClock.Date.AddYears(1), Remove = true });

        Assert.Empty(FieldsInError(input));
    }

    [Fact]
    public void The_phone_number_takes_digits_and_separators_only()
    {
        var good = Valid();
        good.OfficePhone = "+86 (571) 8700-1234";
        var bad = Valid();
        bad.OfficePhone = "call 8700";

        Assert.Empty(FieldsInError(good));
        Assert.Equal(["OfficePhone"], FieldsInError(bad));
    }
}
