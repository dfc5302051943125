using SecrecyDuty.Core.SecrecyOrganizations;

namespace SecrecyDuty.Core.Tests.SecrecyOrganizations;

/// <summary>S6.6: each rule area's adoption and last revision, and the document that made them.</summary>
public sealed class RuleRegisterEntryValidatorTests
{
    private static readonly RuleRegisterEntryValidator Validator = new(new PassThroughLocalizer(), FixedClock.Today);

    private static List<string> FieldsInError(DateOnly? adopted, DateOnly? revised, string? reference = "示保〔2020〕1号") =>
        [.. Validator.Validate(new RuleRegisterEntryInput { AdoptedOn = adopted, LastRevisedOn = revised, DocumentReference = reference }).Errors.Select(e => e.PropertyName)];

    [Fact]
    public void An_entry_never_revised_is_valid() => Assert.Empty(FieldsInError(new DateOnly(2020, 5, 1), null));

    [Theory]
    [InlineData("2020-05-01", true)]
    [InlineData("2020-04-30", false)]
    public void The_rules_cannot_be_revised_before_they_were_adopted(string revised, bool valid) =>
        Assert.Equal(valid ? [] : ["LastRevisedOn"], FieldsInError(new DateOnly(2020, 5, 1), DateOnly.Parse(revised, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Neither_date_may_be_in_the_future()
    {
        Assert.Equal(["AdoptedOn"], FieldsInError(FixedClock.Date.AddDays(1), null));
        Assert.Equal(["LastRevisedOn"], FieldsInError(new DateOnly(2020, 5, 1), FixedClock.Date.AddDays(1)));
        Assert.Empty(FieldsInError(FixedClock.Date, FixedClock.Date));
    }

    [Fact]
    public void The_adoption_date_and_the_document_reference_are_required()
    {
        Assert.Equal(["AdoptedOn"], FieldsInError(null, null));
        Assert.Equal(["DocumentReference"], FieldsInError(new DateOnly(2020, 5, 1), null, " "));
        Assert.Equal(["DocumentReference"], FieldsInError(new DateOnly(2020, 5, 1), null, new string('号', 201)));
    }
}
