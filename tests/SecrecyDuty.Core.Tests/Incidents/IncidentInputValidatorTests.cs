using FluentValidation.Results;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Tests.SecrecyOrganizations;

namespace SecrecyDuty.Core.Tests.Incidents;

/// <summary>
/// What an incident file's assessment (IM29–IM35, S6.10), a person involved (arts. 11–16) and a decision on a person need,
/// each refusal beside its field. The clock stands at 2026-11-27 09:00.
/// </summary>
public sealed class IncidentInputValidatorTests
{
    private static readonly IncidentAssessmentInputValidator Assessment = new(new PassThroughLocalizer(), FixedClock.Today);
    private static readonly IncidentPersonInputValidator Person = new(new PassThroughLocalizer());
    private static readonly SanctionDecisionInputValidator Decision = new(new PassThroughLocalizer(), FixedClock.Today);

    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0);

    private static (string Field, string Message) Single(ValidationResult result)
    {
        var error = Assert.Single(result.Errors);
        return (error.PropertyName, error.ErrorMessage);
    }

    // The assessment.
    private static IncidentAssessmentInput Assessed() => new()
    {
        ReportedToSecrecyDepartmentAt = Now.AddDays(-2),
        ReportedToSuperiorAt = Now.AddDays(-1),
        Severity = CircumstanceSeverity.Minor,
        Loss = Loss.Larger,
        AggravatingFacts = [AggravatingFact.PrivateGain],
        IllegalGainsConfiscated = 5000m,
        RemedialMeasures = "已追回文件，开展全员保密教育",
    };

    [Fact]
    public void A_complete_assessment_is_valid() => Assert.True(Assessment.Validate(Assessed()).IsValid);

    [Fact]
    public void The_assessment_may_be_saved_before_the_severity_and_the_reports_are_known() =>
        Assert.True(Assessment.Validate(new IncidentAssessmentInput()).IsValid);

    [Fact]
    public void The_report_to_the_secrecy_department_cannot_be_in_the_future()
    {
        var input = Assessed();
        input.ReportedToSecrecyDepartmentAt = Now.AddMinutes(1);

        Assert.Equal(("ReportedToSecrecyDepartmentAt", "The report cannot be in the future."), Single(Assessment.Validate(input)));
    }

    [Fact]
    public void The_report_to_the_superior_cannot_be_in_the_future()
    {
        var input = Assessed();
        input.ReportedToSuperiorAt = Now.AddMinutes(1);

        Assert.Equal(("ReportedToSuperiorAt", "The report cannot be in the future."), Single(Assessment.Validate(input)));
    }

    [Fact]
    public void A_report_made_now_is_not_in_the_future()
    {
        var input = Assessed();
        input.ReportedToSecrecyDepartmentAt = Now;
        input.ReportedToSuperiorAt = Now;

        Assert.True(Assessment.Validate(input).IsValid);
    }

    [Fact]
    public void The_losses_are_one_of_none_larger_or_major()
    {
        var input = Assessed();
        input.Loss = (Loss)9;

        Assert.Equal(("Loss", "Choose the losses."), Single(Assessment.Validate(input)));
    }

    [Fact]
    public void IM30_IM31_the_aggravating_facts_come_from_the_list()
    {
        var input = Assessed();
        input.AggravatingFacts = [AggravatingFact.DamageDone, (AggravatingFact)42];

        Assert.Equal(("AggravatingFacts[1]", "Choose the aggravating facts from the list."), Single(Assessment.Validate(input)));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("0.01", true)]
    [InlineData("-0.01", false)]
    [InlineData("1000000000000", true)]
    [InlineData("1000000000000.01", false)]
    public void IM34_the_illegal_gains_confiscated_are_an_amount_in_yuan_zero_or_more(string amount, bool valid)
    {
        var input = Assessed();
        input.IllegalGainsConfiscated = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        var result = Assessment.Validate(input);

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(("IllegalGainsConfiscated", "Enter the amount in yuan, zero or more."), (e.PropertyName, e.ErrorMessage)));
    }

    [Fact]
    public void IM34_no_amount_is_recorded_where_nothing_was_confiscated()
    {
        var input = Assessed();
        input.IllegalGainsConfiscated = null;

        Assert.True(Assessment.Validate(input).IsValid);
    }

    [Theory]
    [InlineData(4000, true)]
    [InlineData(4001, false)]
    public void S6_10_the_remedial_measures_have_at_most_4000_characters(int length, bool valid)
    {
        var input = Assessed();
        input.RemedialMeasures = new string('改', length);

        var result = Assessment.Validate(input);

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(("RemedialMeasures", "The text has at most 4000 characters."), (e.PropertyName, e.ErrorMessage)));
    }

    // A person involved.
    private static IncidentPersonInput LeaderPerson(Involvement involvement = Involvement.LeadershipFailure) => new()
    {
        PostingId = 3,
        Involvement = involvement,
        IsPartyMember = true,
    };

    private static IncidentPersonInput OtherPerson(Involvement involvement = Involvement.PersonalLeak) => new()
    {
        Name = "刘某",
        Post = "机要员",
        Involvement = involvement,
    };

    [Fact]
    public void A_leader_by_the_posting_is_valid() => Assert.True(Person.Validate(LeaderPerson()).IsValid);

    [Fact]
    public void Art_16_a_leader_may_prove_proper_performance()
    {
        var input = LeaderPerson();
        input.ProvedProperPerformance = true;

        Assert.True(Person.Validate(input).IsValid);
    }

    [Fact]
    public void Another_person_by_name_and_post_is_valid() => Assert.True(Person.Validate(OtherPerson()).IsValid);

    [Fact]
    public void Art_14_another_person_may_be_recorded_with_the_relation_to_a_leader()
    {
        var input = OtherPerson();
        input.Relation = RelatedPerson.Spouse;
        input.RelatedPostingId = 3;

        Assert.True(Person.Validate(input).IsValid);
    }

    [Fact]
    public void The_involvement_is_required()
    {
        var input = LeaderPerson();
        input.Involvement = null;

        Assert.Equal(("Involvement", "Choose how the person is involved."), Single(Person.Validate(input)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_person_is_either_a_leaders_posting_or_another_person_by_name(string? name)
    {
        var input = OtherPerson();
        input.Name = name;

        Assert.Equal(("Name", "Choose the leader's posting, or give the other person's name."), Single(Person.Validate(input)));
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Another_persons_name_has_at_most_100_characters(int length, bool valid)
    {
        var input = OtherPerson();
        input.Name = new string('刘', length);

        var result = Person.Validate(input);

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(("Name", "The text has at most 100 characters."), (e.PropertyName, e.ErrorMessage)));
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Another_persons_post_has_at_most_200_characters(int length, bool valid)
    {
        var input = OtherPerson();
        input.Post = new string('职', length);

        var result = Person.Validate(input);

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(("Post", "The text has at most 200 characters."), (e.PropertyName, e.ErrorMessage)));
    }

    [Theory]
    [InlineData(Involvement.RelatedPersonLeak)]
    [InlineData(Involvement.LeadershipFailure)]
    public void Arts_11_14_16_only_a_leader_answers_for_a_related_persons_leak_or_for_failing_to_lead(Involvement involvement) =>
        Assert.Equal(
            ("Involvement", "Only a leader answers for a related person's leak (art. 14) or for failing to lead secrecy work (arts. 11, 16)."),
            Single(Person.Validate(OtherPerson(involvement))));

    [Theory]
    [InlineData(Involvement.PersonalLeak)]
    [InlineData(Involvement.ViolationMajorThreat)]
    public void Another_person_may_have_leaked_or_violated_the_rules(Involvement involvement) =>
        Assert.True(Person.Validate(OtherPerson(involvement)).IsValid);

    [Fact]
    public void Art_16_only_a_leader_proves_proper_performance()
    {
        var input = OtherPerson();
        input.ProvedProperPerformance = true;

        Assert.Equal(("ProvedProperPerformance", "Only a leader proves proper performance of the duties (art. 16)."), Single(Person.Validate(input)));
    }

    [Fact]
    public void Art_14_a_relation_to_a_leader_names_the_leader()
    {
        var input = OtherPerson();
        input.Relation = RelatedPerson.Staff;

        Assert.Equal(("RelatedPostingId", "Choose the leader the person is related to."), Single(Person.Validate(input)));
    }

    [Fact]
    public void Art_14_a_leader_named_for_another_person_says_how_they_are_related()
    {
        var input = OtherPerson();
        input.RelatedPostingId = 3;

        Assert.Equal(("Relation", "Say how the person is related to the leader."), Single(Person.Validate(input)));
    }

    [Fact]
    public void A_leader_is_named_by_the_posting_not_by_a_name()
    {
        var input = LeaderPerson();
        input.Name = "张教";

        Assert.Equal(("Name", "A leader is named by the posting: leave the name empty."), Single(Person.Validate(input)));
    }

    [Fact]
    public void A_leader_is_not_recorded_as_related_to_another_leader()
    {
        var input = LeaderPerson();
        input.RelatedPostingId = 4;

        Assert.Equal(("RelatedPostingId", "A leader's own relation is recorded only for a related person's leak: say who leaked."), Single(Person.Validate(input)));
    }

    [Fact]
    public void Art_14_a_leader_answering_for_a_related_persons_leak_says_who_leaked()
    {
        var input = LeaderPerson(Involvement.RelatedPersonLeak);

        Assert.Equal(("Relation", "Say who leaked: the leader's staff, spouse or child (art. 14)."), Single(Person.Validate(input)));
    }

    [Theory]
    [InlineData(RelatedPerson.Staff)]
    [InlineData(RelatedPerson.Spouse)]
    [InlineData(RelatedPerson.Child)]
    public void Art_14_the_leaders_staff_spouse_or_child(RelatedPerson relation)
    {
        var input = LeaderPerson(Involvement.RelatedPersonLeak);
        input.Relation = relation;

        Assert.True(Person.Validate(input).IsValid);
    }

    [Theory]
    [InlineData(Involvement.PersonalLeak)]
    [InlineData(Involvement.ViolationMajorThreat)]
    [InlineData(Involvement.LeadershipFailure)]
    public void Art_14_who_leaked_is_recorded_only_for_a_related_persons_leak(Involvement involvement)
    {
        var input = LeaderPerson(involvement);
        input.Relation = RelatedPerson.Child;

        Assert.Equal(("Relation", "Who leaked is recorded only for a related person's leak (art. 14)."), Single(Person.Validate(input)));
    }

    // A decision on a person.
    private static SanctionDecisionInput Decided() => new()
    {
        Administrative = AdministrativeSanction.Warning,
        Party = PartySanction.Warning,
        DecidedOn = new DateOnly(2026, 11, 26),
        DocumentNumber = "示纪〔2026〕8号",
    };

    [Fact]
    public void A_complete_decision_is_valid() => Assert.True(Decision.Validate(Decided()).IsValid);

    [Fact]
    public void No_sanction_at_all_is_a_decision_too()
    {
        var input = Decided();
        input.Administrative = null;
        input.Party = null;

        Assert.True(Decision.Validate(input).IsValid);
    }

    [Fact]
    public void The_administrative_sanction_comes_from_the_scale()
    {
        var input = Decided();
        input.Administrative = (AdministrativeSanction)9;

        Assert.Equal(("Administrative", "Choose a sanction from the list."), Single(Decision.Validate(input)));
    }

    [Fact]
    public void The_Party_sanction_comes_from_the_scale()
    {
        var input = Decided();
        input.Party = (PartySanction)9;

        Assert.Equal(("Party", "Choose a sanction from the list."), Single(Decision.Validate(input)));
    }

    [Fact]
    public void The_decision_date_is_required()
    {
        var input = Decided();
        input.DecidedOn = null;

        Assert.Equal(("DecidedOn", "Enter the decision date."), Single(Decision.Validate(input)));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void The_decision_date_is_today_at_the_latest(int daysFromToday, bool valid)
    {
        var input = Decided();
        input.DecidedOn = FixedClock.Date.AddDays(daysFromToday);

        var result = Decision.Validate(input);

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(("DecidedOn", "The decision date cannot be in the future."), (e.PropertyName, e.ErrorMessage)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void The_decision_names_its_document_number(string number)
    {
        var input = Decided();
        input.DocumentNumber = number;

        Assert.Equal(("DocumentNumber", "Enter the decision's document number."), Single(Decision.Validate(input)));
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void The_document_number_has_at_most_100_characters(int length, bool valid)
    {
        var input = Decided();
        input.DocumentNumber = new string('号', length);

        var result = Decision.Validate(input);

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(("DocumentNumber", "The text has at most 100 characters."), (e.PropertyName, e.ErrorMessage)));
    }

    [Theory]
    [InlineData(4000, true)]
    [InlineData(4001, false)]
    public void The_justification_has_at_most_4000_characters(int length, bool valid)
    {
        var input = Decided();
        input.Justification = new string('理', length);

        var result = Decision.Validate(input);

        Assert.Equal(valid, result.IsValid);
        Assert.All(result.Errors, e => Assert.Equal(("Justification", "The text has at most 4000 characters."), (e.PropertyName, e.ErrorMessage)));
    }
}
