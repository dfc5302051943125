using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Inspections.Scoring;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Infrastructure;
using SecrecyDuty.Web.Tests.Activities;
using SecrecyDuty.Web.Tests.Infrastructure;
using SecrecyDuty.Web.Tests.Inspections;
using SecrecyDuty.Web.Tests.Inspections.Scoring;

namespace SecrecyDuty.Web.Tests.Security;

/// <summary>
/// Uploaded files go back out only as downloads, to those who may see the record, and never as something a browser
/// would show or run in the app's origin (issue 14, "Uploads"). Each download handler is tried: activity evidence
/// (also in <c>Activities/EvidenceTests</c>), rectification reports and self-assessments.
/// </summary>
public sealed class UploadTests
{
    private const string Bidi = "\u202E";

    [Fact]
    public async Task The_evidence_of_a_rectification_report_is_an_attachment_with_safe_headers_and_not_found_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var (_, _, order) = await app.OrderAsync(p);
        var pdf = TestFiles.Pdf();
        var reported = await app.OrdersAsync(p.Leader, async s => await s.ReportAsync(
            order, (await s.GetAsync(order))!.Version, new RectificationNoteInput { Note = "已整改" }, [ActivityTestData.Upload("整改报告 “终稿”.pdf", pdf)]));
        Assert.True(reported!.Succeeded, InspectionTestData.Describe(reported));
        var fileId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EvidenceFiles.Where(f => f.RectificationOrderId == order).Select(f => f.Id).SingleAsync());
        var url = $"/Inspections/Orders/Details/{order}?handler=Evidence&fileId={fileId}";

        var response = await (await app.SignedInAsync("officer")).GetAsync(url);

        AssertSafeDownload(response, "application/pdf", "整改报告 “终稿”.pdf");
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        var outside = await (await app.SignedInAsync("health-officer")).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.DoesNotContain("%PDF", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evidence_of_a_self_assessment_is_an_attachment_with_safe_headers_and_not_found_outside_the_jurisdiction()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        await app.Province().WithAccount("jyt-officer", Roles.SecrecyOfficer, p.Department).BuildAsync();
        var unitOfficerId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == "jyt-officer").Select(u => u.Id).SingleAsync());
        var unitOfficer = new FixedCurrentUser(unitOfficerId, p.Department, Roles.SecrecyOfficer);
        var inspection = (await app.InspectionsAsync(unitOfficer, s => s.CreateAsync(new InspectionInput
        {
            UnitId = p.Department,
            Body = InspectingBody.OwnSecrecyOrganization,
            Kind = InspectionKind.Routine,
            PlannedOn = new DateOnly(2026, 11, 2),
            Scope = "2026年度自查自评",
            InspectorIds = [unitOfficerId],
        }))).Value;
        var template = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.Where(t => t.Code == ScoreTemplateTestData.ShippedCode && t.IsCurrent).Select(t => t.Id).SingleAsync());
        await SheetsAsync(app, unitOfficer, s => s.StartAsync(inspection, template));
        await SheetsAsync(app, unitOfficer, async s => await s.SaveAsync(inspection, await s.VersionNowAsync(inspection), new ScoreSheetInput()));
        var text = Encoding.UTF8.GetBytes("自查说明：各项均已落实。\n");
        var submitted = await SheetsAsync(app, unitOfficer, async s => await s.SubmitAsync(inspection, await s.VersionNowAsync(inspection), [ActivityTestData.Upload("自查说明.txt", text)]));
        Assert.True(submitted!.Succeeded, InspectionTestData.Describe(submitted));
        var fileId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EvidenceFiles.Where(f => f.ScoreSheetId != null).Select(f => f.Id).SingleAsync());
        var url = $"/Inspections/Scores/Sheet/{inspection}?handler=Evidence&fileId={fileId}";

        var response = await (await app.SignedInAsync("officer")).GetAsync(url);

        // Text goes out as text/plain with its charset, as an attachment: never rendered as a page of the app.
        AssertSafeDownload(response, "text/plain", "自查说明.txt");
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        Assert.Equal(text, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("health-officer")).GetAsync(url)).StatusCode);
    }

    public static TheoryData<string, string, byte[]> Refused => new()
    {
        { "an HTML page named .txt", "通知.txt", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray() },
        { "an SVG with a script named .txt", "图.txt", """<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""u8.ToArray() },
        { "text with a script URL", "链接.txt", "点此：javascript:alert(1)"u8.ToArray() },
        { "a Windows program named .txt", "说明.txt", TestFiles.Exe() },
        { "text that is not UTF-8 (GB 18030)", "纪要.txt", [0xBB, 0xE1, 0xD2, 0xE9, 0xBC, 0xCD, 0xD2, 0xAA, 0xFF] },
        { "a macro-enabled workbook named .xlsx", "台账.xlsx", TestFiles.Zip(("[Content_Types].xml", "<x/>"), ("xl/workbook.xml", "<x/>"), ("xl/vbaProject.bin", "VBA")) },
        { "a workbook named .docx", "台账.docx", TestFiles.Zip(("[Content_Types].xml", "<x/>"), ("xl/workbook.xml", "<x/>")) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task What_a_browser_would_run_or_that_is_not_what_its_name_says_is_refused_beside_the_field_and_nothing_is_kept(string what, string name, byte[] content)
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var id = await app.RecordAsync(p.Officer, p.Briefing());

        var result = await app.EvidenceAsync(p.Officer, s => s.AddAsync(id, [ActivityTestData.Upload(name, content)]));

        var error = Assert.Single(result!.Errors);
        Assert.Equal(ActivityEvidenceService.Field, error.Field);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.EvidenceCountAsync());
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public async Task A_workbook_and_a_plain_text_note_are_kept_with_their_types()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app);
        var id = await app.RecordAsync(p.Officer, p.Briefing());
        var workbook = TestFiles.Zip(("[Content_Types].xml", "<x/>"), ("xl/workbook.xml", "<x/>"), ("xl/worksheets/sheet1.xml", "<x/>"));

        var result = await app.EvidenceAsync(p.Officer, s => s.AddAsync(id, [
            ActivityTestData.Upload("签到表.xlsx", workbook),
            ActivityTestData.Upload("纪要.txt", "\uFEFF会议纪要：听取了保密工作情况汇报。\r\n"u8.ToArray())]));

        Assert.True(result!.Succeeded);
        var types = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EvidenceFiles.OrderBy(f => f.Id).Select(f => f.ContentType).ToListAsync());
        Assert.Equal([EvidenceFileTypes.Xlsx.ContentType, "text/plain; charset=utf-8"], types);
    }

    [Theory]
    [InlineData("invoice" + Bidi + "fdp.exe", "invoicefdp.exe")]
    [InlineData("C:\\Users\\张三\\纪要.pdf", "纪要.pdf")]
    [InlineData("a\r\nContent-Type: text/html\r\n.pdf", "html.pdf")]
    [InlineData("\u0000", "evidence")]
    public void A_stored_name_goes_out_without_control_or_bidirectional_characters_nor_folders(string stored, string served) =>
        Assert.Equal(served, EvidenceDownloads.SafeName(stored));

    [Theory]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("text/plain; charset=utf-8", "text/plain; charset=utf-8")]
    [InlineData("text/html", "application/octet-stream")]
    [InlineData("image/svg+xml", "application/octet-stream")]
    [InlineData(null, "application/octet-stream")]
    public void A_stored_type_outside_the_accepted_ones_goes_out_as_an_opaque_one(string? stored, string served) =>
        Assert.Equal(served, EvidenceFileTypes.ServedContentType(stored));

    [Fact]
    public async Task A_template_files_name_and_texts_lose_their_control_and_bidirectional_characters()
    {
        using var app = TestApp.Rent();
        var bureau = (await app.Province().WithUnit("QS", "青山市保密局").BuildAsync()).Unit("QS");
        var officer = new FixedCurrentUser("officer", bureau, Roles.SecrecyOfficer);
        var document = ScoreTemplateTestData.Shipped(code: "qs-bureau-inspection", version: "1.0");
        document["title"] = "青山市" + Bidi + "检查评分表\u0000";
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));

        var result = await app.AsAsync(officer, s => s.LoadAsync(content, "C:\\检查\\qs" + Bidi + "nosj.exe"));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ScoreTemplates.AsNoTracking().SingleAsync(t => t.Code == "qs-bureau-inspection"));
        Assert.Equal(("qsnosj.exe", "青山市检查评分表"), (stored.SourceFile, stored.Title));
    }

    private static void AssertSafeDownload(HttpResponseMessage response, string mediaType, string fileName)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl!.NoStore, response.Headers.CacheControl.ToString());
    }

    private static Task<T> SheetsAsync<T>(TestApp app, ICurrentUser actor, Func<ScoreSheetService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<ScoreSheetService>(sp, actor)));
}
