using System.Net;
using Microsoft.Data.Sqlite;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Operations;

/// <summary>
/// Two instances of the app, two real processes on two ports over one database, as behind a load balancer: what one
/// issues (the sign-in cookie, an antiforgery token) the other accepts, because the data-protection keys are in the
/// database, encrypted with the configured certificate (docs/decisions/0019-data-protection-keys-in-the-database.md).
/// </summary>
public sealed class SeveralInstancesTests
{
    [Fact]
    public async Task A_sign_in_on_one_instance_is_accepted_by_the_other_and_the_shared_key_is_encrypted()
    {
        using var folder = new AppFolder();
        folder.Settings[DataProtectionSetup.CertificatePathSetting.Replace(":", "__", StringComparison.Ordinal)] = folder.CreateCertificate("dataprotection.pfx", "CN=SecrecyDuty data protection (test)", "pfx-password");
        folder.Settings[DataProtectionSetup.CertificatePasswordSetting.Replace(":", "__", StringComparison.Ordinal)] = "pfx-password";
        await folder.PrepareAsync();

        // The second instance has a data folder of its own (as on another machine): only the database is shared.
        using var elsewhere = new AppFolder();
        await using var first = await AppProcess.StartAsync(folder);
        await using var second = await AppProcess.StartAsync(
            folder, ("App__DataDirectory", elsewhere.Path), ("ConnectionStrings__Sqlite", $"Data Source={folder.DatabasePath}"));
        using var one = first.CreateClient();
        using var other = second.CreateClient();

        var browser = new CookieSession();
        var signIn = await browser.SignInAsync(one, "admin", AppFolder.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(browser.Has("SecrecyDuty.Auth"), first.Output);

        // The cookie the first instance issued reads a page on the second.
        var units = await browser.SendAsync(other, HttpMethod.Get, "/Units");
        Assert.True(units.StatusCode == HttpStatusCode.OK, $"{(int)units.StatusCode} {units.Headers.Location}\n{second.Output}");
        Assert.Contains("示范省", await units.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form served by one instance is posted to the other: its antiforgery token is accepted too.
        var form = await browser.GetFormAsync(one, "/Units/Create?parentId=" + RootUnitId(folder), "#create-unit-form");
        var created = await browser.SendAsync(other, HttpMethod.Post, "/Units/Create", form.With(
            ("Input.Code", "SF-TWO"), ("Input.Name", "第二实例所建单位"), ("Input.Kind", "StateOrgan"), ("Input.Level", "County")).ToContent());
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"{(int)created.StatusCode}\n{second.Output}");

        // Without the cookie the same page is refused: the second instance does check.
        var anonymous = await new CookieSession().SendAsync(other, HttpMethod.Get, "/Units");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // One key for both, made by migrate, stored encrypted: no master key in clear in the database.
        var keys = Query(folder, "SELECT Xml FROM DataProtectionKeys");
        var key = Assert.Single(keys);
        Assert.Contains("EncryptedData", key, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_certificate_an_instance_outside_development_warns_that_the_keys_are_not_encrypted()
    {
        using var folder = new AppFolder();
        folder.Settings["Serilog__MinimumLevel__Default"] = "Warning";
        await folder.PrepareAsync();

        await using var app = await AppProcess.StartAsync(folder);

        Assert.Contains("Data-protection keys are stored in the database unencrypted", app.Output, StringComparison.Ordinal);
        Assert.Contains("<masterKey", Assert.Single(Query(folder, "SELECT Xml FROM DataProtectionKeys")), StringComparison.Ordinal);
    }

    private static string RootUnitId(AppFolder folder) => Assert.Single(Query(folder, "SELECT Id FROM Units WHERE Code = 'SF'"));

    internal static List<string> Query(AppFolder folder, string sql)
    {
        using var connection = new SqliteConnection(folder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
