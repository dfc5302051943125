using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Import;
using SecrecyDuty.Data;
using SecrecyDuty.Tests.Shared;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Issue 14, finding 9: NUL bytes were stored through forms and imports, and a right-to-left override (U+202E) in an
/// evidence file's name could make it show as another name. Control and bidirectional characters are stripped
/// wherever text comes in: every bound form string, every imported cell, every evidence file name.
/// </summary>
public sealed class StoredCharacterTests
{
    private const string Nul = "\u0000";
    private const string RightToLeftOverride = "\u202E";

    [Theory]
    [InlineData("a\u0000b", "ab")]
    [InlineData("a\u202Eb\u202Ac\u2066d\u2069", "abcd")]
    [InlineData("a\u001Bb\u007Fc\u0085d\u200Fe", "abcde")]
    [InlineData("第一行\r\n第二行\t完", "第一行\r\n第二行\t完")]
    [InlineData("张三 Zhang San 😀", "张三 Zhang San 😀")]
    public void Unsafe_characters_are_stripped_and_text_with_line_breaks_is_kept(string value, string stored) =>
        Assert.Equal(stored, Text.StripUnsafe(value));

    [Fact]
    public void A_file_name_loses_its_line_breaks_and_tabs_too() =>
        Assert.Equal("ab.pdf", Text.StripUnsafe("a\r\n\tb.pdf", keepLineBreaks: false));

    [Fact]
    public async Task A_form_stores_its_text_and_file_names_without_NUL_or_bidirectional_overrides_and_keeps_line_breaks()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var client = await app.SignedInAsync("officer");
        var form = await TestApp.GetFormAsync(client, $"/Activities/Create?kind=Briefing&unitId={p.Department}", "#activity-form");

        // Multipart, as the browser posts this form (it carries files); an URL-encoded NUL is refused by ASP.NET itself.
        var response = await client.PostAsync("/Activities/Create", await ActivityTestData.MultipartAsync(
            form.With(
                ("Input.PostingIds", p.Zhang.ToString(CultureInfo.InvariantCulture)),
                ("Input.Title", $"2026年{Nul}下半年{RightToLeftOverride}汇报"),
                ("Input.Presenters", "刘芳"),
                ("Input.Topics", $"一、检查情况\r\n二、定密{Nul}工作")),
            ("Input.Evidence", $"会议纪要{RightToLeftOverride}exe.pdf", TestFiles.Pdf())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (activity, file) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Activities.AsNoTracking().SingleAsync(), await db.EvidenceFiles.AsNoTracking().SingleAsync());
        });
        Assert.Equal(("2026年下半年汇报", "一、检查情况\r\n二、定密工作"), (activity.Title, activity.Topics));
        Assert.Equal("会议纪要exe.pdf", file.FileName);
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task An_import_stores_its_cells_without_NUL_or_bidirectional_overrides(string format)
    {
        using var app = TestApp.Rent();
        var built = await app.Province().WithUnit("P", "示范省").WithUnit("P-QS", "青山市", parent: "P").BuildAsync();
        var file = new ImportFileBuilder().Leader("L1", "P-QS", name: $"孙{Nul}三{RightToLeftOverride}", rank: "CountyDivision", partyMember: "否");
        var content = format == "csv" ? file.ToCsv(ImportSheet.Leaders) : file.ToXlsx();

        var result = await app.InScopeAsync(sp => TestApp.ServiceFor<ImportService>(sp, new FixedCurrentUser("officer", built.Unit("P-QS"), Roles.SecrecyOfficer)).ImportAsync(new ImportRequest
        {
            FileName = "导入." + format,
            Content = content,
            DryRun = false,
            CsvSheet = format == "csv" ? ImportSheet.Leaders : null,
        }));

        Assert.True(result.Succeeded && result.Value!.Written, string.Join("; ", result.Errors.Select(e => e.Message)));
        var leader = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Leaders.AsNoTracking().SingleAsync(l => l.StaffNumber == "L1"));
        Assert.Equal("孙三", leader.Name);
    }

    [Fact]
    public async Task An_evidence_file_name_with_a_right_to_left_override_is_stored_as_it_reads()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var id = await app.RecordAsync(p.Officer, p.Briefing());

        // Shown as "会议纪要fdp.exe" with the override: it must be stored and shown as what it is, a PDF.
        var result = await app.EvidenceAsync(p.Officer, s => s.AddAsync(id, [ActivityTestData.Upload($"会议纪要{RightToLeftOverride}exe.pdf", TestFiles.Pdf())]));

        Assert.True(result!.Succeeded);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EvidenceFiles.AsNoTracking().SingleAsync());
        Assert.Equal("会议纪要exe.pdf", stored.FileName);
    }

    [Fact]
    public async Task An_evidence_file_name_that_hides_another_extension_behind_an_override_is_judged_without_it()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var id = await app.RecordAsync(p.Officer, p.Briefing());

        var result = await app.EvidenceAsync(p.Officer, s => s.AddAsync(id, [ActivityTestData.Upload($"invoice{RightToLeftOverride}fdp.exe", TestFiles.Pdf())]));

        Assert.False(result!.Succeeded);
        Assert.Contains("invoicefdp.exe", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.EvidenceCountAsync());
    }
}
