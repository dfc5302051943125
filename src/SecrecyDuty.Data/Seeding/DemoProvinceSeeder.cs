using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;

namespace SecrecyDuty.Data.Seeding;

/// <summary>A demo sign-in printed to the console in Development.</summary>
public sealed record DemoAccount(string UserName, string Role, string UnitName);

/// <summary>
/// A small fictional province (示范省) in three levels with one demo account per role, for the
/// Development environment only. Runs once: it does nothing when any unit exists.
/// </summary>
public sealed class DemoProvinceSeeder(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>Shared by every demo account; meets the password policy. Never used outside Development.</summary>
    public const string DemoPassword = "Demo-Password-2026";

    private static readonly (string Code, string Name, UnitKind Kind, AdministrativeLevel Level, string? Parent)[] DemoUnits =
    [
        ("SF", "中共示范省委员会", UnitKind.PartyOrgan, AdministrativeLevel.Provincial, null),
        ("SF-BMJ", "示范省国家保密局", UnitKind.StateOrgan, AdministrativeLevel.Prefectural, "SF"),
        ("SF-JYT", "示范省教育厅", UnitKind.StateOrgan, AdministrativeLevel.Prefectural, "SF"),
        ("SF-CZT", "示范省财政厅", UnitKind.StateOrgan, AdministrativeLevel.Prefectural, "SF"),
        ("SF-SKL", "示范省社会科学界联合会", UnitKind.SocialOrganization, AdministrativeLevel.Prefectural, "SF"),
        ("SF-JTTZ", "示范省交通投资集团有限公司", UnitKind.StateOwnedEnterprise, AdministrativeLevel.Prefectural, "SF"),
        ("SF-QS", "中共青山市委员会", UnitKind.PartyOrgan, AdministrativeLevel.Prefectural, "SF"),
        ("SF-JYT-KSY", "示范省教育考试院", UnitKind.PublicInstitution, AdministrativeLevel.County, "SF-JYT"),
        ("SF-QS-JYJ", "青山市教育局", UnitKind.StateOrgan, AdministrativeLevel.County, "SF-QS"),
        ("SF-QS-BMJ", "青山市国家保密局", UnitKind.StateOrgan, AdministrativeLevel.County, "SF-QS"),
        ("SF-QS-NY", "青山能源集团有限公司", UnitKind.StateOwnedEnterprise, AdministrativeLevel.County, "SF-QS"),
        ("SF-QS-YQS", "青山精密仪器研究所", UnitKind.OtherSecretHandlingUnit, AdministrativeLevel.County, "SF-QS"),

        // Added last, so that the units above keep their activities (which vary with a unit's place in this list).
        (NewUnit, "青山市数据局", UnitKind.StateOrgan, AdministrativeLevel.County, "SF-QS"),
        (ClosedUnit, "青山市经济信息中心", UnitKind.PublicInstitution, AdministrativeLevel.County, "SF-QS"),
    ];

    /// <summary>
    /// When the demo units were set up: most more than five years ago, 青山精密仪器研究所 within the five years the
    /// dashboards show, 青山市数据局 in November of the current year (<see cref="NewUnit"/>).
    /// </summary>
    private static readonly Dictionary<string, DateOnly> SetUpOn = new()
    {
        ["SF"] = new DateOnly(1949, 12, 1),
        ["SF-BMJ"] = new DateOnly(1988, 9, 1),
        ["SF-JYT"] = new DateOnly(1950, 2, 1),
        ["SF-CZT"] = new DateOnly(1950, 2, 1),
        ["SF-SKL"] = new DateOnly(1979, 12, 20),
        ["SF-JTTZ"] = new DateOnly(2008, 6, 18),
        ["SF-QS"] = new DateOnly(1983, 9, 1),
        ["SF-JYT-KSY"] = new DateOnly(2000, 4, 1),
        ["SF-QS-JYJ"] = new DateOnly(1984, 1, 10),
        ["SF-QS-BMJ"] = new DateOnly(1990, 5, 1),
        ["SF-QS-NY"] = new DateOnly(2011, 3, 28),
        ["SF-QS-YQS"] = new DateOnly(2022, 3, 1),
        [ClosedUnit] = new DateOnly(1995, 8, 1),
    };

    /// <summary>Art. 2: 示范省交通投资集团 is a large enterprise; 青山能源集团 is a small one, whose leaders are not in scope.</summary>
    private static readonly HashSet<string> LargeOrMediumEnterprises = ["SF-JTTZ"];

    /// <summary>Set up in November of the seeder's year; so small that its principal leader also leads its secrecy work (art. 6).</summary>
    private const string NewUnit = "SF-QS-SJJ";

    /// <summary>Closed in a past year (its work went to 青山市数据局): deactivated, its postings ended on the closing date.</summary>
    private const string ClosedUnit = "SF-QS-JJXX";

    // Rule areas (S6.6) marked not applicable to a unit, with the reason (rules are made "结合本单位工作特点").
    private static readonly Dictionary<string, (string Area, string Reason)> NotApplicableRuleAreas = new()
    {
        ["SF-QS-NY"] = ("R8", "本企业为能源供应企业，不承担科学技术研究和涉密科技项目。"),
        [NewUnit] = ("R8", "本单位不承担科学技术研究任务。"),
    };

    // Rule areas (S6.6) some demo units have not yet adopted, so that gaps show; SF-SKL has no secrecy organization at all.
    private static readonly Dictionary<string, string[]> MissingRuleAreas = new()
    {
        ["SF-QS-NY"] = ["R6"],
        ["SF-JYT-KSY"] = ["R7"],
        ["SF-QS-YQS"] = ["R9"],
        ["SF-SKL"] = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"],
    };

    private const string UnitWithoutSecrecyOrganization = "SF-SKL";

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] GivenNames = ["建国", "海燕", "志强", "秀英", "卫东", "丽华", "国庆", "晓明", "春梅", "文斌", "红霞", "立新", "雪松", "桂芳", "振华", "静怡", "永刚", "晓燕", "德明", "玉兰", "成林", "慧敏", "光辉", "淑珍"];

    private static readonly (string UserName, string DisplayName, string Role, string Unit)[] DemoUsers =
    [
        ("admin", "系统管理员", Roles.Administrator, "SF"),
        ("officer", "李保密（省保密局）", Roles.SecrecyOfficer, "SF"),
        ("qs.officer", "王青（青山市保密局）", Roles.SecrecyOfficer, "SF-QS"),
        ("discipline", "赵纪（省纪委监委）", Roles.DisciplineOfficial, "SF"),
        ("supervisor", "钱督（省委办公厅）", Roles.Supervisor, "SF"),
        ("leader", "张教（省教育厅厅长）", Roles.UnitLeader, "SF-JYT"),
        ("cadre", "孙组（省委组织部）", Roles.CadreOfficial, "SF"),
    ];

    public async Task<IReadOnlyList<DemoAccount>> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (!await db.Units.AnyAsync(cancellationToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = LocalDate.Today(clock);
            var byCode = new Dictionary<string, Unit>();
            foreach (var (code, name, kind, level, parent) in DemoUnits)
            {
                var unit = new Unit
                {
                    Code = code,
                    Name = name,
                    Kind = kind,
                    Level = level,
                    IsLargeOrMediumEnterprise = LargeOrMediumEnterprises.Contains(code),
                    EstablishedOn = code == NewUnit ? NewUnitSetUpOn(today) : SetUpOn[code],
                    ClosedOn = code == ClosedUnit ? ClosedUnitClosedOn(today) : null,
                    IsActive = code != ClosedUnit,
                    CreatedAtUtc = now,
                };
                int? parentId = parent is null ? null : byCode[parent].Id;
                await UnitTree.AddAsync(db, unit, parentId, cancellationToken);

                // Parents are saved before their children so the closure rows can copy their ancestry.
                await db.SaveChangesAsync(cancellationToken);
                byCode[code] = unit;
            }

            foreach (var (userName, displayName, role, unitCode) in DemoUsers)
            {
                var user = new AppUser
                {
                    UserName = userName,
                    DisplayName = displayName,
                    UnitId = byCode[unitCode].Id,
                    LockoutEnabled = true,
                    CreatedAtUtc = now,
                };
                Check(await users.CreateAsync(user, DemoPassword));
                Check(await users.AddToRoleAsync(user, role));
            }

            await SeedLeadershipAsync(byCode, now, today, cancellationToken);
            await SeedActivitiesAsync(byCode, now, cancellationToken);

            // The demo unit leader's account is 张教's: his postings, checklist and appraisal are "his own".
            var leaderAccount = await db.Users.SingleAsync(u => u.UserName == "leader", cancellationToken);
            leaderAccount.LeaderId = await db.Leaders.Where(l => l.Name == "张教" && l.UnitId == byCode["SF-JYT"].Id).Select(l => l.Id).SingleAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        var names = DemoUsers.Select(u => u.UserName).ToList();
        var present = await db.Users.AsNoTracking()
            .Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, UnitName = u.Unit!.Name })
            .ToListAsync(cancellationToken);
        return [.. DemoUsers
            .Join(present, d => d.UserName, p => p.UserName, (d, p) => new DemoAccount(d.UserName, d.Role, p.UnitName))];
    }

    /// <summary>The new unit's set-up date: 1 November of the seeder's year, or today before November (never in the future).</summary>
    private static DateOnly NewUnitSetUpOn(DateOnly today)
    {
        var november = new DateOnly(today.Year, 11, 1);
        return november <= today ? november : today;
    }

    private static DateOnly ClosedUnitClosedOn(DateOnly today) => new(today.Year - 2, 6, 30);

    /// <summary>
    /// A leadership team per unit (two principal leaders, the leader in charge of secrecy, other members;
    /// one earlier principal whose posting has ended), a secrecy organization for all units but one, and rule
    /// registers with a few gaps and two areas marked not applicable. The new unit's principal leader also leads its
    /// secrecy work; the closed unit's postings end on its closing date. Deterministic: the same demo every time.
    /// </summary>
    private async Task SeedLeadershipAsync(Dictionary<string, Unit> units, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var ruleAreas = await db.RuleAreas.AsNoTracking()
            .Where(r => db.Regulations.Any(g => g.Id == r.RegulationId && g.IsCurrent))
            .OrderBy(r => r.SortOrder)
            .Select(r => new { r.Id, r.Code })
            .ToListAsync(cancellationToken);
        var personIndex = 0;
        var postingStart = new DateOnly(2023, 1, 1);
        foreach (var (code, _, kind, level, _) in DemoUnits)
        {
            var unit = units[code];
            var setUp = unit.EstablishedOn!.Value;
            var isNew = code == NewUnit;
            var team = TeamFor(kind, code);
            var leaders = new List<(Leader Leader, PostingRole Role, bool LeadsSecrecyWork)>();
            for (var i = 0; i < team.Length; i++)
            {
                var (title, role, portfolio) = team[i];
                var name = code == "SF-JYT" && i == 1 ? "张教" : PersonName(personIndex);
                var leadsSecrecyWork = isNew && role == PostingRole.PrincipalLeader;
                var leader = new Leader
                {
                    Name = name,
                    StaffNumber = $"DEMO-{personIndex + 1:D4}",
                    Rank = RankFor(level, role),
                    IsPartyMember = i != team.Length - 1 || kind == UnitKind.PartyOrgan,
                    Phone = $"0871-6{personIndex + 1:D3}{i:D4}",
                    Unit = unit,
                    IsActive = unit.IsActive,
                    CreatedAtUtc = now,
                };
                personIndex++;
                db.Leaders.Add(leader);
                db.Postings.Add(new Posting
                {
                    Leader = leader,
                    Unit = unit,
                    Role = role,
                    LeadsSecrecyWork = leadsSecrecyWork,
                    Title = title,
                    Portfolio = portfolio,
                    From = isNew ? setUp : postingStart.AddMonths(i),
                    To = unit.ClosedOn,
                    CreatedAtUtc = now,
                });
                leaders.Add((leader, role, leadsSecrecyWork));
            }

            // A predecessor whose principal posting ended: the team on an earlier date differs (not in a unit just set up).
            if (!isNew)
            {
                var predecessor = new Leader
                {
                    Name = PersonName(personIndex),
                    StaffNumber = $"DEMO-{personIndex + 1:D4}",
                    Rank = RankFor(level, PostingRole.PrincipalLeader),
                    IsPartyMember = true,
                    Unit = unit,
                    IsActive = unit.IsActive,
                    CreatedAtUtc = now,
                };
                personIndex++;
                db.Leaders.Add(predecessor);
                db.Postings.Add(new Posting
                {
                    Leader = predecessor,
                    Unit = unit,
                    Role = PostingRole.PrincipalLeader,
                    Title = team[0].Title,
                    From = Latest(new DateOnly(2018, 3, 1), setUp),
                    To = postingStart.AddDays(-1),
                    CreatedAtUtc = now,
                });
            }

            if (code != UnitWithoutSecrecyOrganization)
            {
                // S6.1: the leader in charge of secrecy work chairs the organization, whichever role carries the charge.
                var chair = leaders.First(l => l.Role == PostingRole.SecrecyLeader || l.LeadsSecrecyWork).Leader;
                var organization = new SecrecyOrganization
                {
                    Unit = unit,
                    Kind = kind is UnitKind.PartyOrgan or UnitKind.StateOrgan ? SecrecyOrganizationKind.Committee : SecrecyOrganizationKind.LeadingGroup,
                    EstablishedOn = Latest(new DateOnly(2019, 4, 15), setUp),
                    ChairLeader = chair,
                    OfficeName = unit.Name + "保密办公室",
                    OfficeHead = PersonName(personIndex + 100),
                    OfficePhone = "0871-66000000",
                    AnnualBudget = level switch { AdministrativeLevel.Provincial => 800_000m, AdministrativeLevel.Prefectural => 300_000m, _ => 80_000m },
                    BudgetYear = 2026,
                    Facilities = "保密室一间，配备保密柜、碎纸机、涉密计算机及屏蔽设备",
                };
                foreach (var (member, _, _) in leaders)
                {
                    organization.Members.Add(new SecrecyOrganizationMember { Leader = member, Name = member.Name, Position = "成员" });
                }

                organization.Members.Add(new SecrecyOrganizationMember { Name = organization.OfficeHead, Position = "保密办主任" });
                organization.Cadres.Add(new SecrecyCadre { Name = organization.OfficeHead, Position = "保密办主任", IsFullTime = true, LastTrainedOn = new DateOnly(2026, 5, 20) });
                organization.Cadres.Add(new SecrecyCadre { Name = PersonName(personIndex + 200), Position = "综合科科员", IsFullTime = false, LastTrainedOn = new DateOnly(2025, 9, 12) });
                db.SecrecyOrganizations.Add(organization);
            }

            var missing = MissingRuleAreas.TryGetValue(code, out var gaps) ? gaps : [];
            var notApplicable = NotApplicableRuleAreas.TryGetValue(code, out var exemption) ? exemption.Area : null;
            var adoptedOn = Latest(new DateOnly(2020, 6, 1), setUp);
            // Revised in 2025 where the rules were adopted before and the unit still existed then.
            var revised = new DateOnly(2025, 3, 10);
            DateOnly? revisedOn = revised > adoptedOn && (unit.ClosedOn is null || revised <= unit.ClosedOn) ? revised : null;
            foreach (var area in ruleAreas.Where(a => !missing.Contains(a.Code) && a.Code != notApplicable))
            {
                db.RuleRegisterEntries.Add(new RuleRegisterEntry
                {
                    Unit = unit,
                    RuleAreaId = area.Id,
                    AdoptedOn = adoptedOn,
                    LastRevisedOn = revisedOn,
                    DocumentReference = $"{unit.Code}保〔{(revisedOn ?? adoptedOn).Year}〕{area.Code[1..]}号",
                });
            }

            if (notApplicable is not null && ruleAreas.Find(a => a.Code == notApplicable) is { } exempted)
            {
                db.RuleAreaExemptions.Add(new RuleAreaExemption
                {
                    Unit = unit,
                    RuleAreaId = exempted.Id,
                    Reason = exemption.Reason,
                    RecordedBy = "officer",
                    RecordedAtUtc = now,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Five years of hearings of the secrecy organization's report (P5.3, one each half-year as is the province's
    /// practice), member meetings, directive studies and trainings with gaps that vary by unit and year, so that the
    /// heat map and the trends show something. 示范省教育厅 (the demo leader's unit) has heard this year's first-half
    /// report but not yet the second-half one: journey 1 starts there.
    /// </summary>
    private async Task SeedActivitiesAsync(Dictionary<string, Unit> units, DateTime now, CancellationToken cancellationToken)
    {
        // Only while a unit existed: from its set-up date to its closing date.
        var today = LocalDate.Today(clock);
        var postings = await db.Postings.AsNoTracking()
            .Select(p => new { p.Id, p.UnitId, p.Role, p.From, p.To })
            .ToListAsync(cancellationToken);
        for (var i = 0; i < DemoUnits.Length; i++)
        {
            var unit = units[DemoUnits[i].Code];
            for (var year = today.Year - 4; year <= today.Year; year++)
            {
                var current = year == today.Year;
                var plan = new List<(ActivityKind Kind, DateOnly Date, string Title)>();
                if ((i + year) % 5 != 0 || current)
                {
                    plan.Add((ActivityKind.Briefing, new DateOnly(year, 4, 15), $"{year}年上半年听取保密组织的情况汇报"));
                }

                var secondHalfBriefing = current ? i % 3 == 1 && unit.Code != "SF-JYT" : (i + year) % 4 != 0;
                if (secondHalfBriefing)
                {
                    plan.Add((ActivityKind.Briefing, new DateOnly(year, 10, 20), $"{year}年下半年听取保密组织的情况汇报"));
                }

                plan.Add((ActivityKind.MemberMeeting, new DateOnly(year, 3, 10), $"{year}年第一次保密委员会成员会议"));
                // 示范省教育厅 keeps its other duties this year, so that the second-half report is all it lacks.
                if ((i + year) % 3 != 0 || (current && unit.Code == "SF-JYT"))
                {
                    plan.Add((ActivityKind.MemberMeeting, new DateOnly(year, 9, 8), $"{year}年第二次保密委员会成员会议"));
                }

                plan.Add((ActivityKind.DirectiveStudy, new DateOnly(year, 2, 25), "传达学习上级保密工作会议精神"));
                if ((i + year) % 4 != 1)
                {
                    plan.Add((ActivityKind.Training, new DateOnly(year, 5, 20), $"{year}年度保密教育培训"));
                }

                foreach (var (kind, date, title) in plan.Where(p => p.Date <= today && p.Date >= unit.EstablishedOn && (unit.ClosedOn is null || p.Date <= unit.ClosedOn)))
                {
                    var activity = new Activity
                    {
                        Unit = unit,
                        Kind = kind,
                        Date = date,
                        Title = title,
                        Presenters = "保密办主任",
                        Topics = kind switch
                        {
                            ActivityKind.Briefing => "本单位保密工作总体情况；保密检查发现问题及整改进展；下一阶段工作安排",
                            ActivityKind.MemberMeeting => "研究保密管理具体问题；部署保密自查自评",
                            ActivityKind.Training => "保密法律法规；涉密载体和信息系统管理；典型泄密案例警示",
                            _ => "传达学习上级有关保密工作的指示、决定",
                        },
                        Decisions = "同意保密办工作安排，责成各处室按要求落实",
                        Audience = kind == ActivityKind.Training ? "全体干部职工" : null,
                        HeadCount = kind == ActivityKind.Training ? 60 + (i * 7 % 40) : null,
                        CreatedAtUtc = now,
                    };
                    var present = postings.Where(p => p.UnitId == unit.Id && p.From <= date && (p.To == null || p.To >= date)
                        && (kind != ActivityKind.Briefing || p.Role != PostingRole.OtherMember));
                    foreach (var posting in present)
                    {
                        activity.Attendance.Add(new ActivityAttendance { PostingId = posting.Id });
                    }

                    db.Activities.Add(activity);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static (string Title, PostingRole Role, string? Portfolio)[] TeamFor(UnitKind kind, string code) => kind switch
    {
        // A small new unit: no second principal and no separate leader in charge of secrecy work (art. 6 does not require one).
        _ when code == NewUnit =>
            [("党组书记、局长", PostingRole.PrincipalLeader, null), ("副局长", PostingRole.OtherMember, "数据资源、信息化建设")],
        UnitKind.PartyOrgan => code == "SF"
            ? [("省委书记", PostingRole.PrincipalLeader, null), ("省委副书记、省长", PostingRole.PrincipalLeader, null), ("省委常委、秘书长", PostingRole.SecrecyLeader, "省委办公厅、机要保密"), ("省委常委、组织部部长", PostingRole.OtherMember, "组织、干部")]
            : [("市委书记", PostingRole.PrincipalLeader, null), ("市委副书记、市长", PostingRole.PrincipalLeader, null), ("市委常委、秘书长", PostingRole.SecrecyLeader, "市委办公室、机要保密"), ("市委常委、宣传部部长", PostingRole.OtherMember, "宣传、新闻出版")],
        UnitKind.StateOwnedEnterprise =>
            [("党委书记、董事长", PostingRole.PrincipalLeader, null), ("总经理", PostingRole.PrincipalLeader, null), ("副总经理", PostingRole.SecrecyLeader, "办公室、保密、信息化"), ("副总经理", PostingRole.OtherMember, "工程建设、科技研发")],
        UnitKind.PublicInstitution or UnitKind.OtherSecretHandlingUnit =>
            [("党委书记", PostingRole.PrincipalLeader, null), ("院长", PostingRole.PrincipalLeader, null), ("副院长", PostingRole.SecrecyLeader, "办公室、保密、档案"), ("副院长", PostingRole.OtherMember, "科研、对外合作")],
        UnitKind.SocialOrganization =>
            [("党组书记", PostingRole.PrincipalLeader, null), ("主席", PostingRole.PrincipalLeader, null), ("副主席", PostingRole.SecrecyLeader, "办公室、保密"), ("副主席", PostingRole.OtherMember, "学术交流、出版")],
        _ =>
            [("党组书记", PostingRole.PrincipalLeader, null), ("厅（局）长", PostingRole.PrincipalLeader, null), ("副厅（局）长", PostingRole.SecrecyLeader, "办公室、保密、信息化"), ("副厅（局）长", PostingRole.OtherMember, "规划、财务"), ("纪检监察组组长", PostingRole.OtherMember, "纪检监察")],
    };

    private static LeaderRank RankFor(AdministrativeLevel level, PostingRole role) => (level, role) switch
    {
        (AdministrativeLevel.Provincial, _) => LeaderRank.ProvincialMinisterial,
        (AdministrativeLevel.Prefectural, _) => LeaderRank.DepartmentBureau,
        (AdministrativeLevel.County, PostingRole.PrincipalLeader or PostingRole.SecrecyLeader) => LeaderRank.CountyDivision,

        // Below county rank: in scope only in an "other secret-handling unit" (art. 2).
        _ => LeaderRank.Below,
    };

    private static DateOnly Latest(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string PersonName(int index) =>
        Surnames[index % Surnames.Length] + GivenNames[(index * 7 + index / Surnames.Length) % GivenNames.Length];

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
