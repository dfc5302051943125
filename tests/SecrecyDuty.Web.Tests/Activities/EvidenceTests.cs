using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Activities;

/// <summary>Evidence files: PDF, PNG/JPEG, DOCX and OFD, recognized by content, at most 10 MB, kept in the database.</summary>
public sealed class EvidenceTests
{
    private static Task<Result?> AddAsync(TestApp app, Province p, int activityId, params EvidenceUpload[] files) =>
        app.EvidenceAsync(p.Officer, s => s.AddAsync(activityId, files));

    private static async Task<(TestApp App, Province Province, int ActivityId)> ActivityAsync(bool withAccounts = false)
    {
        var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts);
        var id = await app.RecordAsync(p.Officer, p.Briefing());
        return (app, p, id);
    }

    [Fact]
    public async Task A_real_PDF_is_kept_in_the_database_with_its_hash_size_and_uploader()
    {
        var (app, p, id) = await ActivityAsync();
        using var _ = app;
        var pdf = TestFiles.Pdf();

        var result = await AddAsync(app, p, id, ActivityTestData.Upload("会议纪要.pdf", pdf));

        Assert.True(result!.Succeeded);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EvidenceFiles.AsNoTracking().Include(f => f.Content).SingleAsync());
        Assert.Equal(("会议纪要.pdf", "application/pdf", (long)pdf.Length, "officer"), (stored.FileName, stored.ContentType, stored.Size, stored.UploadedBy));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), stored.Sha256);
        Assert.Equal(pdf, stored.Content!.Bytes);
        Assert.Equal(id, stored.ActivityId);
    }

    [Fact]
    public async Task DOCX_OFD_PNG_and_JPEG_are_accepted_together()
    {
        var (app, p, id) = await ActivityAsync();
        using var _ = app;

        var result = await AddAsync(
            app,
            p,
            id,
            ActivityTestData.Upload("方案.docx", TestFiles.Docx()),
            ActivityTestData.Upload("通知.ofd", TestFiles.Ofd()),
            ActivityTestData.Upload("现场.png", TestFiles.Png()),
            ActivityTestData.Upload("签到表.JPG", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00]));

        Assert.True(result!.Succeeded, string.Join("; ", result.Errors));
        var types = (await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id)))!.Evidence.Select(e => e.ContentType);
        Assert.Equal(
            ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/ofd", "image/png", "image/jpeg"],
            types);
    }

    [Theory]
    [InlineData("PDF renamed .docx", "纪要.docx", "pdf", "PDF")]
    [InlineData("EXE renamed .pdf", "纪要.pdf", "exe", "纪要.pdf")]
    [InlineData("text file named .docx", "纪要.docx", "text", "纪要.docx")]
    [InlineData("text file named .pdf", "纪要.pdf", "text", "纪要.pdf")]
    public async Task A_file_whose_content_is_not_what_it_may_be_is_refused_and_nothing_is_written(string what, string name, string content, string messageMentions)
    {
        var (app, p, id) = await ActivityAsync();
        using var _ = app;
        var bytes = content switch
        {
            "pdf" => TestFiles.Pdf(),
            "exe" => TestFiles.Exe(),
            _ => TestFiles.Text(),
        };

        var result = await AddAsync(app, p, id, ActivityTestData.Upload("好的.pdf", TestFiles.Pdf()), ActivityTestData.Upload(name, bytes));

        var error = Assert.Single(result!.Errors);
        Assert.Equal(ActivityEvidenceService.Field, error.Field);
        Assert.Contains(messageMentions, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.EvidenceCountAsync());
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_and_one_of_exactly_10_MB_is_accepted()
    {
        var (app, p, id) = await ActivityAsync();
        using var _ = app;
        byte[] PdfOfSize(long size)
        {
            var bytes = new byte[size];
            TestFiles.Pdf().CopyTo(bytes, 0);
            return bytes;
        }

        var over = await AddAsync(app, p, id, ActivityTestData.Upload("大.pdf", PdfOfSize(EvidenceFileTypes.MaxSize + 1)));
        var exact = await AddAsync(app, p, id, ActivityTestData.Upload("正好.pdf", PdfOfSize(EvidenceFileTypes.MaxSize)));

        Assert.Contains("10 MB", Assert.Single(over!.Errors).Message, StringComparison.Ordinal);
        Assert.True(exact!.Succeeded);
        Assert.Equal(["正好.pdf"], (await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id)))!.Evidence.Select(e => e.FileName));
    }

    [Fact]
    public async Task A_size_announced_smaller_than_the_content_does_not_get_past_the_limit()
    {
        var (app, p, id) = await ActivityAsync();
        using var _ = app;
        var bytes = new byte[EvidenceFileTypes.MaxSize + 1];
        TestFiles.Pdf().CopyTo(bytes, 0);

        var result = await AddAsync(app, p, id, new EvidenceUpload("大.pdf", 1000, new MemoryStream(bytes)));

        Assert.False(result!.Succeeded);
        Assert.Equal(0, await app.EvidenceCountAsync());
    }

    [Fact]
    public async Task More_than_five_files_at_a_time_are_refused()
    {
        var (app, p, id) = await ActivityAsync();
        using var _ = app;

        var result = await AddAsync(app, p, id, [.. Enumerable.Range(1, EvidenceFileTypes.MaxFilesPerUpload + 1).Select(i => ActivityTestData.Upload($"{i}.pdf", TestFiles.Pdf()))]);

        Assert.Single(result!.Errors);
        Assert.Equal(0, await app.EvidenceCountAsync());
    }

    [Fact]
    public async Task A_bad_file_with_the_create_form_is_reported_beside_the_upload_and_nothing_is_written()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "leader");
        var form = await TestApp.GetFormAsync(client, "/Activities/Create?kind=Briefing", "#activity-form");
        form.With(("Input.Title", "下半年保密工作汇报"), ("Input.Presenters", "刘芳"), ("Input.Topics", "保密检查"));

        var response = await client.PostAsync("/Activities/Create", await ActivityTestData.MultipartAsync(form, ("Input.Evidence", "纪要.docx", TestFiles.Pdf())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Contains("纪要.docx", page.QuerySelector("[data-valmsg-for='Input.Evidence']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("PDF", page.QuerySelector("[data-valmsg-for='Input.Evidence']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("下半年保密工作汇报", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal(0, await app.ActivityCountAsync());
        Assert.Equal(0, await app.EvidenceCountAsync());
    }

    [Fact]
    public async Task Evidence_chosen_with_the_create_form_is_kept_with_the_activity()
    {
        using var app = TestApp.Rent();
        var p = await Province.CreateAsync(app, withAccounts: true);
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "leader");
        var form = await TestApp.GetFormAsync(client, "/Activities/Create?kind=Briefing", "#activity-form");
        form.With(("Input.Title", "下半年保密工作汇报"), ("Input.Presenters", "刘芳"), ("Input.Topics", "保密检查"));

        var response = await client.PostAsync(
            "/Activities/Create",
            await ActivityTestData.MultipartAsync(form, ("Input.Evidence", "纪要.pdf", TestFiles.Pdf()), ("Input.Evidence", "签到.ofd", TestFiles.Ofd())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await TestApp.GetDocumentAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal(["纪要.pdf", "签到.ofd"], details.QuerySelectorAll("#evidence-table .evidence-download").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Uploading_on_the_activity_page_adds_the_files()
    {
        var (app, p, id) = await ActivityAsync(withAccounts: true);
        using var _ = app;
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");
        var url = $"/Activities/Details/{id}";
        var form = await TestApp.GetFormAsync(client, url, "#upload-form");

        var response = await client.PostAsync($"{url}?handler=Upload", await ActivityTestData.MultipartAsync(form, ("Upload.Evidence", "现场照片.png", TestFiles.Png())));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await TestApp.GetDocumentAsync(client, url);
        Assert.Equal("现场照片.png", page.QuerySelector("#evidence-table .evidence-download")!.TextContent);
        Assert.Equal("image/png", page.QuerySelector("#evidence-table .evidence-type")!.TextContent);
    }

    [Fact]
    public async Task A_bad_upload_on_the_activity_page_shows_the_message_beside_the_field()
    {
        var (app, p, id) = await ActivityAsync(withAccounts: true);
        using var _ = app;
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");
        var url = $"/Activities/Details/{id}";
        var form = await TestApp.GetFormAsync(client, url, "#upload-form");

        var response = await client.PostAsync($"{url}?handler=Upload", await ActivityTestData.MultipartAsync(form, ("Upload.Evidence", "setup.pdf", TestFiles.Exe())));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.ParseAsync(response);
        Assert.Contains("setup.pdf", page.QuerySelector("#upload-errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#no-evidence"));
    }

    [Fact]
    public async Task A_download_returns_the_same_bytes_with_the_stored_type_and_the_original_name()
    {
        var (app, p, id) = await ActivityAsync(withAccounts: true);
        using var _ = app;
        var docx = TestFiles.Docx();
        await AddAsync(app, p, id, ActivityTestData.Upload("保密工作方案.docx", docx));
        var fileId = (await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id)))!.Evidence.Single().Id;
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "leader");
        var link = (await TestApp.GetDocumentAsync(client, $"/Activities/Details/{id}")).QuerySelector("#evidence-table .evidence-download")!.GetAttribute("href")!;

        var response = await client.GetAsync(link);

        Assert.Equal($"/Activities/Details/{id}", link.Split('?')[0]);
        Assert.Equal(["fileId=" + ActivityTestData.Id(fileId), "handler=Evidence"], link.Split('?')[1].Split('&').Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(docx, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("保密工作方案.docx", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        // Issue 14, security headers: a download is not kept by the browser or a proxy, and carries the policy.
        SecrecyDuty.Web.Tests.Security.SecurityHeaderTests.AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Evidence_of_another_jurisdiction_is_not_found_like_a_missing_file()
    {
        var (app, p, id) = await ActivityAsync(withAccounts: true);
        using var _ = app;
        await AddAsync(app, p, id, ActivityTestData.Upload("纪要.pdf", TestFiles.Pdf()));
        var fileId = (await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id)))!.Evidence.Single().Id;
        var otherActivity = await app.RecordAsync(p.HealthOfficer, new ActivityInput
        {
            Kind = ActivityKind.Training,
            UnitId = p.Health,
            Date = Province.Nov20,
            Title = "培训",
            Presenters = "讲师",
            Topics = "保密法",
            Audience = "全体",
            HeadCount = 10,
        });
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "health-officer");

        var outside = await client.GetAsync($"/Activities/Details/{id}?handler=Evidence&fileId={fileId}");
        var viaOwnActivity = await client.GetAsync($"/Activities/Details/{otherActivity}?handler=Evidence&fileId={fileId}");
        var missing = await client.GetAsync($"/Activities/Details/{id}?handler=Evidence&fileId=99999");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, viaOwnActivity.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var body = await outside.Content.ReadAsStringAsync();
        Assert.DoesNotContain("纪要", body, StringComparison.Ordinal);
        Assert.DoesNotContain("%PDF", body, StringComparison.Ordinal);
        Assert.Equal((await TestApp.ParseAsync(missing)).QuerySelector("main")!.TextContent, (await TestApp.ParseAsync(outside)).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Removing_evidence_after_confirmation_deletes_the_file_and_its_content()
    {
        var (app, p, id) = await ActivityAsync(withAccounts: true);
        using var _ = app;
        await AddAsync(app, p, id, ActivityTestData.Upload("纪要.pdf", TestFiles.Pdf()), ActivityTestData.Upload("照片.png", TestFiles.Png()));
        var fileId = (await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id)))!.Evidence[0].Id;
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "officer");
        var url = $"/Activities/Details/{id}";
        var page = await TestApp.GetDocumentAsync(client, url);
        var confirm = page.QuerySelector($"#remove-evidence-{fileId} form") as AngleSharp.Html.Dom.IHtmlFormElement;
        Assert.Contains("纪要.pdf", confirm!.TextContent, StringComparison.Ordinal);

        var response = await client.PostAsync(confirm.Action, FormFields.From(confirm).ToContent());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["照片.png"], (await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id)))!.Evidence.Select(e => e.FileName));
        Assert.Equal(2, await app.EvidenceCountAsync());
        var after = await TestApp.GetDocumentAsync(client, url);
        Assert.Contains("纪要.pdf", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_can_download_but_not_upload_or_remove()
    {
        var (app, p, id) = await ActivityAsync(withAccounts: true);
        using var _ = app;
        await AddAsync(app, p, id, ActivityTestData.Upload("纪要.pdf", TestFiles.Pdf()));
        var fileId = (await app.ActivitiesAsync(p.Officer, s => s.GetAsync(id)))!.Evidence.Single().Id;
        var client = app.CreateBrowserClient();
        await TestApp.SignInAsync(client, "supervisor");
        var url = $"/Activities/Details/{id}";
        var page = await TestApp.GetDocumentAsync(client, url);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await TestApp.GetFormAsync(client, "/Activities", "#culture-form"))["__RequestVerificationToken"];

        var download = await client.GetAsync($"{url}?handler=Evidence&fileId={fileId}");
        var upload = await client.PostAsync($"{url}?handler=Upload", new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(TestFiles.Pdf()), "Upload.Evidence", "x.pdf" } });
        var remove = await client.PostAsync($"{url}?handler=RemoveEvidence&fileId={fileId}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Null(page.QuerySelector("#upload-form"));
        Assert.Empty(page.QuerySelectorAll("[id^=remove-evidence-]"));
        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(2, await app.EvidenceCountAsync());
    }
}
