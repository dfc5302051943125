using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecrecyDuty.Browser.Tests.Infrastructure;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Browser.Tests.Guide;

/// <summary>
/// Issue 11: the user guide (docs/user-guide.md, docs/user-guide.en.md) shows only pictures that the journey tests take
/// of the current app, and every picture it shows is in docs/user-guide/images/, where docs/user-guide/regenerate
/// rewrites them all from a run of those tests. These checks read files only: they need no browser.
/// </summary>
public sealed partial class UserGuideTests
{
    private const string ImagesFolder = "docs/user-guide/images";

    private const string Regenerate = "docs/user-guide/regenerate";

    /// <summary>The largest picture accepted: a screenshot of a 1280 × 900 window is about a tenth of it.</summary>
    private const int MaxImageBytes = 600 * 1024;

    private static readonly string Root = BrowserApp.RepositoryRoot();

    private static readonly string[] GuideFiles = ["docs/user-guide.md", "docs/user-guide.en.md"];

    public static TheoryData<string> Guides => new(GuideFiles);

    [Theory]
    [MemberData(nameof(Guides))]
    public void Every_picture_the_guide_shows_is_in_the_images_folder(string guide)
    {
        var missing = Pictures(guide).Where(name => !File.Exists(Path.Combine(Root, ImagesFolder, name + ".png"))).ToList();
        Assert.True(missing.Count == 0, $"{guide} shows pictures missing from {ImagesFolder}: {string.Join(", ", missing)}. Run {Regenerate}.");
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void Every_picture_the_guide_shows_is_taken_by_a_journey_test(string guide)
    {
        var taken = TakenByJourneys();
        var untaken = Pictures(guide).Where(name => !taken.Contains(name)).ToList();
        Assert.True(
            untaken.Count == 0,
            $"{guide} shows pictures that no test in Journeys/ takes (ScreenshotAsync(\"name\")), so {Regenerate} cannot renew them: {string.Join(", ", untaken)}.");
    }

    [Fact]
    public void Every_picture_in_the_images_folder_is_shown_by_a_guide()
    {
        var shown = GuideFiles.SelectMany(Pictures).ToHashSet(StringComparer.Ordinal);
        var folder = Path.Combine(Root, ImagesFolder);
        var unused = Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .Where(file => !(file!.EndsWith(".png", StringComparison.Ordinal) && shown.Contains(file[..^4])))
            .ToList();
        Assert.True(unused.Count == 0, $"{ImagesFolder} holds files no guide shows (a picture left behind): {string.Join(", ", unused)}. Run {Regenerate}.");
    }

    [Fact]
    public void No_two_tests_take_a_picture_of_the_same_name()
    {
        var names = ScreenshotNames(Path.Combine(Root, "tests", "SecrecyDuty.Browser.Tests"));
        var twice = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Screenshots taken by more than one test overwrite each other: {string.Join(", ", twice)}");
    }

    [Fact]
    public void The_pictures_are_window_sized_PNG_files()
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, ImagesFolder), "*.png"))
        {
            var bytes = File.ReadAllBytes(file);
            var name = Path.GetFileName(file);
            if (bytes.Length < 24 || !bytes.AsSpan(0, 8).SequenceEqual(PngSignature))
            {
                problems.Add($"{name} is not a PNG file");
                continue;
            }

            var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
            var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
            if (width > 1366 || height > 1400)
            {
                problems.Add($"{name} is {width} × {height}: a window's screenshot is at most 1366 wide and 1400 high");
            }

            if (bytes.Length > MaxImageBytes)
            {
                problems.Add($"{name} has {bytes.Length / 1024} KB, more than {MaxImageBytes / 1024} KB");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("docs/user-guide.md", "zh-CN")]
    [InlineData("docs/user-guide.en.md", "en")]
    public void The_guide_has_a_chapter_for_every_role_under_the_name_the_app_gives_it(string guide, string culture)
    {
        var names = RoleNames(culture);
        var headings = File.ReadAllLines(Path.Combine(Root, guide)).Where(l => l.StartsWith("## ", StringComparison.Ordinal)).ToList();
        var missing = Roles.All.Where(role => !headings.Any(h => h.Contains(names[role], StringComparison.Ordinal))).Select(role => names[role]).ToList();
        Assert.True(missing.Count == 0, $"{guide} has no chapter (a \"## \" heading) naming the role(s): {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Guides))]
    public void The_guide_links_only_to_files_of_the_repository(string guide)
    {
        var text = File.ReadAllText(Path.Combine(Root, guide));
        var directory = Path.GetDirectoryName(Path.Combine(Root, guide))!;
        var problems = new List<string>();
        foreach (Match link in LinkTarget().Matches(text))
        {
            var target = link.Groups[1].Value;
            var path = target.Split('#')[0];
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("//", StringComparison.Ordinal))
            {
                problems.Add($"{target} points outside the repository");
            }
            else if (path.Length > 0 && !File.Exists(Path.Combine(directory, path)) && !Directory.Exists(Path.Combine(directory, path)))
            {
                problems.Add($"{target} does not exist");
            }
        }

        problems.AddRange(WebAddress().Matches(text).Select(m => m.Value).Where(a => !a.StartsWith("http://localhost", StringComparison.Ordinal)).Select(a => $"{a} points outside the repository"));
        Assert.True(problems.Count == 0, $"{guide}:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_command_that_regenerates_the_pictures_is_in_the_README_and_in_both_guides()
    {
        Assert.True(File.Exists(Path.Combine(Root, Regenerate)), $"{Regenerate} is missing");
        foreach (var file in new[] { "README.md", "docs/user-guide.md", "docs/user-guide.en.md" })
        {
            Assert.Contains("bash " + Regenerate, File.ReadAllText(Path.Combine(Root, file)), StringComparison.Ordinal);
        }
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The names of the pictures a guide shows: <c>![caption](user-guide/images/NAME.png)</c>.</summary>
    private static List<string> Pictures(string guide)
    {
        var text = File.ReadAllText(Path.Combine(Root, guide));
        var pictures = GuidePicture().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(pictures);
        return pictures;
    }

    /// <summary>The screenshots the journey tests take (the tests docs/user-guide/regenerate runs).</summary>
    private static HashSet<string> TakenByJourneys() =>
        [.. ScreenshotNames(Path.Combine(Root, "tests", "SecrecyDuty.Browser.Tests", "Journeys"))];

    /// <summary>The literal names given to <c>ScreenshotAsync</c> in the C# files under <paramref name="folder"/>.</summary>
    private static List<string> ScreenshotNames(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ScreenshotCall().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))];

    /// <summary>The roles' names as the app shows them (Resources/common.*.json, <c>Role:…</c>).</summary>
    private static Dictionary<string, string> RoleNames(string culture)
    {
        var file = Path.Combine(Root, "src", "SecrecyDuty.Web", "Resources", $"common.{culture}.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return Roles.All.ToDictionary(r => r, r => json.RootElement.GetProperty("Role:" + r).GetString()!, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"!\[[^\]]*\]\(user-guide/images/([a-z0-9-]+)\.png\)")]
    private static partial Regex GuidePicture();

    [GeneratedRegex(@"ScreenshotAsync\((?:[^""()]*,\s*)?""([a-z0-9-]+)""")]
    private static partial Regex ScreenshotCall();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"https?://[^\s)>\]]+")]
    private static partial Regex WebAddress();
}
