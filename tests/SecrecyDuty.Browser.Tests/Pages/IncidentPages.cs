using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SecrecyDuty.Browser.Tests.Pages;

/// <summary>The incident files list (<c>/Incidents</c>).</summary>
public sealed class IncidentListPage(IPage page) : AppPage(page)
{
    public static async Task<IncidentListPage> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Incidents");
        return new IncidentListPage(page);
    }

    public ILocator Rows => Page.Locator("#incidents-table tbody tr");

    public ILocator Row(string title) => Rows.Filter(new LocatorFilterOptions { HasText = title });

    public async Task<IncidentFilePage> OpenFileAsync(string title)
    {
        await Row(title).Locator("a").First.ClickAsync();
        await Page.WaitForURLAsync(IncidentFilePage.Url());
        return new IncidentFilePage(Page);
    }
}

/// <summary>The registration form (<c>/Incidents/Register</c>), under its no-secret-content warning.</summary>
public sealed class IncidentRegistrationForm(IPage page) : AppPage(page)
{
    public static async Task<IncidentRegistrationForm> OpenAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Incidents/Register");
        return new IncidentRegistrationForm(page);
    }

    public ILocator NoSecretContentWarning => Page.Locator("#no-secret-content");

    public Task ChooseUnitAsync(string typed, string unit) => PickAsync("Input_UnitId_search", typed, unit);

    /// <summary>Fills the file's facts; the discovery stays at the time the form proposes (now).</summary>
    public async Task FillAsync(string title, string classification, string leakType, string carrier, string description)
    {
        await Page.Locator("#Input_Title").FillAsync(title);
        await Page.Locator("#Input_Classification").SelectOptionAsync(classification);
        await Page.Locator($"#Input_LeakType_{leakType}").CheckAsync();
        await Page.Locator("#Input_Carrier").SelectOptionAsync(carrier);
        await Page.Locator("#Input_Description").FillAsync(description);
    }

    public async Task<IncidentFilePage> RegisterAsync()
    {
        await Page.Locator("#save-incident").ClickAsync();
        await Page.WaitForURLAsync(IncidentFilePage.Url());
        return new IncidentFilePage(Page);
    }
}

/// <summary>An incident file (<c>/Incidents/Details/{id}</c>): facts, clock, persons with their guidance, decisions, proposals.</summary>
public sealed partial class IncidentFilePage(IPage page) : AppPage(page)
{
    /// <summary>The status badge, with its <c>data-status</c> (an <c>IncidentStatus</c> value).</summary>
    public ILocator Status => Page.Locator("#incident-status");

    /// <summary>The reporting clock, with its <c>data-clock</c> (a <c>ReportClockState</c> value).</summary>
    public ILocator Clock => Page.Locator("#reporting-clock");

    public ILocator Persons => Page.Locator(".incident-person");

    public ILocator Person(string name) => Persons.Filter(new LocatorFilterOptions { Has = Page.Locator(".person-name", new PageLocatorOptions { HasText = name }) });

    public ILocator Provisions(string name) => Person(name).Locator(".provision");

    public ILocator PermittedAdministrative(string name) => Person(name).Locator(".permitted-administrative");

    public ILocator PermittedParty(string name) => Person(name).Locator(".permitted-party");

    public ILocator Decision(string name) => Person(name).Locator(".decision");

    public ILocator Proposals => Page.Locator("#incident-proposals li");

    public int FileId => int.Parse(Url().Match(Page.Url).Groups[1].Value, CultureInfo.InvariantCulture);

    public static Regex Url() => UrlPattern();

    public async Task StepAsync(string action)
    {
        await Page.Locator($"#step-{action}").ClickAsync();
        await Page.WaitForLoadStateAsync();
    }

    public async Task<IncidentPersonForm> AddPersonAsync()
    {
        await Page.Locator("#add-person").ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/Incidents/Person/\d+$"));
        return new IncidentPersonForm(Page);
    }

    public ILocator LinkedFindings => Page.Locator("#linked-findings li");

    /// <summary>Links the unit's inspection finding of <paramref name="code"/> (D15.x) to the file.</summary>
    public async Task LinkFindingAsync(string code)
    {
        await SelectOptionContainingAsync("#findingId", code);
        await Page.Locator("#link-finding").ClickAsync();
        await Page.WaitForLoadStateAsync();
    }

    public async Task<IncidentAssessmentForm> AssessAsync()
    {
        await Page.Locator("#assess").ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/Incidents/Assess/\d+$"));
        return new IncidentAssessmentForm(Page);
    }

    public async Task<SanctionDecisionForm> RecordDecisionAsync(string name)
    {
        await Person(name).Locator(".record-decision").ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/Incidents/Decision/\d+/\d+$"));
        return new SanctionDecisionForm(Page);
    }

    public async Task<ProposalForm> ProposeSanctionAsync()
    {
        await Page.Locator("#propose-sanction").ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/Proposals/Create\?incidentId=\d+$"));
        return new ProposalForm(Page);
    }

    /// <summary>The name of the first person, as the file shows it.</summary>
    public Task<string> PersonNameAsync(int index) => Persons.Nth(index).Locator(".person-name").InnerTextAsync();

    [GeneratedRegex(@"/Incidents/Details/(\d+)$")]
    private static partial Regex UrlPattern();
}

/// <summary>Adds a person involved (<c>/Incidents/Person/{id}</c>).</summary>
public sealed class IncidentPersonForm(IPage page) : AppPage(page)
{
    /// <summary>A leader of the unit: the posting held at the time, chosen by its role's name.</summary>
    public Task ChooseLeaderAsync(string roleName) => SelectOptionContainingAsync("#Input_PostingId", roleName);

    public Task ChooseInvolvementAsync(string involvement) => Page.Locator("#Input_Involvement").SelectOptionAsync(involvement);

    public Task MarkPartyMemberAsync() => Page.Locator("#Input_IsPartyMember").CheckAsync();

    public async Task<IncidentFilePage> AddAsync()
    {
        await Page.Locator("#save-person").ClickAsync();
        await Page.WaitForURLAsync(IncidentFilePage.Url());
        return new IncidentFilePage(Page);
    }
}

/// <summary>What the investigation established (<c>/Incidents/Assess/{id}</c>).</summary>
public sealed class IncidentAssessmentForm(IPage page) : AppPage(page)
{
    public async Task FillAsync(DateTime reportedToDepartment, string severity, string loss, string remedialMeasures)
    {
        await Page.Locator("#Input_ReportedToSecrecyDepartmentAt").FillAsync(reportedToDepartment.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await Page.Locator("#Input_Severity").SelectOptionAsync(severity);
        await Page.Locator("#Input_Loss").SelectOptionAsync(loss);
        await Page.Locator("#Input_RemedialMeasures").FillAsync(remedialMeasures);
    }

    public async Task<IncidentFilePage> SaveAsync()
    {
        await Page.Locator("#save-assessment").ClickAsync();
        await Page.WaitForURLAsync(IncidentFilePage.Url());
        return new IncidentFilePage(Page);
    }
}

/// <summary>The decision on a person beside the sanction guidance (<c>/Incidents/Decision/{id}/{personId}</c>).</summary>
public sealed class SanctionDecisionForm(IPage page) : AppPage(page)
{
    public ILocator Guidance => Page.Locator(".sanction-guidance");

    public async Task FillAsync(string administrative, string party, string documentNumber)
    {
        await Page.Locator("#Input_Administrative").SelectOptionAsync(administrative);
        await Page.Locator("#Input_Party").SelectOptionAsync(party);
        await Page.Locator("#Input_DocumentNumber").FillAsync(documentNumber);
    }

    public async Task<IncidentFilePage> RecordAsync()
    {
        await Page.Locator("#save-decision").ClickAsync();
        await Page.WaitForURLAsync(IncidentFilePage.Url());
        return new IncidentFilePage(Page);
    }
}

/// <summary>The proposal form (<c>/Proposals/Create</c>, art. 17).</summary>
public sealed class ProposalForm(IPage page) : AppPage(page)
{
    public ILocator RestsOnIncident => Page.Locator("#proposal-incident");

    public ILocator Kind => Page.Locator("#Input_Kind");

    public ILocator Basis => Page.Locator("#Input_Basis");

    public async Task FillAsync(string recipient, string content)
    {
        await Page.Locator("#Input_Recipient").FillAsync(recipient);
        await Page.Locator("#Input_Content").FillAsync(content);
    }

    public async Task<AppPage> SendAsync()
    {
        await Page.Locator("#save-proposal").ClickAsync();
        await Page.WaitForURLAsync(new Regex(@"/Proposals/Details/\d+$"));
        return new AppPage(Page);
    }
}
