using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Activities;

/// <summary>
/// 示范省 (P) with its education department (P-JYT) and health commission (P-WST); 外省 (Q) lies outside.
/// The department's team in 2026: 张教 principal all year, 王书记 principal until June 30, 李保 in charge of
/// secrecy work, 赵委 another member. Accounts: officer, supervisor and discipline at the province, leader
/// (张教's account) at the department.
/// </summary>
internal sealed record Province(
    int Root,
    int Department,
    int Health,
    int Outside,
    int Zhang,
    int Wang,
    int Li,
    int Zhao,
    int HealthPrincipal,
    int OutsidePrincipal)
{
    public static readonly DateOnly Jan1 = new(2026, 1, 1);
    public static readonly DateOnly June30 = new(2026, 6, 30);

    /// <summary>A day in the second half of 2026, before the test clock's today (2026-11-27).</summary>
    public static readonly DateOnly Nov20 = new(2026, 11, 20);

    public FixedCurrentUser Officer => new("officer", Root, Roles.SecrecyOfficer);

    public FixedCurrentUser Leader => new("leader", Department, Roles.UnitLeader);

    public FixedCurrentUser Supervisor => new("supervisor", Root, Roles.Supervisor);

    public FixedCurrentUser HealthOfficer => new("health-officer", Health, Roles.SecrecyOfficer);

    public static async Task<Province> CreateAsync(TestApp app, bool withAccounts = false)
    {
        var builder = app.Province()
            .WithUnit("P", "示范省", kind: UnitKind.PartyOrgan)
            .WithUnit("P-JYT", "示范省教育厅", parent: "P", kind: UnitKind.StateOrgan)
            .WithUnit("P-WST", "示范省卫生健康委", parent: "P", kind: UnitKind.StateOrgan)
            .WithUnit("Q", "外省", kind: UnitKind.StateOrgan)
            .WithLeader("张教", "P-JYT", "JY-1")
            .WithLeader("王书记", "P-JYT", "JY-2")
            .WithLeader("李保", "P-JYT", "JY-3")
            .WithLeader("赵委", "P-JYT", "JY-4")
            .WithLeader("钱卫", "P-WST", "WS-1")
            .WithLeader("孙外", "Q", "Q-1")
            .WithPosting("张教", PostingRole.PrincipalLeader, Jan1, title: "厅长")
            .WithPosting("王书记", PostingRole.PrincipalLeader, Jan1, June30, title: "党组书记")
            .WithPosting("李保", PostingRole.SecrecyLeader, Jan1, title: "副厅长")
            .WithPosting("赵委", PostingRole.OtherMember, Jan1, title: "副厅长", portfolio: "基础教育")
            .WithPosting("钱卫", PostingRole.PrincipalLeader, Jan1, title: "主任")
            .WithPosting("孙外", PostingRole.PrincipalLeader, Jan1, title: "厅长");
        if (withAccounts)
        {
            builder
                .WithAccount("officer", Roles.SecrecyOfficer, "P")
                .WithAccount("supervisor", Roles.Supervisor, "P")
                .WithAccount("discipline", Roles.DisciplineOfficial, "P")
                .WithAccount("health-officer", Roles.SecrecyOfficer, "P-WST")
                .WithAccount("leader", Roles.UnitLeader, "P-JYT", leader: "张教");
        }

        var p = await builder.BuildAsync();
        return new Province(
            p.Unit("P"),
            p.Unit("P-JYT"),
            p.Unit("P-WST"),
            p.Unit("Q"),
            p.Posting("张教"),
            p.Posting("王书记"),
            p.Posting("李保"),
            p.Posting("赵委"),
            p.Posting("钱卫"),
            p.Posting("孙外"));
    }

    public ActivityInput Briefing(DateOnly? date = null, params int[] present) => new()
    {
        Kind = ActivityKind.Briefing,
        UnitId = Department,
        Date = date ?? Nov20,
        Title = "2026年下半年保密工作情况汇报",
        Presenters = "保密办主任 刘芳",
        Topics = "下半年保密检查情况；定密工作",
        Decisions = "年底前完成涉密人员复审",
        PostingIds = present.Length > 0 ? [.. present] : [Zhang, Li],
    };

    public ActivityInput Of(ActivityKind kind, DateOnly? date = null, params int[] present)
    {
        var input = Briefing(date, present.Length > 0 ? present : [Li]);
        input.Kind = kind;
        input.Title = "活动 " + kind;
        input.Audience = kind == ActivityKind.Training ? "全体工作人员" : null;
        input.HeadCount = kind == ActivityKind.Training ? 85 : null;
        input.ReviewedItem = kind == ActivityKind.PublicationReview ? "门户网站年度工作总结" : null;
        input.Reviewer = kind == ActivityKind.PublicationReview ? "周敏" : null;
        input.ReviewOutcome = kind == ActivityKind.PublicationReview ? PublicationReviewOutcome.ApprovedWithChanges : null;
        return input;
    }
}

internal static class ActivityTestData
{
    public static Task<T> ActivitiesAsync<T>(this TestApp app, ICurrentUser actor, Func<ActivityService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<ActivityService>(sp, actor)));

    public static Task<T> EvidenceAsync<T>(this TestApp app, ICurrentUser actor, Func<ActivityEvidenceService, Task<T>> work) =>
        app.InScopeAsync(sp => work(TestApp.ServiceFor<ActivityEvidenceService>(sp, actor)));

    /// <summary>Records an activity through the service and returns its id; fails the test when refused.</summary>
    public static async Task<int> RecordAsync(this TestApp app, ICurrentUser actor, ActivityInput input, params EvidenceUpload[] files)
    {
        var result = await app.ActivitiesAsync(actor, s => s.CreateAsync(input, files));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Value;
    }

    public static Task<int> ActivityCountAsync(this TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Activities.CountAsync());

    public static Task<int> EvidenceCountAsync(this TestApp app) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return await db.EvidenceFiles.CountAsync() + await db.EvidenceContents.CountAsync();
        });

    public static EvidenceUpload Upload(string fileName, byte[] content) => new(fileName, content.Length, new MemoryStream(content));

    /// <summary>
    /// The form's fields and the files as a browser posts a multipart form. Non-file fields come from
    /// <paramref name="form"/>, antiforgery token included.
    /// </summary>
    public static async Task<MultipartFormDataContent> MultipartAsync(FormFields form, params (string Field, string FileName, byte[] Content)[] files)
    {
        var encoded = await form.ToContent().ReadAsStringAsync();
        var content = new MultipartFormDataContent();
        foreach (var pair in encoded.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            content.Add(new StringContent(Decode(parts[1])), Decode(parts[0]));
        }

        foreach (var (field, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, field, fileName);
        }

        return content;

        static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
    }

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Small but genuine files of each accepted type, and some that must be refused.</summary>
internal static class TestFiles
{
    /// <summary>A one-page PDF with a correct cross-reference table.</summary>
    public static byte[] Pdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var text = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        text.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The least WordprocessingML package: content types, the package relationship, the document.</summary>
    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"""),
        ("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""),
        ("word/document.xml", """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>会议纪要</w:t></w:r></w:p></w:body></w:document>"""));

    /// <summary>The least OFD package (GB/T 33190): the entry file and one document.</summary>
    public static byte[] Ofd() => Zip(
        ("OFD.xml", """<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"""),
        ("Doc_0/Document.xml", """<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID></ofd:CommonData><ofd:Pages/></ofd:Document>"""));

    /// <summary>The start of a Windows program (the MZ header and the DOS stub's message).</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, .. "This program cannot be run in DOS mode."u8.ToArray()];

    public static byte[] Text() => Encoding.UTF8.GetBytes("会议纪要：听取了保密工作情况汇报。");

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }
}
