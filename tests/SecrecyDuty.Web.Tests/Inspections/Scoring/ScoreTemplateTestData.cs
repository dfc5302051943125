using System.Text.Json.Nodes;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Data.Seeding;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Inspections.Scoring;

internal static class ScoreTemplateTestData
{
    public const string ShippedCode = "sd-leader-duty-inspection";

    public static string ShippedPath => Path.Combine(ScoreTemplateSeeder.DefaultDirectory, $"{ShippedCode}-1.0.json");

    /// <summary>The shipped template with another code, version or title, as a bureau would edit it.</summary>
    public static JsonObject Shipped(string? code = null, string? version = null)
    {
        var document = JsonNode.Parse(File.ReadAllText(ShippedPath))!.AsObject();
        if (code is not null)
        {
            document["code"] = code;
        }

        if (version is not null)
        {
            document["version"] = version;
            document["title"] = $"党政领导干部保密工作责任制落实情况检查评分表（{version}）";
        }

        return document;
    }

    /// <summary>A folder holding the shipped file and the given other files (name, content).</summary>
    public static string Folder(TestApp app, params (string Name, JsonObject Content)[] others)
    {
        var folder = Directory.CreateDirectory(Path.Combine(app.DataDirectory, "templates-" + Guid.NewGuid().ToString("N"))).FullName;
        File.Copy(ShippedPath, Path.Combine(folder, Path.GetFileName(ShippedPath)));
        foreach (var (name, content) in others)
        {
            File.WriteAllText(Path.Combine(folder, name), content.ToJsonString());
        }

        return folder;
    }

    public static Task<T> AsAsync<T>(this TestApp app, ICurrentUser actor, Func<ScoreTemplateService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<ScoreTemplateService>(sp, actor)));

    /// <summary>The sheet's version as a page opened now would carry it (none yet: 0).</summary>
    public static async Task<int> VersionNowAsync(this ScoreSheetService sheets, int inspectionId) =>
        (await sheets.GetAsync(inspectionId))?.Version ?? 0;
}
