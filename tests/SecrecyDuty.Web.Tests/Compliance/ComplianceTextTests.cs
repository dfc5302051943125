using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Pages.Compliance;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>The rules give their reasons as message keys: every one of them must read in Chinese, and the enums in both languages.</summary>
public sealed class ComplianceTextTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>Every result the rules can give, from inputs that reach each branch.</summary>
    private static IEnumerable<ComplianceResult> AllResults()
    {
        AssessmentPeriod[] periods =
        [
            new(2025, Today), new(2026, new(2026, 1, 2)), new(2026, new(2026, 3, 1)), new(2026, new(2026, 7, 1)), new(2026, Today), new(2027, Today),
            new(2025, Today, UnitFrom: new(2025, 11, 1)), new(2024, Today, UnitFrom: new(2025, 11, 1)), new(2025, Today, UnitTo: new(2025, 3, 31)),
        ];
        var shipped = ComplianceFrequencies.Shipped;
        DutyFrequency[] frequencies = [shipped.Briefings, new(1), new(1, 4, 4), DutyFrequency.None];
        foreach (var period in periods)
        {
            foreach (var frequency in frequencies)
            {
                foreach (var heard in new[] { 0, 1, 2 })
                {
                    yield return ComplianceRules.Briefings(period, frequency, heard);
                    yield return ComplianceRules.MemberMeetings(period, frequency, heard);
                    yield return ComplianceRules.Education(period, frequency, heard);
                }

                foreach (int[] perPeriod in new[] { new[] { 0, 0, 0, 0 }, [1, 0, 0, 0], [0, 1, 1, 1], [1, 1, 1, 1], [2, 0, 0, 0] })
                {
                    yield return ComplianceRules.BriefingPractice(period, frequency, ComplianceRules.PracticePeriods(period, frequency, perPeriod));
                }
            }

            yield return ComplianceRules.SecrecyOrganization(period, null, 0, 0);
            yield return ComplianceRules.SecrecyOrganization(period, new DateOnly(2020, 1, 1), 0, 0);
            yield return ComplianceRules.SecrecyOrganization(period, new DateOnly(2020, 1, 1), 2, 1);
            foreach (var (required, submitted, reviewed) in new[] { (0, 0, 0), (2, 0, 0), (2, 1, 0), (2, 2, 2) })
            {
                yield return ComplianceRules.Checklists(period, required, submitted, reviewed);
            }
        }

        yield return ComplianceRules.RuleRegister([]);
        yield return ComplianceRules.RuleRegister(["R9"]);
        yield return ComplianceRules.RuleRegister(["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"]);
        yield return ComplianceRules.RuleRegister([], notApplicable: 2);
    }

    [Fact]
    public void Every_reason_the_rules_give_has_a_Chinese_translation()
    {
        var chinese = new JsonStringTables().For("zh-CN");
        var reasons = AllResults().Select(r => r.Reason).Distinct().ToList();

        Assert.True(reasons.Count >= 30, $"only {reasons.Count} reasons reached");
        Assert.DoesNotContain(reasons, r => !chinese.ContainsKey(r));
    }

    [Fact]
    public void Every_reason_formats_with_its_arguments()
    {
        var tables = new JsonStringTables();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            foreach (var result in AllResults())
            {
                var template = tables.Find(result.Reason, new CultureInfo(culture)) ?? result.Reason;
                var text = string.Format(CultureInfo.InvariantCulture, template, [.. result.Arguments]);
                Assert.DoesNotContain("{", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_requirement_and_state_has_a_name_in_both_languages()
    {
        var tables = new JsonStringTables();
        var keys = Requirements.All.SelectMany(r => new[] { "Requirement:" + r, "RequirementCode:" + r })
            .Concat(Enum.GetValues<ComplianceState>().Select(s => "ComplianceState:" + s));
        foreach (var key in keys)
        {
            Assert.True(tables.Find(key, new CultureInfo("zh-CN")) is { Length: > 0 }, key);
            Assert.True(tables.Find(key, new CultureInfo("en")) is { Length: > 0 }, key);
        }
    }

    [Fact]
    public void Every_link_to_the_records_and_forms_has_a_Chinese_translation()
    {
        var chinese = new JsonStringTables().For("zh-CN");
        var url = new UrlHelper(new ActionContext(new Microsoft.AspNetCore.Http.DefaultHttpContext(), new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
        var texts = Requirements.All
            .SelectMany(r => new[] { ComplianceLinks.Records(url, r, 1, 2026), ComplianceLinks.Record(url, r, 1, true, true) })
            .OfType<RecordLink>()
            .Select(l => l.Text)
            .ToList();

        Assert.Equal(14, texts.Count);
        Assert.DoesNotContain(texts, t => !chinese.ContainsKey(t));
    }
}
