using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Auditing;
using SecrecyDuty.Core.Import;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Tests.Shared;
using SecrecyDuty.Web.Background;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Import;

/// <summary>
/// Issue 12 (the import jobs move onto the scheduler) and issue 14, finding 4 (an import never holds the database for long
/// and never leaves half a file written): jobs kept in the database, run by Quartz, written in batches, undone when cut off.
/// </summary>
public sealed class ImportJobTests
{
    private static readonly DateTime Stamp = new(2026, 11, 27, 1, 0, 0, 7, DateTimeKind.Utc);

    private static Action<IWebHostBuilder> WithScheduler(string? databaseFile = null, int? batchSize = null) => builder =>
    {
        TestApp.WithScheduler(databaseFile)(builder);
        if (batchSize is not null)
        {
            builder.UseSetting("Import:WriteBatchSize", batchSize.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    };

    private sealed record Setup(int City, string OfficerId);

    private static async Task<Setup> ProvinceAsync(TestApp app)
    {
        var built = await app.Province()
            .WithUnit("P", "示范省")
            .WithUnit("P-QS", "青山市", parent: "P")
            .WithAccount("officer", Roles.SecrecyOfficer, "P-QS")
            .BuildAsync();
        var officerId = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.UserName == "officer").Select(u => u.Id).SingleAsync());
        return new Setup(built.Unit("P-QS"), officerId);
    }

    private static ImportFileBuilder ThreeUnitsWithLeaders() => new ImportFileBuilder()
        .Unit("QS-A", parent: "P-QS", name: "甲单位")
        .Unit("QS-B", parent: "QS-A", name: "乙单位")
        .Unit("QS-C", parent: "P-QS", name: "丙单位")
        .Leader("L-A", "QS-A")
        .Leader("L-B", "QS-B")
        .Posting("L-A", "QS-A", role: "主要领导", title: "主任")
        .Posting("L-B", "QS-B", role: "主要领导", title: "主任");

    private static async Task<ImportRun> WaitForAsync(TestApp app, Guid runId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var run = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ImportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));
            if (run.State is ImportRunState.Finished or ImportRunState.Failed)
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The import job did not end: {run.State}");
            await Task.Delay(100);
        }
    }

    private static Task<List<string>> UnitCodesAsync(TestApp app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code.StartsWith("QS-")).OrderBy(u => u.Code).Select(u => u.Code).ToListAsync());

    /// <summary>A job cut off while writing: its run says it started once, and part of its file is in the database.</summary>
    private static async Task<Guid> CutOffRunAsync(TestApp app, Setup setup, byte[] file)
    {
        var runId = Guid.NewGuid();
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.ImportRuns.Add(new ImportRun
            {
                Id = runId,
                OwnerId = setup.OfficerId,
                FileName = "青山.xlsx",
                Content = file,
                Culture = "zh-CN",
                State = ImportRunState.Running,
                Attempts = 1,
                CreatedAtUtc = Stamp,
                WriteStampUtc = Stamp,
            });
            var written = new Unit { Code = "QS-A", Name = "甲单位", Kind = UnitKind.PartyOrgan, Level = AdministrativeLevel.County, ParentId = setup.City, CreatedAtUtc = Stamp };
            db.Units.Add(written);
            await db.SaveChangesAsync();
            var ancestors = await db.UnitAncestries.Where(a => a.DescendantId == setup.City).ToListAsync();
            db.UnitAncestries.Add(new UnitAncestry { AncestorId = written.Id, DescendantId = written.Id, Depth = 0 });
            db.UnitAncestries.AddRange(ancestors.Select(a => new UnitAncestry { AncestorId = a.AncestorId, DescendantId = written.Id, Depth = a.Depth + 1 }));
            await db.SaveChangesAsync();
        });
        return runId;
    }

    private static async Task RunAsync(TestApp app, Guid runId)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(ImportJob.Key, new JobDataMap { [ImportJob.RunKey] = runId.ToString("N") });
    }

    [Fact]
    public async Task The_import_job_is_durable_and_asks_the_scheduler_to_run_it_again_after_a_crash()
    {
        using var app = TestApp.StartOwn(WithScheduler());
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = await scheduler.GetJobDetail(ImportJob.Key);

        Assert.NotNull(job);
        Assert.True(job.Durable);
        Assert.True(job.RequestsRecovery);
        Assert.True(job.ConcurrentExecutionDisallowed);
    }

    [Fact]
    public async Task A_job_cut_off_while_writing_undoes_what_it_wrote_and_imports_the_whole_file_once_when_it_runs_again()
    {
        using var app = TestApp.StartOwn(WithScheduler());
        var setup = await ProvinceAsync(app);
        var runId = await CutOffRunAsync(app, setup, ThreeUnitsWithLeaders().ToXlsx());

        await RunAsync(app, runId);
        var run = await WaitForAsync(app, runId);

        Assert.Equal((ImportRunState.Finished, 2, null), (run.State, run.Attempts, run.Content));
        Assert.Contains("\"written\":true", run.Report, StringComparison.Ordinal);
        Assert.Equal(["QS-A", "QS-B", "QS-C"], await UnitCodesAsync(app));
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var a = await db.Units.SingleAsync(u => u.Code == "QS-A");
            Assert.Equal(3, await db.UnitAncestries.CountAsync(x => x.DescendantId == a.Id));
            Assert.Equal(2, await db.Postings.CountAsync(p => p.CreatedAtUtc == Stamp));
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Import && e.EntityId == runId.ToString("N")));
        });
    }

    [Fact]
    public async Task A_job_cut_off_after_its_last_batch_is_only_ended_and_writes_nothing_twice()
    {
        using var app = TestApp.StartOwn(WithScheduler());
        var setup = await ProvinceAsync(app);
        var file = new ImportFileBuilder().Unit("QS-A", parent: "P-QS", name: "甲单位").ToXlsx();
        var runId = await CutOffRunAsync(app, setup, file);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = Stamp,
                UserId = setup.OfficerId,
                UserName = "officer",
                Action = AuditAction.Import,
                EntityType = "Import",
                EntityId = runId.ToString("N"),
                Changes = """[{"field":"File","old":null,"new":"青山.xlsx"},{"field":"Units","old":null,"new":"1"},{"field":"Leaders","old":null,"new":"0"},{"field":"Postings","old":null,"new":"0"}]""",
            });
            await db.SaveChangesAsync();
        });

        await RunAsync(app, runId);
        var run = await WaitForAsync(app, runId);

        Assert.Equal(ImportRunState.Finished, run.State);
        Assert.Contains("\"units\":1", run.Report, StringComparison.Ordinal);
        Assert.Equal(["QS-A"], await UnitCodesAsync(app));
    }

    [Fact]
    public async Task A_job_cut_off_too_often_is_failed_and_leaves_nothing_written()
    {
        using var app = TestApp.StartOwn(WithScheduler());
        var setup = await ProvinceAsync(app);
        var runId = await CutOffRunAsync(app, setup, ThreeUnitsWithLeaders().ToXlsx());
        await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().ImportRuns.Where(r => r.Id == runId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Attempts, ImportJob.MaxAttempts)));

        await RunAsync(app, runId);
        var run = await WaitForAsync(app, runId);

        Assert.Equal((ImportRunState.Failed, (byte[]?)null), (run.State, run.Content));
        Assert.Contains("导入被中断 3 次后已停止", run.Failure, StringComparison.Ordinal);
        Assert.Empty(await UnitCodesAsync(app));
    }

    [Fact]
    public async Task A_job_queued_on_one_instance_runs_on_the_next_that_schedules_even_after_a_restart()
    {
        // The first host runs no scheduler (a web-only node, or an instance stopped before the job ran).
        var first = TestApp.StartOwn(_ => { });
        var setup = await ProvinceAsync(first);
        var officer = new FixedCurrentUser(setup.OfficerId, setup.City, Roles.SecrecyOfficer);
        var runId = await first.InScopeAsync(async sp =>
        {
            var result = await TestApp.ServiceFor<ImportJobs>(sp, officer).StartAsync(new ImportRequest { FileName = "青山.xlsx", Content = ThreeUnitsWithLeaders().ToXlsx(), DryRun = false });
            return result.Value;
        });
        var database = Path.Combine(first.DataDirectory, "secrecyduty.db");
        using var second = TestApp.StartOwn(WithScheduler(database));

        var run = await WaitForAsync(second, runId);

        Assert.Equal(ImportRunState.Finished, run.State);
        Assert.Equal(["QS-A", "QS-B", "QS-C"], await UnitCodesAsync(second));
        first.Dispose();
    }

    [Fact]
    public async Task Other_users_write_between_the_batches_of_a_running_import()
    {
        using var app = TestApp.StartOwn(WithScheduler(batchSize: 50));
        var setup = await ProvinceAsync(app);
        var officer = new FixedCurrentUser(setup.OfficerId, setup.City, Roles.SecrecyOfficer);
        var file = new ImportFileBuilder();
        for (var i = 0; i < 200; i++)
        {
            file.Unit($"QS-{i:D3}", parent: "P-QS");
        }

        // Each time the import saves a batch, another user saves a unit of his own on another connection.
        var othersSaved = 0;
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            db.SavedChanges += (_, _) =>
            {
                using var other = app.Services.CreateScope();
                var otherDb = other.ServiceProvider.GetRequiredService<AppDbContext>();
                otherDb.Units.Add(new Unit { Code = $"OTHER-{othersSaved}", Name = "他人新建", Kind = UnitKind.PartyOrgan, Level = AdministrativeLevel.County, ParentId = setup.City, CreatedAtUtc = Stamp });
                otherDb.SaveChanges();
                othersSaved++;
            };
            var result = await TestApp.ServiceFor<ImportService>(sp, officer).ImportAsync(new ImportRequest { FileName = "units.xlsx", Content = file.ToXlsx(), DryRun = false });
            Assert.True(result.Value!.Written);
        });

        // 200 units in batches of 50, then the audit entry: 5 saves, each followed by another user's. The 600 closure rows
        // between them go in through the bulk insert, 12 transactions of 50 rows that raise no SavedChanges.
        Assert.Equal(5, othersSaved);
        Assert.Equal(200, (await UnitCodesAsync(app)).Count);
        Assert.Equal(600, await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UnitAncestries.CountAsync(a => a.Descendant!.Code.StartsWith("QS-"))));
    }

    [Fact]
    public async Task A_batch_refused_part_way_through_a_file_undoes_the_batches_before_it()
    {
        using var app = TestApp.StartOwn(WithScheduler(batchSize: 2));
        var setup = await ProvinceAsync(app);
        var officer = new FixedCurrentUser(setup.OfficerId, setup.City, Roles.SecrecyOfficer);
        var before = await app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Units.CountAsync());

        // Once the units are written, someone else saves a leader under a staff number of the file: its batch is refused.
        var report = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var done = false;
            db.SavedChanges += (_, _) =>
            {
                if (done || !db.Units.Any(u => u.Code == "QS-C"))
                {
                    return;
                }

                done = true;
                using var other = app.Services.CreateScope();
                var otherDb = other.ServiceProvider.GetRequiredService<AppDbContext>();
                otherDb.Leaders.Add(new Core.Leaders.Leader { StaffNumber = "L-B", Name = "他人", UnitId = setup.City, Rank = Core.Leaders.LeaderRank.CountyDivision, CreatedAtUtc = Stamp.AddDays(-1) });
                otherDb.SaveChanges();
            };
            var result = await TestApp.ServiceFor<ImportService>(sp, officer).ImportAsync(new ImportRequest { FileName = "青山.xlsx", Content = ThreeUnitsWithLeaders().ToXlsx(), DryRun = false });
            return result.Value!;
        });

        Assert.False(report.Written);
        Assert.Contains("Nothing was written", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Assert.Equal(before, await db.Units.CountAsync());
            Assert.Equal(["L-B"], await db.Leaders.Where(l => l.StaffNumber.StartsWith("L-")).Select(l => l.StaffNumber).ToListAsync());
            Assert.Equal(0, await db.Postings.CountAsync(p => p.Title == "主任"));
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Import));
        });
    }

    [Fact]
    public async Task Leaders_of_many_batches_are_written_whole_as_a_save_writes_them_with_the_one_import_entry()
    {
        // Leaders go in through the bulk insert (SqliteBulkInsert on SQLite): keys, versions and stored values as EF Core's save gives them.
        using var app = TestApp.StartOwn(WithScheduler(batchSize: 2));
        var setup = await ProvinceAsync(app);
        var officer = new FixedCurrentUser(setup.OfficerId, setup.City, Roles.SecrecyOfficer);
        var file = new ImportFileBuilder();
        for (var i = 1; i <= 7; i++)
        {
            file.Leader($"L-{i}", "P-QS", name: $"导入{i}", rank: i % 2 == 0 ? "厅局级" : "县处级", partyMember: i == 3 ? "否" : "是", phone: i == 4 ? "0571-1234567" : "");
        }

        var report = await app.InScopeAsync(async sp => (await TestApp.ServiceFor<ImportService>(sp, officer)
            .ImportAsync(new ImportRequest { FileName = "领导.xlsx", Content = file.ToXlsx(), DryRun = false })).Value!);

        Assert.True(report.Written);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var leaders = await db.Leaders.AsNoTracking().Where(l => l.StaffNumber.StartsWith("L-")).OrderBy(l => l.StaffNumber).ToListAsync();
            Assert.Equal(7, leaders.Count);
            Assert.Equal(7, leaders.Select(l => l.Id).Distinct().Count());
            Assert.All(leaders, l =>
            {
                Assert.Equal(setup.City, l.UnitId);
                Assert.True(l.IsActive);
                Assert.Equal(Core.Common.Versions.First, l.Version);
                Assert.NotNull(l.SavedAtUtc);
                Assert.NotNull(l.SavedBy);
            });
            Assert.Equal(Core.Leaders.LeaderRank.DepartmentBureau, leaders.Single(l => l.StaffNumber == "L-2").Rank);
            Assert.Equal(Core.Leaders.LeaderRank.CountyDivision, leaders.Single(l => l.StaffNumber == "L-1").Rank);
            Assert.False(leaders.Single(l => l.StaffNumber == "L-3").IsPartyMember);
            Assert.Equal("0571-1234567", leaders.Single(l => l.StaffNumber == "L-4").Phone);
            Assert.Equal("导入5", leaders.Single(l => l.StaffNumber == "L-5").Name);

            // One entry for the file, none per leader.
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Import));
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Core.Leaders.Leader)));
        });
    }

    [Fact]
    public async Task A_late_batch_of_leaders_refused_undoes_the_batches_of_leaders_before_it()
    {
        using var app = TestApp.StartOwn(WithScheduler(batchSize: 2));
        var setup = await ProvinceAsync(app);
        var officer = new FixedCurrentUser(setup.OfficerId, setup.City, Roles.SecrecyOfficer);
        var file = new ImportFileBuilder().Unit("QS-A", parent: "P-QS", name: "甲单位");
        for (var i = 1; i <= 7; i++)
        {
            file.Leader($"L-{i}", "QS-A");
        }

        // Once the unit is written (the last save before the leaders), someone else saves a leader under the file's last
        // staff number: the fourth batch of leaders is refused after three were written.
        var report = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var done = false;
            db.SavedChanges += (_, _) =>
            {
                if (done || !db.Units.Any(u => u.Code == "QS-A"))
                {
                    return;
                }

                done = true;
                using var other = app.Services.CreateScope();
                var otherDb = other.ServiceProvider.GetRequiredService<AppDbContext>();
                otherDb.Leaders.Add(new Core.Leaders.Leader { StaffNumber = "L-7", Name = "他人", UnitId = setup.City, Rank = Core.Leaders.LeaderRank.CountyDivision, CreatedAtUtc = Stamp.AddDays(-1) });
                otherDb.SaveChanges();
            };
            return (await TestApp.ServiceFor<ImportService>(sp, officer)
                .ImportAsync(new ImportRequest { FileName = "青山.xlsx", Content = file.ToXlsx(), DryRun = false })).Value!;
        });

        Assert.False(report.Written);
        Assert.Contains("Nothing was written", Assert.Single(report.Errors).Reason, StringComparison.Ordinal);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Assert.Equal(["L-7"], await db.Leaders.Where(l => l.StaffNumber.StartsWith("L-")).Select(l => l.StaffNumber).ToListAsync());
            Assert.Equal(0, await db.Units.CountAsync(u => u.Code == "QS-A"));
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == AuditAction.Import));
        });
    }

    [Fact]
    public async Task A_report_keeps_its_first_problems_and_counts_the_rest()
    {
        using var app = TestApp.StartOwn(b => b.UseSetting("Import:MaxReportedProblems", "3"));
        var setup = await ProvinceAsync(app);
        var officer = new FixedCurrentUser(setup.OfficerId, setup.City, Roles.SecrecyOfficer);
        var file = new ImportFileBuilder();
        for (var i = 0; i < 5; i++)
        {
            file.Unit($"QS-{i}", parent: "NOWHERE");
        }

        var report = await app.InScopeAsync(async sp =>
            (await TestApp.ServiceFor<ImportService>(sp, officer).ImportAsync(new ImportRequest { FileName = "units.xlsx", Content = file.ToXlsx() })).Value!);

        Assert.Equal((3, 2), (report.Errors.Count, report.OmittedProblems));
        Assert.Equal([2, 3, 4], report.Errors.Select(e => e.Row!.Value));
    }
}
