using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Import;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Tests.Shared;
using SecrecyDuty.Web.Background;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Import;

/// <summary>Issue 3, "Master data", Import: templates, dry run, all-or-nothing import, progress, access.</summary>
public sealed class ImportTests
{
    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    private sealed record Province(int Root, int City, int OtherCity);

    private sealed record Counts(int Units, int Ancestries, int Leaders, int Postings, int AuditEntries);

    /// <summary>示范省 (P) with two cities; the tests import as a secrecy officer of 青山市 (P-QS).</summary>
    private static async Task<Province> ProvinceAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-QS", "青山市", parent: "P")
            .WithUnit("P-BH", "碧海市", parent: "P")
            .BuildAsync();
        var root = built.Unit("P");
        var city = built.Unit("P-QS");
        var other = built.Unit("P-BH");
        return new Province(root, city, other);
    }

    private static FixedCurrentUser OfficerOf(int unitId) => new FixedCurrentUser("officer", unitId, Roles.SecrecyOfficer);

    private static Task<ImportReport> ImportAsync(TestApp app, ICurrentUser actor, byte[] content, bool dryRun, string fileName = "导入.xlsx", ImportSheet? csvSheet = null) =>
        app.InScopeAsync(async sp =>
        {
            // English reasons (the keys), whatever the machine's culture: the page tests check the Chinese.
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            var result = await TestApp.ServiceFor<ImportService>(sp, actor).ImportAsync(new ImportRequest
            {
                FileName = fileName,
                Content = content,
                DryRun = dryRun,
                CsvSheet = csvSheet,
            });
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            return result.Value!;
        });

    private static Task<Counts> CountAsync(TestApp app) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return new Counts(
                await db.Units.CountAsync(),
                await db.UnitAncestries.CountAsync(),
                await db.Leaders.CountAsync(),
                await db.Postings.CountAsync(),
                await db.AuditEntries.CountAsync());
        });

    private static List<(ImportSheet? Sheet, int? Row, string Column)> Problems(ImportReport report) =>
        [.. report.Errors.Select(e => (e.Sheet, e.Row, e.Column))];

    private static async Task<HttpClient> SignedInAsync(TestApp app, string userName, string role, int unitId)
    {
        await app.Province().WithAccount(userName, role, unitId).BuildAsync();
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.SignInAsync(client, userName)).StatusCode);
        return client;
    }

    /// <summary>Posts the upload form as a browser would (multipart, with its antiforgery token).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, bool dryRun, string csvSheet = "")
    {
        var form = await TestApp.GetFormAsync(client, "/Import", "#import-form");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(form["__RequestVerificationToken"]), "__RequestVerificationToken" },
            { new StringContent(dryRun ? "true" : "false"), "Input.DryRun" },
            { new StringContent(csvSheet), "Input.CsvSheet" },
        };
        if (content.Length > 0 || fileName.Length > 0)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            body.Add(file, "Input.File", fileName);
        }

        return await client.PostAsync("/Import", body);
    }

    /// <summary>Polls the status handler as the page's script does, until the job is done; returns the job's page.</summary>
    private static async Task<string> FollowJobAsync(HttpClient client, HttpResponseMessage upload)
    {
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var page = upload.Headers.Location!.OriginalString;
        var id = page[(page.IndexOf("id=", StringComparison.Ordinal) + 3)..];
        var seenProgress = new List<string>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync($"/Import?handler=Status&id={id}"));
            seenProgress.Add(status.RootElement.GetProperty("phase").GetString()!);
            if (status.RootElement.GetProperty("done").GetBoolean())
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "The import did not finish: " + string.Join(", ", seenProgress));
            await Task.Delay(100);
        }

        return page;
    }

    [Fact]
    public async Task The_workbook_template_has_the_three_sheets_with_their_headers()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, "officer", Roles.SecrecyOfficer, p.City);

        var response = await client.GetAsync("/Import?handler=Template&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ImportTemplates.XlsxContentType, response.Content.Headers.ContentType!.MediaType);
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["单位", "领导干部", "任职"], MiniExcel.GetSheetNames(workbook));
        foreach (var (sheet, headers) in new[]
        {
            ("单位", "单位代码,单位名称,单位类别,行政级别,上级单位代码,是否国有大中型企业,成立日期"),
            ("领导干部", "人员编号,姓名,职级,是否中共党员,联系电话,电子邮箱,所在单位代码"),
            ("任职", "人员编号,任职单位代码,职务角色,职务名称,分管业务,任职起始日期,任职终止日期,是否兼分管保密工作"),
        })
        {
            workbook.Position = 0;
            var first = (IDictionary<string, object?>)workbook.Query(useHeaderRow: false, sheetName: sheet).First();
            Assert.Equal(headers, string.Join(",", first.Values));
        }
    }

    [Theory]
    [InlineData("Units", "单位代码,单位名称,单位类别,行政级别,上级单位代码,是否国有大中型企业,成立日期")]
    [InlineData("Leaders", "人员编号,姓名,职级,是否中共党员,联系电话,电子邮箱,所在单位代码")]
    [InlineData("Postings", "人员编号,任职单位代码,职务角色,职务名称,分管业务,任职起始日期,任职终止日期,是否兼分管保密工作")]
    public async Task Each_CSV_template_starts_with_a_byte_order_mark_and_the_headers(string sheet, string headers)
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, "officer", Roles.SecrecyOfficer, p.City);

        var bytes = await client.GetByteArrayAsync($"/Import?handler=Template&format=csv&sheet={sheet}");

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.StartsWith(headers + "\r\n示例：", Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_file_in_a_dry_run_reports_no_problem_and_writes_nothing()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var before = await CountAsync(app);
        var file = new ImportFileBuilder()
            .Unit("QS-A", parent: "P-QS")
            .Leader("L1", "QS-A")
            .Posting("L1", "QS-A", role: "主要领导");

        var report = await ImportAsync(app, OfficerOf(p.City), file.ToXlsx(), dryRun: true);

        Assert.Empty(report.Errors);
        Assert.False(report.Written);
        Assert.Equal(new ImportCounts(1, 1, 1), report.Counts);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task A_good_file_imports_units_with_their_closure_rows_leaders_postings_and_one_audit_entry()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var before = await CountAsync(app);
        var file = new ImportFileBuilder()
            .Unit("QS-A", parent: "P-QS", name: "青山市委办公室", kind: "党的机关", level: "县处级")
            .Unit("QS-A-1", parent: "QS-A", name: "青山市委机要局", kind: "PartyOrgan", level: "乡科级")
            .Leader("L1", "QS-A", name: "王明", rank: "县处级", partyMember: "是", phone: "0571-1234567", email: "wm@example.org")
            .Posting("L1", "QS-A-1", role: "主要领导", title: "局长", portfolio: "全面工作", from: "2024-03-01", to: "2026-02-28");

        var report = await ImportAsync(app, new FixedCurrentUser("officer-id", p.City, Roles.SecrecyOfficer), file.ToXlsx(), dryRun: false, fileName: "青山.xlsx");

        Assert.Empty(report.Errors);
        Assert.True(report.Written);
        var after = await CountAsync(app);
        Assert.Equal(before with { Units = before.Units + 2, Ancestries = before.Ancestries + 3 + 4, Leaders = before.Leaders + 1, Postings = before.Postings + 1, AuditEntries = before.AuditEntries + 1 }, after);

        // The closure rows put the new units in the jurisdiction of the officers above them.
        var cityCodes = await app.InScopeAsync(async sp => (await TestApp.ServiceFor<UnitService>(sp, OfficerOf(p.City)).ListAsync(null, 1, 100)).Items.Select(u => u.Code).ToList());
        Assert.Equal(["P-QS", "QS-A", "QS-A-1"], cityCodes);
        var newUnit = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == "QS-A").Select(u => u.Id).SingleAsync());
        var unitCodes = await app.InScopeAsync(async sp => (await TestApp.ServiceFor<UnitService>(sp, OfficerOf(newUnit)).ListAsync(null, 1, 100)).Items.Select(u => u.Code).ToList());
        Assert.Equal(["QS-A", "QS-A-1"], unitCodes);
        var otherCodes = await app.InScopeAsync(async sp => (await TestApp.ServiceFor<UnitService>(sp, OfficerOf(p.OtherCity)).ListAsync(null, 1, 100)).Items.Select(u => u.Code).ToList());
        Assert.Equal(["P-BH"], otherCodes);

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var child = await db.Units.AsNoTracking().SingleAsync(u => u.Code == "QS-A-1");
            Assert.Equal((newUnit, UnitKind.PartyOrgan, AdministrativeLevel.Township, "青山市委机要局"), (child.ParentId!.Value, child.Kind, child.Level, child.Name));
            var depths = await db.UnitAncestries.Where(a => a.DescendantId == child.Id).OrderBy(a => a.Depth).Select(a => new { a.AncestorId, a.Depth }).ToListAsync();
            Assert.Equal([(child.Id, 0), (newUnit, 1), (p.City, 2), (p.Root, 3)], depths.Select(d => (d.AncestorId, d.Depth)));

            var leader = await db.Leaders.AsNoTracking().SingleAsync(l => l.StaffNumber == "L1");
            Assert.Equal(("王明", LeaderRank.CountyDivision, true, "0571-1234567", "wm@example.org", newUnit), (leader.Name, leader.Rank, leader.IsPartyMember, leader.Phone, leader.Email, leader.UnitId));
            var posting = await db.Postings.AsNoTracking().SingleAsync(x => x.LeaderId == leader.Id);
            Assert.Equal((child.Id, PostingRole.PrincipalLeader, "局长", "全面工作", new DateOnly(2024, 3, 1), (DateOnly?)new DateOnly(2026, 2, 28)), (posting.UnitId, posting.Role, posting.Title, posting.Portfolio, posting.From, posting.To));

            var audit = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).FirstAsync();
            Assert.Equal((AuditAction.Import, "Import", "officer-id", (int?)p.City), (audit.Action, audit.EntityType, audit.UserId, audit.UnitId));
            var changes = JsonSerializer.Deserialize<List<AuditChange>>(audit.Changes, CaseInsensitive)!;
            Assert.Equal(["File=青山.xlsx", "Units=2", "Leaders=1", "Postings=1"], changes.Select(c => $"{c.Field}={c.New}"));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Create && (a.EntityType == "Leader" || a.EntityType == "Posting")));
        });
    }

    [Fact]
    public async Task Art2_and_art6_an_import_writes_the_enterprise_size_the_set_up_date_and_the_secrecy_work_charge()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var file = new ImportFileBuilder()
            .Unit("QS-NY", parent: "P-QS", name: "青山能源集团", kind: "国有企业", level: "县处级", largeOrMedium: "是", establishedOn: "2011-03-28")
            .Unit("QS-SJ", parent: "P-QS", name: "青山市数据局", kind: "国家机关", level: "县处级")
            .Leader("L1", "QS-SJ")
            .Posting("L1", "QS-SJ", role: "主要领导", title: "局长", leadsSecrecyWork: "是");

        var report = await ImportAsync(app, OfficerOf(p.City), file.ToXlsx(), dryRun: false);

        Assert.Empty(report.Errors);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var units = await db.Units.AsNoTracking().Where(u => u.Code.StartsWith("QS-")).OrderBy(u => u.Code).Select(u => new { u.Code, u.IsLargeOrMediumEnterprise, u.EstablishedOn }).ToListAsync();
            Assert.Equal([("QS-NY", true, (DateOnly?)new DateOnly(2011, 3, 28)), ("QS-SJ", false, null)], units.Select(u => (u.Code, u.IsLargeOrMediumEnterprise, u.EstablishedOn)));
            Assert.True(await db.Postings.AnyAsync(x => x.Leader!.StaffNumber == "L1" && x.Role == PostingRole.PrincipalLeader && x.LeadsSecrecyWork));
        });
    }

    [Fact]
    public async Task A_bad_file_gets_every_bad_row_reported_with_row_column_and_reason_and_nothing_written()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var before = await CountAsync(app);
        var file = new ImportFileBuilder()
            .Unit("QS-A", parent: "P-QS")                                   // row 2: good
            .Unit("QS-B", parent: "P-QS", name: "")                         // row 3: name required
            .Unit(new string('X', 33), parent: "P-QS")                      // row 4: code too long
            .Unit("QS-C", parent: "P-QS", kind: "党委", level: "部级")       // row 5: kind and level unknown
            .Unit("QS-A", parent: "P-QS")                                   // row 6: code repeated in the file
            .Unit("P-BH", parent: "P-QS")                                   // row 7: code taken in the database
            .Unit("QS-D", parent: "NOPE")                                   // row 8: parent not found
            .Leader("L1", "QS-A")                                           // row 2: good
            .Leader("L1", "QS-A")                                           // row 3: staff number repeated
            .Leader("L2", "QS-A", rank: "处长", partyMember: "党员")          // row 4: rank, Party membership
            .Leader("L3", "QS-A", email: "not-an-address")                  // row 5: e-mail
            .Leader("L4", "P-BH")                                           // row 6: unit outside the jurisdiction
            .Posting("L1", "QS-A", role: "主要领导")                          // row 2: good
            .Posting("L9", "QS-A")                                          // row 3: leader not found
            .Posting("L1", "QS-A", from: "2024/01/01")                      // row 4: date format
            .Posting("L1", "QS-A", from: "2025-01-01", to: "2024-01-01")    // row 5: ends before it starts
            .Posting("L1", "QS-A", role: "主要领导", from: "2025-06-01")      // row 6: overlaps row 2 (same leader, unit and role)
            .Posting("L1", "QS-A", role: "", title: "");                     // row 7: role and title required

        var report = await ImportAsync(app, OfficerOf(p.City), file.ToXlsx(), dryRun: false);

        Assert.False(report.Written);
        Assert.Equal(
            [
                (ImportSheet.Units, 3, "单位名称"),
                (ImportSheet.Units, 4, "单位代码"),
                (ImportSheet.Units, 5, "单位类别"),
                (ImportSheet.Units, 5, "行政级别"),
                (ImportSheet.Units, 6, "单位代码"),
                (ImportSheet.Units, 7, "单位代码"),
                (ImportSheet.Units, 8, "上级单位代码"),
                (ImportSheet.Leaders, 3, "人员编号"),
                (ImportSheet.Leaders, 4, "职级"),
                (ImportSheet.Leaders, 4, "是否中共党员"),
                (ImportSheet.Leaders, 5, "电子邮箱"),
                (ImportSheet.Leaders, 6, "所在单位代码"),
                (ImportSheet.Postings, 3, "人员编号"),
                (ImportSheet.Postings, 4, "任职起始日期"),
                (ImportSheet.Postings, 5, "任职终止日期"),
                (ImportSheet.Postings, 6, "任职起始日期"),
                (ImportSheet.Postings, 7, "职务角色"),
                (ImportSheet.Postings, 7, "职务名称"),
            ],
            Problems(report).Select(e => (e.Sheet!.Value, e.Row!.Value, e.Column)));
        Assert.All(report.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        Assert.Equal("The code P-BH cannot be given to a new unit. Give the new unit another code.", report.Errors[5].Reason);
        Assert.Equal("Unit code P-BH not found or not in your jurisdiction. Use the code of a unit in your jurisdiction or of a unit in this file.", report.Errors[11].Reason);
        Assert.Equal(15, report.BadRows);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task A_single_bad_row_among_good_ones_writes_nothing_at_all()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var before = await CountAsync(app);
        var file = new ImportFileBuilder()
            .Unit("QS-A", parent: "P-QS").Unit("QS-B", parent: "P-QS")
            .Leader("L1", "QS-A")
            .Posting("L1", "QS-A", from: "someday");

        var report = await ImportAsync(app, OfficerOf(p.City), file.ToXlsx(), dryRun: false);

        Assert.Equal([(ImportSheet.Postings, 2, "任职起始日期")], Problems(report).Select(e => (e.Sheet!.Value, e.Row!.Value, e.Column)));
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task A_parent_defined_later_in_the_same_file_is_imported_under_it()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var file = new ImportFileBuilder()
            .Unit("QS-A-1", parent: "QS-A")
            .Unit("QS-A", parent: "P-QS");

        var report = await ImportAsync(app, OfficerOf(p.City), file.ToXlsx(), dryRun: false);

        Assert.Empty(report.Errors);
        var (parentOfChild, parentId) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            return (await db.Units.Where(u => u.Code == "QS-A-1").Select(u => u.ParentId).SingleAsync(),
                await db.Units.Where(u => u.Code == "QS-A").Select(u => u.Id).SingleAsync());
        });
        Assert.Equal(parentId, parentOfChild);
    }

    [Fact]
    public async Task A_cycle_of_parents_in_the_file_is_refused()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var before = await CountAsync(app);
        var file = new ImportFileBuilder()
            .Unit("QS-A", parent: "QS-B")
            .Unit("QS-B", parent: "QS-A");

        var report = await ImportAsync(app, OfficerOf(p.City), file.ToXlsx(), dryRun: false);

        Assert.Equal([(ImportSheet.Units, 2, "上级单位代码"), (ImportSheet.Units, 3, "上级单位代码")], Problems(report).Select(e => (e.Sheet!.Value, e.Row!.Value, e.Column)));
        Assert.Contains("QS-A → QS-B → QS-A", report.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task Postings_that_break_the_rules_together_with_the_database_are_refused()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var first = new Leader { Name = "赵一", StaffNumber = "DB-1", Rank = LeaderRank.CountyDivision, UnitId = p.City };
            var second = new Leader { Name = "钱二", StaffNumber = "DB-2", Rank = LeaderRank.CountyDivision, UnitId = p.City };
            db.Leaders.AddRange(first, second);
            db.Postings.AddRange(
                new Posting { Leader = first, UnitId = p.City, Role = PostingRole.PrincipalLeader, Title = "书记", From = new DateOnly(2023, 1, 1) },
                new Posting { Leader = second, UnitId = p.City, Role = PostingRole.SecrecyLeader, Title = "副书记", From = new DateOnly(2023, 1, 1) });
            await db.SaveChangesAsync();
        });
        var before = await CountAsync(app);
        var file = new ImportFileBuilder()
            .Leader("N-1", "P-QS").Leader("N-2", "P-QS")
            .Posting("DB-1", "P-QS", role: "主要领导", from: "2024-01-01")         // row 2: DB-1 already holds this role there
            .Posting("N-1", "P-QS", role: "主要领导", from: "2024-01-01")         // row 3: the second principal leader: allowed
            .Posting("N-2", "P-QS", role: "主要领导", from: "2024-06-01")         // row 4: a third principal leader
            .Posting("N-2", "P-QS", role: "分管保密工作的领导", from: "2025-01-01"); // row 5: a second leader in charge of secrecy

        var report = await ImportAsync(app, OfficerOf(p.City), file.ToXlsx(), dryRun: true);

        Assert.Equal(
            [(ImportSheet.Postings, 2, "任职起始日期"), (ImportSheet.Postings, 4, "职务角色"), (ImportSheet.Postings, 5, "职务角色")],
            Problems(report).Select(e => (e.Sheet!.Value, e.Row!.Value, e.Column)));
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task A_parent_outside_the_jurisdiction_is_reported_as_not_found()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var file = new ImportFileBuilder()
            .Unit("QS-A", parent: "P-BH")
            .Unit("QS-B", parent: "P")
            .Unit("QS-C", parent: "NO-SUCH-UNIT");

        var report = await ImportAsync(app, OfficerOf(p.City), file.ToXlsx(), dryRun: true);

        Assert.Equal(
            [
                "Unit code P-BH not found or not in your jurisdiction. Use the code of a unit in your jurisdiction or of a unit in this file.",
                "Unit code P not found or not in your jurisdiction. Use the code of a unit in your jurisdiction or of a unit in this file.",
                "Unit code NO-SUCH-UNIT not found or not in your jurisdiction. Use the code of a unit in your jurisdiction or of a unit in this file.",
            ],
            report.Errors.Select(e => e.Reason));
    }

    [Fact]
    public async Task A_real_import_reports_its_progress_through_reading_checking_and_writing()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var file = new ImportFileBuilder();
        for (var i = 0; i < 300; i++)
        {
            file.Unit($"QS-{i:D3}", parent: "P-QS");
        }

        var reports = new List<ImportProgress>();
        await app.InScopeAsync(sp => TestApp.ServiceFor<ImportService>(sp, OfficerOf(p.City)).ImportAsync(
            new ImportRequest { FileName = "units.xlsx", Content = file.ToXlsx(), DryRun = false },
            new Collect(reports)));

        Assert.Equal(
            [ImportPhase.Reading, ImportPhase.Checking, ImportPhase.Writing, ImportPhase.Finished],
            reports.Select(r => r.Phase).Distinct());
        Assert.Equal(new ImportProgress(ImportPhase.Checking, 300, 300), reports.Last(r => r.Phase == ImportPhase.Checking));

        // Written in transactions (issue 14, finding 4): the 300 units, whose keys the closure rows need; their 900 closure rows
        // (each unit, the city, the province); the audit entry, last.
        Assert.Equal([0, 300, 1200, 1201], reports.Where(r => r.Phase == ImportPhase.Writing).Select(r => r.Processed));
        Assert.All(reports.Where(r => r.Phase == ImportPhase.Writing), r => Assert.Equal(1201, r.Total));
    }

    private sealed class Collect(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }

    [Fact]
    public async Task A_CSV_file_of_leaders_imports_into_an_existing_unit()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var file = new ImportFileBuilder().Leader("L1", "P-QS", name: "孙三", rank: "CountyDivision", partyMember: "否");

        var report = await ImportAsync(app, OfficerOf(p.City), file.ToCsv(ImportSheet.Leaders), dryRun: false, fileName: "leaders.csv", csvSheet: ImportSheet.Leaders);

        Assert.True(report.Written);
        var leader = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Leaders.AsNoTracking().SingleAsync(l => l.StaffNumber == "L1"));
        Assert.Equal(("孙三", LeaderRank.CountyDivision, false, p.City), (leader.Name, leader.Rank, leader.IsPartyMember, leader.UnitId));
    }

    [Fact]
    public async Task A_few_thousand_rows_import_through_the_page_with_progress()
    {
        const int Rows = 3000;
        using var app = TestApp.StartOwn(TestApp.WithScheduler());
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, "officer", Roles.SecrecyOfficer, p.City);
        var before = await CountAsync(app);
        var file = new ImportFileBuilder();
        for (var i = 1; i <= Rows; i++)
        {
            // Thirty units under the city, the others under them: parents in the database and in the file.
            var code = $"QS-{i:D4}";
            file.Unit(code, parent: i <= 30 ? "P-QS" : $"QS-{(i % 30) + 1:D4}", name: $"青山市第{i}单位");
            file.Leader($"L{i:D4}", code, name: $"干部{i}");
            file.Posting($"L{i:D4}", code, role: "主要领导", title: "主任", from: "2024-01-01");
        }

        var page = await FollowJobAsync(client, await UploadAsync(client, file.ToXlsx(), "青山全市.xlsx", dryRun: false));

        var document = await TestApp.GetDocumentAsync(client, page);
        Assert.Equal($"已导入 {Rows} 个单位、{Rows} 名领导干部、{Rows} 条任职。", document.QuerySelector("#import-result")!.TextContent.Trim());
        var after = await CountAsync(app);
        Assert.Equal((before.Units + Rows, before.Leaders + Rows, before.Postings + Rows, before.AuditEntries + 1), (after.Units, after.Leaders, after.Postings, after.AuditEntries));
        Assert.Equal(before.Ancestries + (30 * 3) + ((Rows - 30) * 4), after.Ancestries);
    }

    [Fact]
    public async Task A_waiting_import_shows_a_progress_bar_and_a_refresh_link_that_works_without_script()
    {
        // No scheduler runs on this host yet: the job waits in the database, as behind another import or on a web-only node.
        using var app = TestApp.StartOwn(_ => { });
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, "officer", Roles.SecrecyOfficer, p.City);
        var upload = await UploadAsync(client, new ImportFileBuilder().Unit("QS-A", parent: "P-QS").ToXlsx(), "one.xlsx", dryRun: true);
        var location = upload.Headers.Location!.OriginalString;
        var waiting = await TestApp.GetDocumentAsync(client, location);
        var id = location[(location.IndexOf("id=", StringComparison.Ordinal) + 3)..];
        using var status = JsonDocument.Parse(await client.GetStringAsync($"/Import?handler=Status&id={id}"));

        Assert.Equal("0%", waiting.QuerySelector("#import-progress.progress-bar")!.TextContent);
        Assert.Equal("正在等待其他导入完成…", waiting.QuerySelector("#import-phase")!.TextContent);
        Assert.Equal(location, waiting.QuerySelector("#import-refresh")!.GetAttribute("href"));
        Assert.Equal(("Queued", false, 0), (status.RootElement.GetProperty("state").GetString(), status.RootElement.GetProperty("done").GetBoolean(), status.RootElement.GetProperty("percent").GetInt32()));

        // Once a scheduler runs, the waiting job runs.
        var scheduler = await app.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        try
        {
            await FollowJobAsync(client, upload);
            var finished = await TestApp.GetDocumentAsync(client, location);
            Assert.Null(finished.QuerySelector("#import-progress"));
            Assert.Contains("试导入完成", finished.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }
    }

    [Fact]
    public async Task A_bad_file_uploaded_on_the_page_lists_its_problems_and_offers_them_as_CSV()
    {
        using var app = TestApp.StartOwn(TestApp.WithScheduler());
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, "officer", Roles.SecrecyOfficer, p.City);
        var file = new ImportFileBuilder().Unit("QS-A", parent: "P-BH").Unit("QS-B", parent: "P-QS", kind: "党委");

        var page = await FollowJobAsync(client, await UploadAsync(client, file.ToXlsx(), "bad.xlsx", dryRun: true));

        var document = await TestApp.GetDocumentAsync(client, page);
        var rows = document.QuerySelectorAll("#import-errors tbody tr")
            .Select(tr => string.Join("|", tr.QuerySelectorAll("td").Select(td => td.TextContent)))
            .ToList();
        Assert.Equal(
            [
                "单位|2|上级单位代码|单位代码 P-BH 不存在或不在您的管辖范围内。请使用您管辖范围内或本文件中单位的代码。",
                "单位|3|单位类别|请填写以下之一：“党的机关”、“国家机关”、“社会团体”、“事业单位”、“国有企业”、“其他涉密单位”。",
            ],
            rows);
        var csv = await client.GetByteArrayAsync(document.QuerySelector("#report-csv")!.GetAttribute("href"));
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["工作表,行号,列,问题", "单位,2,上级单位代码,单位代码 P-BH 不存在或不在您的管辖范围内。请使用您管辖范围内或本文件中单位的代码。"], lines[..2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task A_clean_dry_run_is_imported_for_real_without_uploading_again_and_only_once()
    {
        using var app = TestApp.StartOwn(TestApp.WithScheduler());
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, "officer", Roles.SecrecyOfficer, p.City);
        var before = await CountAsync(app);
        var dryRun = await FollowJobAsync(client, await UploadAsync(client, new ImportFileBuilder().Unit("QS-A", parent: "P-QS").ToXlsx(), "one.xlsx", dryRun: true));
        Assert.Equal(before, await CountAsync(app));
        var commit = (AngleSharp.Html.Dom.IHtmlFormElement)(await TestApp.GetDocumentAsync(client, dryRun)).QuerySelector("#commit-form")!;
        var form = FormFields.From(commit);
        var action = commit.GetAttribute("action")!;

        var real = await FollowJobAsync(client, await client.PostAsync(action, form.ToContent()));

        Assert.Contains("已导入 1 个单位", (await TestApp.GetDocumentAsync(client, real)).QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before.Units + 1, (await CountAsync(app)).Units);
        var again = await client.PostAsync(action, form.ToContent());
        Assert.Equal("/Import", again.Headers.Location!.OriginalString);
        Assert.Equal(before.Units + 1, (await CountAsync(app)).Units);
    }

    [Fact]
    public async Task The_upload_form_reports_a_missing_file_and_a_CSV_without_its_kind_beside_the_fields()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, "officer", Roles.SecrecyOfficer, p.City);

        var noFile = await TestApp.ParseAsync(await UploadAsync(client, [], "", dryRun: true));
        var csvWithoutKind = await TestApp.ParseAsync(await UploadAsync(client, Encoding.UTF8.GetBytes("单位代码\r\nA\r\n"), "units.csv", dryRun: true));
        var wrongType = await TestApp.ParseAsync(await UploadAsync(client, [1, 2, 3], "units.pdf", dryRun: true));

        Assert.Equal("请选择要导入的文件。", noFile.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent);
        Assert.Equal("请选择 CSV 文件的内容：单位、领导干部或任职。", csvWithoutKind.QuerySelector("[data-valmsg-for='Input.CsvSheet']")!.TextContent);
        Assert.Equal("请选择 XLSX 或 CSV 文件。", wrongType.QuerySelector("[data-valmsg-for='Input.File']")!.TextContent);
    }

    [Fact]
    public async Task A_unit_leader_is_refused_the_page_the_templates_and_the_import()
    {
        using var app = TestApp.Rent();
        var p = await ProvinceAsync(app);
        var client = await SignedInAsync(app, "leader", Roles.UnitLeader, p.City);
        var leader = new FixedCurrentUser("leader", p.City, Roles.UnitLeader);
        var before = await CountAsync(app);
        var file = new ImportFileBuilder().Unit("QS-A", parent: "P-QS").ToXlsx();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Import?handler=Template&format=xlsx")).StatusCode);
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.InScopeAsync(sp =>
            TestApp.ServiceFor<ImportService>(sp, leader).ImportAsync(new ImportRequest { FileName = "x.xlsx", Content = file, DryRun = false })));
        await Assert.ThrowsAsync<AccessDeniedException>(() => app.InScopeAsync(sp =>
            TestApp.ServiceFor<ImportJobs>(sp, leader).StartAsync(new ImportRequest { FileName = "x.xlsx", Content = file, DryRun = false })));
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task An_import_job_is_visible_only_to_the_account_that_started_it()
    {
        using var app = TestApp.StartOwn(TestApp.WithScheduler());
        var p = await ProvinceAsync(app);
        var owner = await SignedInAsync(app, "officer", Roles.SecrecyOfficer, p.City);
        var otherOfficer = await SignedInAsync(app, "officer2", Roles.SecrecyOfficer, p.City);
        var page = await FollowJobAsync(owner, await UploadAsync(owner, new ImportFileBuilder().Unit("QS-A", parent: "P-QS").ToXlsx(), "one.xlsx", dryRun: true));
        var id = page[(page.IndexOf("id=", StringComparison.Ordinal) + 3)..];

        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.GetAsync($"/Import?handler=Status&id={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.GetAsync($"/Import?handler=Report&id={id}")).StatusCode);
        Assert.Empty((await TestApp.GetDocumentAsync(otherOfficer, "/Import")).QuerySelectorAll("#recent-imports"));
        Assert.Single((await TestApp.GetDocumentAsync(owner, "/Import")).QuerySelectorAll("#recent-imports tbody tr"));
    }
}
