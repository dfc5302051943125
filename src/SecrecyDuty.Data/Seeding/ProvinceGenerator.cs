using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Proposals;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Data.Seeding;

/// <summary>The size of a generated province and the seed that makes it the same every time.</summary>
public sealed record ProvinceSize(int Units = 10_000, int Leaders = 50_000, int Years = 5, int Seed = 1)
{
    public IEnumerable<string> Problems()
    {
        if (Units is < 10 or > 200_000)
        {
            yield return "--units must be between 10 and 200000";
        }

        if (Leaders < Units * 3 || Leaders > Units * 20)
        {
            yield return "--leaders must be between 3 and 20 times --units (a leadership team per unit)";
        }

        if (Years is < 1 or > 20)
        {
            yield return "--years must be between 1 and 20";
        }
    }
}

/// <summary>What was generated, table by table, and how long it took.</summary>
public sealed record GeneratedProvince(IReadOnlyList<(string Table, int Rows)> Tables, TimeSpan Elapsed);

/// <summary>
/// Fills an empty database with a synthetic province for measuring (docs/performance.md): a unit tree of province,
/// prefectures and counties with their departments, public institutions and state-owned enterprises; leadership teams
/// whose postings change over the years; secrecy organizations and rule registers with gaps; briefings and meetings
/// (some units missing some); checklists and appraisals; inspections with findings and orders (some overdue); incidents
/// with persons and decisions; proposals. Deterministic from the seed (dates count back from today). Writes in batches
/// without per-record audit entries: the records are synthetic, not anyone's act.
/// </summary>
public sealed class ProvinceGenerator(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ComplianceJudgementService judgements)
{
    /// <summary>The password of the generated accounts (one per role at the province root, and one unit leader).</summary>
    public const string Password = DemoProvinceSeeder.DemoPassword;

    private const int Batch = 4_000;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"];

    private static readonly string[] GivenNames = ["建国", "海燕", "志强", "秀英", "卫东", "丽华", "国庆", "晓明", "春梅", "文斌", "红霞", "立新", "雪松", "桂芳", "振华", "静怡", "永刚", "晓燕", "德明", "玉兰", "成林", "慧敏", "光辉", "淑珍", "浩然", "思远", "子涵", "宏伟", "婷婷", "俊杰"];

    private static readonly string[] Cities = ["东川", "西岭", "南湖", "北原", "青山", "临江", "安平", "永宁", "长乐", "宁远", "丰泽", "清河", "云台", "石门", "金沙", "望海", "白水", "桐城", "凤阳", "柳州"];

    private static readonly string[] Departments = ["发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "国有资产监督管理委员会", "市场监督管理局", "统计局", "医疗保障局", "档案局", "国家保密局", "机关事务管理局", "信访局", "数据局"];

    private static readonly string[] Institutions = ["信息中心", "档案馆", "研究院", "评审中心", "监测站", "服务中心", "培训中心", "研究所"];

    private static readonly string[] Enterprises = ["投资集团有限公司", "能源集团有限公司", "交通建设集团有限公司", "水务集团有限公司", "电子科技有限公司", "精密仪器有限公司"];

    private static readonly string[] FindingTexts =
    [
        "保密工作领导责任制未落实到位，分管领导未定期研究保密工作。",
        "未按规定听取保密组织的情况汇报。",
        "涉密人员管理不规范，离岗脱密期管理缺失。",
        "未制定信息上网、对外提供资料方面的保密管理制度。",
        "涉密计算机未安装安全保密防护软件。",
        "涉密载体管理台账不全，清点不及时。",
        "保密宣传教育培训未按计划开展。",
    ];

    private readonly List<(string Table, int Rows)> _counts = [];
    private Random _rng = new(0);

    /// <summary>Generates the province; refuses a database that already holds units.</summary>
    /// <exception cref="InvalidOperationException">The database is not empty, or no regulation catalogue is loaded.</exception>
    public async Task<GeneratedProvince> GenerateAsync(ProvinceSize size, Action<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(progress);
        if (await db.Units.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds units: generate into an empty database (a new data folder or connection string).");
        }

        var catalogue = await ChecklistFactory.CurrentCatalogueAsync(db, cancellationToken);
        var ruleAreas = await db.RuleAreas.AsNoTracking().Where(a => db.Regulations.Any(r => r.Id == a.RegulationId && r.IsCurrent)).Select(a => a.Id).ToListAsync(cancellationToken);
        if (catalogue.Count == 0)
        {
            throw new InvalidOperationException("No regulation catalogue is loaded: run the migrate command first.");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        _rng = new Random(size.Seed);
        db.AuditEachRecord = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var today = LocalDate.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var firstYear = today.Year - size.Years + 1;

        var units = await UnitsAsync(size.Units, now, progress, cancellationToken);
        var teams = await LeadershipAsync(units, size.Leaders, firstYear, today, now, progress, cancellationToken);
        await OrganizationsAsync(units, teams, ruleAreas, today, now, progress, cancellationToken);
        await ActivitiesAsync(units, teams, firstYear, today, now, progress, cancellationToken);
        await ChecklistsAndAppraisalsAsync(units, teams, catalogue, firstYear, today, now, progress, cancellationToken);
        var officer = await AccountsAsync(units, teams, now, cancellationToken);
        await InspectionsAsync(units, teams, officer, firstYear, today, now, progress, cancellationToken);
        await IncidentsAndProposalsAsync(units, teams, officer, firstYear, today, now, progress, cancellationToken);

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AuditEachRecord = true;

        // The stored compliance judgements of every generated year and of the dashboard's (docs/decisions/0022), as the
        // nightly job keeps them: the province is measured as it is on a working day, not on its first request.
        var years = Enumerable.Range(firstYear, size.Years).Union(ComplianceJudgementService.TrendYears(today)).Order().ToList();
        var judged = await judgements.RefreshAllAsync(years, cancellationToken: cancellationToken);
        Count("UnitYearCompliances", judged.Judged);
        progress($"compliance judged: {judged.Judged} units and years");

        // Fresh statistics for the query planner over the new data (SQLite only; SQL Server keeps its own).
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }

        return new GeneratedProvince(_counts, watch.Elapsed);
    }

    private sealed class UnitRow(Unit unit, int parent, int depth)
    {
        public Unit Unit { get; } = unit;

        public int Parent { get; } = parent;

        public int Depth { get; } = depth;
    }

    private sealed record Team(int UnitIndex, List<(Posting Posting, Leader Leader)> Postings);

    /// <summary>
    /// The unit tree: the province's party committee at the root; provincial departments (each with a few public
    /// institutions), provincial state-owned enterprises and prefectures; each prefecture with its departments and counties;
    /// each county with its departments. The fan-outs are set so that the tree holds exactly <paramref name="count"/> units.
    /// </summary>
    private async Task<List<UnitRow>> UnitsAsync(int count, DateTime now, Action<string> progress, CancellationToken cancellationToken)
    {
        var rows = new List<UnitRow>(count);
        int Add(string code, string name, UnitKind kind, AdministrativeLevel level, int parent, bool large = false)
        {
            var unit = new Unit
            {
                Code = code,
                Name = name,
                Kind = kind,
                Level = level,
                IsLargeOrMediumEnterprise = large,
                EstablishedOn = new DateOnly(1990 + _rng.Next(25), 1 + _rng.Next(12), 1 + _rng.Next(28)),
                IsActive = true,
                CreatedAtUtc = now,
            };
            rows.Add(new UnitRow(unit, parent, parent < 0 ? 0 : rows[parent].Depth + 1));
            return rows.Count - 1;
        }

        var root = Add("G", "中共示范省委员会", UnitKind.PartyOrgan, AdministrativeLevel.Provincial, -1);
        var prefectures = Math.Clamp(count / 700, 1, Cities.Length);
        var provincial = Math.Min(Departments.Length, Math.Max(3, count / 300));
        var enterprises = Math.Min(Enterprises.Length * 4, Math.Max(1, count / 400));
        var remaining = count - 1 - prefectures - provincial - enterprises;
        var perPrefecture = remaining / prefectures;
        var cityDepartments = Math.Min(Departments.Length, Math.Max(1, perPrefecture / 10));
        var counties = Math.Max(1, (perPrefecture - cityDepartments) / (Departments.Length / 2 + 1));
        var countyDepartments = Math.Max(0, Math.Min(Departments.Length, ((perPrefecture - cityDepartments) / counties) - 1));

        var provincialDepartments = new List<int>();
        for (var d = 0; d < provincial && rows.Count < count; d++)
        {
            provincialDepartments.Add(Add($"G-D{d + 1:00}", "示范省" + Departments[d], UnitKind.StateOrgan, AdministrativeLevel.Provincial, root));
        }

        for (var e = 0; e < enterprises && rows.Count < count; e++)
        {
            Add($"G-E{e + 1:00}", "示范省" + (e >= Enterprises.Length ? Cities[e % Cities.Length] : "") + Enterprises[e % Enterprises.Length], UnitKind.StateOwnedEnterprise, AdministrativeLevel.Provincial, root, large: e % 3 != 2);
        }

        for (var p = 0; p < prefectures && rows.Count < count; p++)
        {
            var city = Cities[p];
            var prefecture = Add($"G-P{p + 1:00}", $"中共{city}市委员会", UnitKind.PartyOrgan, AdministrativeLevel.Prefectural, root);
            for (var d = 0; d < cityDepartments && rows.Count < count; d++)
            {
                Add($"G-P{p + 1:00}-D{d + 1:00}", $"{city}市{Departments[d]}", UnitKind.StateOrgan, AdministrativeLevel.Prefectural, prefecture);
            }

            for (var c = 0; c < counties && rows.Count < count; c++)
            {
                var countyName = $"{city}市{Cities[(p + c + 1) % Cities.Length]}{(c / Cities.Length > 0 ? (c / Cities.Length + 1).ToString(CultureInfo.InvariantCulture) : "")}县";
                var county = Add($"G-P{p + 1:00}-C{c + 1:00}", $"中共{countyName}委员会", UnitKind.PartyOrgan, AdministrativeLevel.County, prefecture);
                for (var d = 0; d < countyDepartments && rows.Count < count; d++)
                {
                    Add($"G-P{p + 1:00}-C{c + 1:00}-D{d + 1:00}", countyName + Departments[d], UnitKind.StateOrgan, AdministrativeLevel.County, county);
                }
            }
        }

        // What the fan-outs leave: public institutions under the provincial departments, then the cities' departments.
        var parents = provincialDepartments.Concat(rows.Select((r, i) => (r, i)).Where(x => x.r.Depth == 2 && x.r.Unit.Kind == UnitKind.StateOrgan).Select(x => x.i)).ToList();
        for (var k = 0; rows.Count < count; k++)
        {
            var parent = parents[k % parents.Count];
            var n = (k / parents.Count) + 1;
            Add($"{rows[parent].Unit.Code}-I{n:00}", rows[parent].Unit.Name + Institutions[(k / parents.Count) % Institutions.Length] + (n > Institutions.Length ? n.ToString(CultureInfo.InvariantCulture) : ""), k % 7 == 6 ? UnitKind.OtherSecretHandlingUnit : UnitKind.PublicInstitution, rows[parent].Unit.Level, parent);
        }

        // Parents first, level by level, so that each child knows its parent's id.
        foreach (var level in rows.GroupBy(r => r.Depth).OrderBy(g => g.Key))
        {
            foreach (var row in level)
            {
                row.Unit.ParentId = row.Parent < 0 ? null : rows[row.Parent].Unit.Id;
            }

            await SaveAsync([.. level.Select(r => r.Unit)], cancellationToken);
        }

        // The closure table: every unit with itself and each ancestor.
        var ancestries = new List<UnitAncestry>(count * 4);
        for (var i = 0; i < rows.Count; i++)
        {
            for (int a = i, depth = 0; a >= 0; a = rows[a].Parent, depth++)
            {
                ancestries.Add(new UnitAncestry { AncestorId = rows[a].Unit.Id, DescendantId = rows[i].Unit.Id, Depth = depth });
            }
        }

        await SaveAsync(ancestries, cancellationToken);
        Count("Units", rows.Count);
        Count("UnitAncestries", ancestries.Count);
        progress($"units: {rows.Count} ({prefectures} prefectures, {rows.Count(r => r.Unit.Level == AdministrativeLevel.County && r.Unit.Kind == UnitKind.PartyOrgan)} counties)");
        return rows;
    }

    /// <summary>
    /// A leadership team per unit: a party secretary and an administrative head (principal leaders), the leader in
    /// charge of secrecy work, other members; in some units the first principal leader changed during the years, so an
    /// earlier posting ended and a later one began.
    /// </summary>
    private async Task<List<Team>> LeadershipAsync(List<UnitRow> units, int leaderCount, int firstYear, DateOnly today, DateTime now, Action<string> progress, CancellationToken cancellationToken)
    {
        var teams = new List<Team>(units.Count);
        var leaders = new List<Leader>(leaderCount);
        var postings = new List<(Posting Posting, int LeaderIndex, int UnitIndex)>(leaderCount);
        var perUnit = leaderCount / units.Count;
        var extra = leaderCount % units.Count;
        var start = new DateOnly(firstYear - 3, 1, 1);
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u].Unit;
            var size = perUnit + (u < extra ? 1 : 0);
            var rank = unit.Level switch
            {
                AdministrativeLevel.Provincial => LeaderRank.DepartmentBureau,
                AdministrativeLevel.Prefectural => u % 3 == 0 ? LeaderRank.DepartmentBureau : LeaderRank.CountyDivision,
                _ => u % 5 == 0 ? LeaderRank.Below : LeaderRank.CountyDivision,
            };
            var team = new Team(u, []);
            teams.Add(team);

            // With five or more, one principal leader left during the years and the last of the team succeeded.
            var changed = size >= 5 && u % 4 == 0;
            for (var m = 0; m < size; m++)
            {
                var leader = new Leader
                {
                    Name = Surnames[_rng.Next(Surnames.Length)] + GivenNames[_rng.Next(GivenNames.Length)],
                    StaffNumber = $"G{leaders.Count + 1:000000}",
                    Rank = m < 2 ? rank : rank == LeaderRank.Below ? LeaderRank.Below : (LeaderRank)Math.Max(0, (int)rank - 1),
                    IsPartyMember = _rng.Next(100) < 88,
                    UnitId = unit.Id,
                    IsActive = true,
                    CreatedAtUtc = now,
                };
                leaders.Add(leader);
                var (role, title) = m switch
                {
                    0 => (PostingRole.PrincipalLeader, "党组书记"),
                    1 => (PostingRole.PrincipalLeader, unit.Kind == UnitKind.StateOwnedEnterprise ? "总经理" : "主任"),
                    2 => (PostingRole.SecrecyLeader, "副主任（分管保密工作）"),
                    _ => (PostingRole.OtherMember, "班子成员"),
                };
                var from = start.AddDays(_rng.Next(700));
                DateOnly? to = null;
                if (changed && m == 0)
                {
                    to = new DateOnly(firstYear + ((u / 4) % Math.Max(1, today.Year - firstYear)), 6, 30);
                }
                else if (changed && m == size - 1)
                {
                    (role, title) = (PostingRole.PrincipalLeader, "党组书记");
                    from = new DateOnly(firstYear + ((u / 4) % Math.Max(1, today.Year - firstYear)), 7, 1);
                }

                postings.Add((new Posting { UnitId = unit.Id, Role = role, Title = title, From = from, To = to, CreatedAtUtc = now }, leaders.Count - 1, u));
            }
        }

        await SaveAsync(leaders, cancellationToken);
        foreach (var (posting, leaderIndex, _) in postings)
        {
            posting.LeaderId = leaders[leaderIndex].Id;
        }

        await SaveAsync([.. postings.Select(p => p.Posting)], cancellationToken);
        foreach (var (posting, leaderIndex, unitIndex) in postings)
        {
            teams[unitIndex].Postings.Add((posting, leaders[leaderIndex]));
        }

        Count("Leaders", leaders.Count);
        Count("Postings", postings.Count);
        progress($"leaders: {leaders.Count}, postings: {postings.Count}");
        return teams;
    }

    /// <summary>A secrecy organization in all but one unit in twenty; rule registers with an area missing in some units.</summary>
    private async Task OrganizationsAsync(List<UnitRow> units, List<Team> teams, List<int> ruleAreas, DateOnly today, DateTime now, Action<string> progress, CancellationToken cancellationToken)
    {
        var organizations = new List<SecrecyOrganization>();
        var entries = new List<RuleRegisterEntry>();
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u].Unit;
            var current = teams[u].Postings.Where(p => p.Posting.To is null).ToList();
            if (u % 20 != 7)
            {
                var organization = new SecrecyOrganization
                {
                    UnitId = unit.Id,
                    Kind = unit.Level == AdministrativeLevel.County ? SecrecyOrganizationKind.LeadingGroup : SecrecyOrganizationKind.Committee,
                    EstablishedOn = new DateOnly(2010 + (u % 8), 3, 1),
                    ChairLeaderId = current.FirstOrDefault(p => p.Posting.Role == PostingRole.PrincipalLeader).Leader?.Id,
                    OfficeName = "保密办公室",
                    OfficeHead = Surnames[u % Surnames.Length] + GivenNames[(u * 7) % GivenNames.Length],
                    OfficePhone = "0000-" + (1000000 + u).ToString(CultureInfo.InvariantCulture),
                    AnnualBudget = 50_000 + (u % 20 * 5_000),
                    BudgetYear = today.Year,
                };
                foreach (var (posting, leader) in current)
                {
                    organization.Members.Add(new SecrecyOrganizationMember { LeaderId = leader.Id, Name = leader.Name, Position = posting.Title });
                }

                organization.Cadres.Add(new SecrecyCadre { Name = Surnames[(u + 3) % Surnames.Length] + GivenNames[(u + 5) % GivenNames.Length], IsFullTime = u % 2 == 0, Position = "保密干事", LastTrainedOn = today.AddDays(-(u % 700)) });
                organizations.Add(organization);
            }

            for (var a = 0; a < ruleAreas.Count; a++)
            {
                if ((u + a) % 11 != 3)
                {
                    entries.Add(new RuleRegisterEntry { UnitId = unit.Id, RuleAreaId = ruleAreas[a], AdoptedOn = new DateOnly(2015 + ((u + a) % 9), 1 + (a % 12), 10), DocumentReference = $"保发〔{2015 + ((u + a) % 9)}〕{a + 1}号" });
                }
            }
        }

        await SaveAsync(organizations, cancellationToken);
        await SaveAsync(entries, cancellationToken);
        Count("SecrecyOrganizations", organizations.Count);
        Count("RuleRegisterEntries", entries.Count);
        progress($"secrecy organizations: {organizations.Count}, rule register entries: {entries.Count}");
    }

    /// <summary>Per unit and year: two briefings and two member meetings (some missing), a directive study and a training.</summary>
    private async Task ActivitiesAsync(List<UnitRow> units, List<Team> teams, int firstYear, DateOnly today, DateTime now, Action<string> progress, CancellationToken cancellationToken)
    {
        var total = 0;
        var attendance = 0;
        var batch = new List<Activity>(Batch);
        for (var u = 0; u < units.Count; u++)
        {
            for (var year = firstYear; year <= today.Year; year++)
            {
                var plan = new List<(ActivityKind Kind, DateOnly Date, string Title)>();
                if ((u + year) % 9 != 0)
                {
                    plan.Add((ActivityKind.Briefing, new DateOnly(year, 4, 10 + (u % 15)), $"{year}年上半年听取保密组织的情况汇报"));
                }

                if ((u + year) % 6 != 0)
                {
                    plan.Add((ActivityKind.Briefing, new DateOnly(year, 10, 10 + (u % 15)), $"{year}年下半年听取保密组织的情况汇报"));
                }

                plan.Add((ActivityKind.MemberMeeting, new DateOnly(year, 3, 1 + (u % 25)), $"{year}年第一次保密委员会成员会议"));
                if ((u + year) % 5 != 0)
                {
                    plan.Add((ActivityKind.MemberMeeting, new DateOnly(year, 9, 1 + (u % 25)), $"{year}年第二次保密委员会成员会议"));
                }

                plan.Add((ActivityKind.DirectiveStudy, new DateOnly(year, 2, 1 + (u % 25)), "传达学习上级保密工作会议精神"));
                plan.Add((ActivityKind.Training, new DateOnly(year, 5, 1 + (u % 25)), $"{year}年度保密教育培训"));
                foreach (var (kind, date, title) in plan.Where(p => p.Date <= today))
                {
                    var activity = new Activity
                    {
                        UnitId = units[u].Unit.Id,
                        Kind = kind,
                        Date = date,
                        Title = title,
                        Presenters = "保密办主任",
                        Topics = kind == ActivityKind.Briefing ? "本单位保密工作总体情况；检查发现问题及整改进展；下一阶段工作安排" : "研究部署保密工作",
                        Decisions = "同意保密办工作安排",
                        Audience = kind == ActivityKind.Training ? "全体干部职工" : null,
                        HeadCount = kind == ActivityKind.Training ? 30 + (u % 70) : null,
                        CreatedAtUtc = now,
                    };
                    foreach (var (posting, _) in teams[u].Postings.Where(p => p.Posting.From <= date && (p.Posting.To is null || p.Posting.To >= date)
                        && (kind != ActivityKind.Briefing || p.Posting.Role != PostingRole.OtherMember)))
                    {
                        activity.Attendance.Add(new ActivityAttendance { PostingId = posting.Id });
                        attendance++;
                    }

                    batch.Add(activity);
                    total++;
                }
            }

            if (batch.Count >= Batch)
            {
                await SaveAsync(batch, cancellationToken);
                batch.Clear();
                progress($"activities: {total}");
            }
        }

        await SaveAsync(batch, cancellationToken);
        Count("Activities", total);
        Count("ActivityAttendances", attendance);
        progress($"activities: {total}, attendance: {attendance}");
    }

    /// <summary>
    /// A checklist per posting in scope (art. 2) and year it held: earlier years reviewed (a few returned), this year in
    /// every state (some missing); an appraisal per leader in scope and closed year, graded.
    /// </summary>
    private async Task ChecklistsAndAppraisalsAsync(List<UnitRow> units, List<Team> teams, IReadOnlyList<CatalogueItemRef> catalogue, int firstYear, DateOnly today, DateTime now, Action<string> progress, CancellationToken cancellationToken)
    {
        var checklists = 0;
        var items = 0;
        var appraisals = 0;
        var batch = new List<DutyChecklist>(Batch);
        var appraisalBatch = new List<Appraisal>(Batch);
        var appraised = new HashSet<(int LeaderId, int Year)>();
        for (var u = 0; u < units.Count; u++)
        {
            var unit = units[u].Unit;
            foreach (var (posting, leader) in teams[u].Postings)
            {
                if (!LeaderScope.IsPostingInScope(leader.Rank, unit.Kind, unit.IsLargeOrMediumEnterprise))
                {
                    continue;
                }

                for (var year = Math.Max(firstYear, posting.From.Year); year <= Math.Min(today.Year, posting.To?.Year ?? today.Year); year++)
                {
                    var current = year == today.Year;
                    var state = (u + posting.Id + year) % 10;
                    if (current && state == 0)
                    {
                        continue;
                    }

                    var status = !current ? (state == 1 ? ChecklistStatus.Returned : ChecklistStatus.Reviewed)
                        : state switch { <= 3 => ChecklistStatus.Open, <= 6 => ChecklistStatus.Submitted, 7 => ChecklistStatus.Returned, _ => ChecklistStatus.Reviewed };
                    var checklist = ChecklistFactory.New(posting.Id, unit.Id, posting.Role, posting.LeadsSecrecyWork, year, catalogue);
                    checklist.Status = status;
                    if (status is ChecklistStatus.Submitted or ChecklistStatus.Reviewed or ChecklistStatus.Returned)
                    {
                        checklist.SubmittedAtUtc = new DateTime(year, 12, 1, 2, 0, 0, DateTimeKind.Utc) < now ? new DateTime(year, 12, 1, 2, 0, 0, DateTimeKind.Utc) : now.AddDays(-1);
                    }

                    if (status is ChecklistStatus.Reviewed or ChecklistStatus.Returned)
                    {
                        checklist.ReviewedAtUtc = checklist.SubmittedAtUtc!.Value.AddDays(10) < now ? checklist.SubmittedAtUtc.Value.AddDays(10) : now;
                        checklist.ReviewedBy = "officer";
                        checklist.OrganizationOpinion = status == ChecklistStatus.Returned ? "履职情况说明不完整，请补充后重新提交。" : "认真履行保密工作职责。";
                    }

                    foreach (var item in checklist.Items)
                    {
                        item.Status = status != ChecklistStatus.Open || (item.DutyItemId + u) % 3 == 0 ? ChecklistItemStatus.Fulfilled : ChecklistItemStatus.NotStarted;
                        items++;
                    }

                    batch.Add(checklist);
                    checklists++;
                }

                for (var year = Math.Max(firstYear, posting.From.Year); year < today.Year && year <= (posting.To?.Year ?? today.Year); year++)
                {
                    // A leader holding two postings in scope the same year has one appraisal.
                    if (!appraised.Add((leader.Id, year)))
                    {
                        continue;
                    }

                    var grade = ((u + leader.Id + year) % 20) switch { 0 => AppraisalGrade.BasicallyCompetent, 1 => AppraisalGrade.Incompetent, < 8 => AppraisalGrade.Excellent, _ => AppraisalGrade.Competent };
                    appraisalBatch.Add(new Appraisal
                    {
                        LeaderId = leader.Id,
                        UnitId = unit.Id,
                        Year = year,
                        DutyReportSection = "本年度认真履行保密工作职责，按时听取保密工作汇报。",
                        OrganizationOpinion = "履行保密工作职责情况良好。",
                        Grade = grade,
                        FinalizedAtUtc = new DateTime(year + 1, 1, 20, 2, 0, 0, DateTimeKind.Utc),
                        FinalizedBy = "officer",
                    });
                    appraisals++;
                }
            }

            if (batch.Count >= Batch / 4)
            {
                await SaveAsync(batch, cancellationToken);
                await SaveAsync(appraisalBatch, cancellationToken);
                batch.Clear();
                appraisalBatch.Clear();
                progress($"checklists: {checklists}, items: {items}, appraisals: {appraisals}");
            }
        }

        await SaveAsync(batch, cancellationToken);
        await SaveAsync(appraisalBatch, cancellationToken);
        Count("DutyChecklists", checklists);
        Count("DutyChecklistItems", items);
        Count("Appraisals", appraisals);
        progress($"checklists: {checklists}, items: {items}, appraisals: {appraisals}");
    }

    /// <summary>One account per role at the province root (the benchmark signs in as each), and a unit leader's account.</summary>
    private async Task<string> AccountsAsync(List<UnitRow> units, List<Team> teams, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        (string UserName, string DisplayName, string Role)[] accounts =
        [
            ("admin", "系统管理员", Roles.Administrator),
            ("officer", "省保密局保密干部", Roles.SecrecyOfficer),
            ("discipline", "省纪委监委纪检监察干部", Roles.DisciplineOfficial),
            ("supervisor", "省委办公厅督查干部", Roles.Supervisor),
            ("cadre", "省委组织部干部", Roles.CadreOfficial),
            ("leader", "单位领导干部", Roles.UnitLeader),
        ];
        var leaderUnit = units.FindIndex(r => r.Depth == 1 && r.Unit.Kind == UnitKind.StateOrgan);
        foreach (var (userName, displayName, role) in accounts)
        {
            var leaderPosting = role == Roles.UnitLeader ? teams[leaderUnit].Postings.First(p => p.Posting.To is null) : default;
            var user = new AppUser
            {
                UserName = userName,
                DisplayName = displayName,
                UnitId = role == Roles.UnitLeader ? units[leaderUnit].Unit.Id : units[0].Unit.Id,
                LeaderId = role == Roles.UnitLeader ? leaderPosting.Leader.Id : null,
                LockoutEnabled = true,
                CreatedAtUtc = now,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            {
                throw new InvalidOperationException($"Could not create the account {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.ChangeTracker.Clear();
        Count("Accounts", accounts.Length);
        return (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "officer", cancellationToken)).Id;
    }

    /// <summary>
    /// About one unit in twelve inspected each year by its superior organ: completed in earlier years with findings
    /// against the responsible postings and orders verified; this year some orders are still open, a few overdue.
    /// </summary>
    private async Task InspectionsAsync(List<UnitRow> units, List<Team> teams, string officer, int firstYear, DateOnly today, DateTime now, Action<string> progress, CancellationToken cancellationToken)
    {
        var inspections = new List<Inspection>();
        var findings = 0;
        var orders = 0;
        for (var u = 1; u < units.Count; u++)
        {
            for (var year = firstYear; year <= today.Year; year++)
            {
                if ((u * 7 + year) % 12 != 0)
                {
                    continue;
                }

                var planned = new DateOnly(year, 3 + (u % 8), 1 + (u % 27));
                if (planned > today.AddDays(-10))
                {
                    continue;
                }

                var completed = planned.AddDays(3);
                var inspection = new Inspection
                {
                    UnitId = units[u].Unit.Id,
                    Body = InspectingBody.SuperiorOrgan,
                    BodyUnitId = units[units[u].Parent].Unit.Id,
                    Kind = InspectionKind.Routine,
                    Status = InspectionStatus.Completed,
                    PlannedOn = planned,
                    StartedOn = planned,
                    CompletedOn = completed,
                    Scope = $"{year}年度领导干部保密工作责任制落实情况",
                    Method = "听取汇报，查阅制度和台账，抽查涉密计算机和存储介质",
                    Conclusion = "保密工作责任制总体落实，个别环节存在薄弱问题，已责令整改。",
                    CreatedAtUtc = now,
                    CreatedBy = "officer",
                };
                inspection.Inspectors.Add(new InspectionInspector { UserId = officer });
                var holding = teams[u].Postings.Where(p => p.Posting.From <= planned && (p.Posting.To is null || p.Posting.To >= planned)).ToList();
                for (var f = 0; f < 1 + ((u / 12 + year) % 3) && holding.Count > 0; f++)
                {
                    var code = (1 + ((u + f) % 7)).ToString(CultureInfo.InvariantCulture);
                    var responsible = holding.Where(p => InspectionRules.IsSuggested("D15." + code, p.Posting.Role, p.Posting.LeadsSecrecyWork)).DefaultIfEmpty(holding[0]).ToList();
                    var finding = new Finding
                    {
                        UnitId = units[u].Unit.Id,
                        DeficiencyCode = "D15." + code,
                        Description = FindingTexts[(u + f) % FindingTexts.Length],
                        Severity = (FindingSeverity)((u + f) % 3),
                        EvidenceSeen = "查阅台账，现场抽查",
                        CorrectionRecommendation = "限期整改并报告整改情况",
                    };
                    foreach (var (posting, _) in responsible)
                    {
                        finding.ResponsiblePostings.Add(new FindingPosting { PostingId = posting.Id });
                    }

                    var deadline = completed.AddDays(60);
                    var order = new RectificationOrder { UnitId = units[u].Unit.Id, IssuedOn = completed, Deadline = deadline, Requirements = "限期整改并报告整改情况", Status = RectificationStatus.Open };
                    order.Transitions.Add(new RectificationTransition { Action = RectificationAction.Issue, ToStatus = RectificationStatus.Open, AtUtc = At(completed), By = "officer" });

                    // Earlier orders were reported and verified; recent ones are open, some past their deadline.
                    if (deadline.AddDays(30) < today || (u + f) % 3 != 0)
                    {
                        var reported = deadline.AddDays(-10) < today ? deadline.AddDays(-10) : today;
                        order.Status = RectificationStatus.Reported;
                        order.ReportedOn = reported;
                        order.Report = "已按要求完成整改。";
                        order.Transitions.Add(new RectificationTransition { Action = RectificationAction.Report, ToStatus = RectificationStatus.Reported, AtUtc = At(reported), By = "officer", Note = order.Report });
                        if (reported.AddDays(7) <= today)
                        {
                            order.Status = RectificationStatus.Verified;
                            order.VerifiedOn = reported.AddDays(7);
                            order.Transitions.Add(new RectificationTransition { Action = RectificationAction.Verify, ToStatus = RectificationStatus.Verified, AtUtc = At(order.VerifiedOn.Value), By = "officer" });
                        }
                    }

                    finding.Order = order;
                    inspection.Findings.Add(finding);
                    findings++;
                    orders++;
                }

                inspections.Add(inspection);
            }
        }

        await SaveAsync(inspections, cancellationToken);
        Count("Inspections", inspections.Count);
        Count("Findings", findings);
        Count("RectificationOrders", orders);
        progress($"inspections: {inspections.Count}, findings: {findings}, orders: {orders}");
    }

    /// <summary>
    /// About one unit in two hundred has a leak a year (and the first provincial department had one last year): persons,
    /// decisions once decided, and a sanction proposal.
    /// </summary>
    private async Task IncidentsAndProposalsAsync(List<UnitRow> units, List<Team> teams, string officer, int firstYear, DateOnly today, DateTime now, Action<string> progress, CancellationToken cancellationToken)
    {
        var incidents = new List<(Incident Incident, int Unit)>();
        for (var u = 1; u < units.Count; u++)
        {
            for (var year = firstYear; year <= today.Year; year++)
            {
                // Every province has at least one file: the first provincial department's, last year.
                if ((u * 13 + year) % 200 != 0 && !(u == 1 && year == today.Year - 1))
                {
                    continue;
                }

                var discovered = new DateOnly(year, 1 + (u % 12), 1 + (u % 27));
                if (discovered > today.AddDays(-2))
                {
                    continue;
                }

                var holding = teams[u].Postings.Where(p => p.Posting.From <= discovered && (p.Posting.To is null || p.Posting.To >= discovered)).ToList();
                var principal = holding.FirstOrDefault(p => p.Posting.Role == PostingRole.PrincipalLeader);
                if (principal.Posting is null)
                {
                    continue;
                }

                var decided = discovered.AddDays(120) < today;
                var at = At(discovered);
                var incident = new Incident
                {
                    UnitId = units[u].Unit.Id,
                    Title = $"{units[u].Unit.Name}涉密载体管理失控事件",
                    OccurredOn = discovered.AddDays(-2),
                    DiscoveredAtUtc = at,
                    ReportedToSecrecyDepartmentAtUtc = at.AddHours(u % 5 == 0 ? 40 : 6),
                    Classification = (Classification)(u % 3),
                    LeakType = LeakType.BeyondScopeNotProvable,
                    Carrier = (SecretCarrier)(u % 4),
                    Description = "涉密载体超出限定的接触范围，不能证明未被不应知悉者知悉。已追回，未发现扩散。",
                    Severity = (CircumstanceSeverity)(1 + (u % 3)),
                    Loss = (Loss)(u % 2),
                    RemedialMeasures = "追回载体，开展保密教育，修订管理制度。",
                    Status = decided ? IncidentStatus.Decided : IncidentStatus.UnderInvestigation,
                    CreatedAtUtc = at.AddHours(1),
                    CreatedBy = "officer",
                };
                incident.Transitions.Add(new IncidentTransition { Action = IncidentAction.Register, ToStatus = IncidentStatus.Registered, AtUtc = at.AddHours(1), By = "officer" });
                incident.Transitions.Add(new IncidentTransition { Action = IncidentAction.StartInvestigation, ToStatus = IncidentStatus.UnderInvestigation, AtUtc = at.AddDays(1), By = "officer" });
                if (decided)
                {
                    incident.Transitions.Add(new IncidentTransition { Action = IncidentAction.SendToDisciplineReview, ToStatus = IncidentStatus.UnderDisciplineReview, AtUtc = at.AddDays(30), By = "officer" });
                    incident.Transitions.Add(new IncidentTransition { Action = IncidentAction.Decide, ToStatus = IncidentStatus.Decided, AtUtc = at.AddDays(90), By = "discipline" });
                }

                incident.Grants.Add(new IncidentGrant { UserId = officer });
                incident.Persons.Add(new IncidentPerson { UnitId = incident.UnitId, PostingId = principal.Posting.Id, Involvement = Involvement.LeadershipFailure, IsPartyMember = principal.Leader.IsPartyMember });
                incident.Persons.Add(new IncidentPerson { UnitId = incident.UnitId, Name = Surnames[u % Surnames.Length] + "某", Post = "机要员", Involvement = Involvement.PersonalLeak });
                incidents.Add((incident, u));
            }
        }

        await SaveAsync([.. incidents.Select(i => i.Incident)], cancellationToken);

        // The decisions and proposals name the saved file and persons.
        var decisions = new List<SanctionDecision>();
        var proposals = new List<Proposal>();
        foreach (var (incident, u) in incidents.Where(i => i.Incident.Status == IncidentStatus.Decided))
        {
            var decidedOn = DateOnly.FromDateTime(incident.DiscoveredAtUtc).AddDays(90);
            var person = incident.Persons.First();
            decisions.Add(new SanctionDecision
            {
                IncidentPersonId = person.Id,
                IncidentId = incident.Id,
                UnitId = incident.UnitId,
                Administrative = null,
                Party = person.IsPartyMember ? PartySanction.Warning : null,
                DecidedOn = decidedOn,
                DocumentNumber = $"纪发〔{decidedOn.Year}〕{incident.Id}号",
                OutsideGuidance = false,
                RecordedAtUtc = At(decidedOn),
                RecordedBy = "discipline",
            });
            var leaderId = teams[u].Postings.First(p => p.Posting.Id == person.PostingId).Leader.Id;
            var sent = decidedOn.AddDays(10);
            proposals.Add(new Proposal
            {
                Kind = ProposalKind.Sanction,
                LeaderId = leaderId,
                UnitId = incident.UnitId,
                Body = ProposingBody.SecrecyDepartment,
                BodyUnitId = units[0].Unit.Id,
                Recipient = "中共示范省委组织部",
                Basis = ProposalBasis.Incident,
                BasisDescription = $"泄密事件案卷第{incident.Id}号",
                IncidentId = incident.Id,
                Content = "建议依规给予处分。",
                SentOn = sent,
                FeedbackDueOn = sent.AddDays(30),
                Feedback = sent.AddDays(40) < today ? "已按建议处理。" : null,
                FeedbackOn = sent.AddDays(40) < today ? sent.AddDays(25) : null,
                FeedbackRecordedBy = sent.AddDays(40) < today ? "cadre" : null,
                CreatedAtUtc = At(sent),
                CreatedBy = "officer",
            });
        }

        await SaveAsync(decisions, cancellationToken);
        await SaveAsync(proposals, cancellationToken);
        Count("Incidents", incidents.Count);
        Count("SanctionDecisions", decisions.Count);
        Count("Proposals", proposals.Count);
        progress($"incidents: {incidents.Count}, decisions: {decisions.Count}, proposals: {proposals.Count}");
    }

    private static DateTime At(DateOnly day) => new(day, new TimeOnly(2, 0), DateTimeKind.Utc);

    private void Count(string table, int rows) => _counts.Add((table, rows));

    /// <summary>Adds and saves in batches, forgetting each batch once written so that memory stays bounded.</summary>
    private async Task SaveAsync<T>(IReadOnlyList<T> entities, CancellationToken cancellationToken)
        where T : class
    {
        for (var i = 0; i < entities.Count; i += Batch)
        {
            foreach (var entity in entities.Skip(i).Take(Batch))
            {
                db.Add(entity);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
