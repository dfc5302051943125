using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Foundation;

/// <summary>
/// A page re-rendered by a secondary handler (its URL ends in ?handler=…) must still post its main form to
/// the default handler: otherwise "Save" after "refresh attendees" or "add row" repeats the secondary action.
/// </summary>
public sealed class FormActionTests
{
    [Theory]
    [InlineData("/Activities/Create", "#activity-form", "Refresh")]
    [InlineData("/SecrecyOrganizations/Edit/{0}", "#organization-form", "AddMember")]
    public async Task The_main_form_posts_to_the_default_handler_after_a_secondary_one(string url, string form, string handler)
    {
        using var app = TestApp.Rent();
        var unit = (await app.Province()
            .WithUnit("SF", "示范省")
            .WithAccount("officer", Roles.SecrecyOfficer, "SF")
            .BuildAsync()).Unit("SF");
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, unit);

        var fields = await TestApp.GetFormAsync(client, path, form);
        var response = await client.PostAsync($"{path}?handler={handler}", fields.ToContent());
        var page = await TestApp.ParseAsync(response);

        var action = page.QuerySelector(form)!.GetAttribute("action");
        Assert.Equal(path, action);
    }
}
