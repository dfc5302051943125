using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Incidents;
using SecrecyDuty.Core.Incidents.Sanctions;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Proposals;
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

            await SeedInspectionsAsync(byCode, now, today, cancellationToken);
            await SeedProposalsAsync(byCode, now, today, cancellationToken);
            await SeedIncidentsAsync(byCode, now, today, cancellationToken);
            await SeedChecklistsAsync(now, today, cancellationToken);
        }

        var names = DemoUsers.Select(u => u.UserName).ToList();
        var present = await db.Users.AsNoTracking()
            .Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, UnitName = u.Unit!.Name })
            .ToListAsync(cancellationToken);
        return [.. DemoUsers
            .Join(present, d => d.UserName, p => p.UserName, (d, p) => new DemoAccount(d.UserName, d.Role, p.UnitName))];
    }

    /// <summary>
    /// This year's duty checklists (arts. 4–7, 9) in the states a real province shows late in the year: of the postings in
    /// scope holding today, in turn one submitted, one reviewed with the secrecy organization's opinion, one returned
    /// for changes, one still open and one not generated yet (the daily job generates it on its next run); the members of
    /// two units who left at the end of June keep theirs missing (the job makes only those of postings holding today). 示范省教育厅's
    /// are reviewed, so that the second-half report stays all that unit lacks (journey 1), and the demo leader 张教's is
    /// open for him to work through.
    /// </summary>
    private async Task SeedChecklistsAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var catalogue = await ChecklistFactory.CurrentCatalogueAsync(db, cancellationToken);
        if (catalogue.Count == 0)
        {
            return;
        }

        var postings = await db.Postings.AsNoTracking()
            .Where(LeaderScope.PostingInScope)
            .Where(p => p.From <= today && (p.To == null || p.To >= today))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.UnitId, p.Role, p.LeadsSecrecyWork, UnitCode = p.Unit!.Code, LeaderName = p.Leader!.Name })
            .ToListAsync(cancellationToken);
        for (var i = 0; i < postings.Count; i++)
        {
            var p = postings[i];
            ChecklistStatus? status = p.LeaderName == "张教" ? ChecklistStatus.Open
                : p.UnitCode == "SF-JYT" ? ChecklistStatus.Reviewed
                : (i % 5) switch
                {
                    0 => ChecklistStatus.Submitted,
                    1 => ChecklistStatus.Reviewed,
                    2 => ChecklistStatus.Returned,
                    3 => ChecklistStatus.Open,
                    _ => null,
                };
            if (status is not { } state)
            {
                continue;
            }

            var checklist = ChecklistFactory.New(p.Id, p.UnitId, p.Role, p.LeadsSecrecyWork, today.Year, catalogue);
            checklist.Status = state;
            var done = state == ChecklistStatus.Open ? checklist.Items.Count / 2 : checklist.Items.Count;
            foreach (var item in checklist.Items.Take(done))
            {
                item.Status = ChecklistItemStatus.Fulfilled;
                item.SelfAssessment = "已按要求落实";
            }

            if (state != ChecklistStatus.Open)
            {
                checklist.SubmittedAtUtc = now.AddDays(-20);
            }

            if (state is ChecklistStatus.Reviewed or ChecklistStatus.Returned)
            {
                checklist.ReviewedAtUtc = now.AddDays(-10);
                checklist.ReviewedBy = "officer";
                checklist.OrganizationOpinion = state == ChecklistStatus.Reviewed
                    ? "履行保密工作职责情况良好，同意。"
                    : "自评过于简略，请补充保密检查和整改落实情况后重新提交。";
            }

            db.DutyChecklists.Add(checklist);
        }

        await db.SaveChangesAsync(cancellationToken);
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

            // A member who left at the end of June: in scope for part of this year, his checklist of the year was never made
            // (the daily job makes those of postings holding today; the checklists page's button back-fills it).
            var midYear = new DateOnly(today.Year, 6, 30);
            if (code is "SF-QS-NY" or UnitWithoutSecrecyOrganization && midYear < today && unit.IsActive)
            {
                var leaver = new Leader
                {
                    Name = PersonName(personIndex),
                    StaffNumber = $"DEMO-{personIndex + 1:D4}",
                    Rank = RankFor(level, PostingRole.OtherMember),
                    IsPartyMember = true,
                    Unit = unit,
                    IsActive = true,
                    CreatedAtUtc = now,
                };
                personIndex++;
                db.Leaders.Add(leaver);
                db.Postings.Add(new Posting
                {
                    Leader = leaver,
                    Unit = unit,
                    Role = PostingRole.OtherMember,
                    Title = "副主任",
                    Portfolio = "办公室、后勤",
                    From = Latest(postingStart, setUp),
                    To = midYear,
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

    /// <summary>
    /// Inspections of art. 8 with findings and rectification orders of art. 15 (journey 2), dated from today so that the
    /// demo always shows each state: 示范省教育考试院, inspected by its superior organ 示范省教育厅 two months ago, has an
    /// overdue order (its missing rules on putting information online, R7) and one reported and awaiting verification;
    /// 青山精密仪器研究所 is being inspected and has an open order (its missing leak rules, R9); 青山能源集团's order of
    /// last year is verified; 示范省交通投资集团's self-inspection recommends a correction; 示范省财政厅's is planned.
    /// Each finding names the posting of the leader in charge of secrecy work that held on the inspection date; orders
    /// come only from a superior organ or the secrecy department. 示范省教育厅 itself (the demo leader's unit, journey 1)
    /// has none: journey 2 inspects it in the browser tests.
    /// </summary>
    private async Task SeedInspectionsAsync(Dictionary<string, Unit> units, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var inspectors = await db.Users.AsNoTracking()
            .Where(u => u.UserName == "officer" || u.UserName == "qs.officer")
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var postings = await db.Postings.AsNoTracking()
            .Select(p => new { p.Id, p.UnitId, p.Role, p.LeadsSecrecyWork, p.From, p.To })
            .ToListAsync(cancellationToken);
        DateTime At(DateOnly day) => new(day, new TimeOnly(2, 0), DateTimeKind.Utc);

        foreach (var plan in DemoInspections)
        {
            var unit = units[plan.Unit];
            var planned = today.AddDays(plan.PlannedOn);
            DateOnly? started = plan.StartedOn is { } s ? today.AddDays(s) : null;
            DateOnly? completed = plan.CompletedOn is { } c ? today.AddDays(c) : null;
            var inspection = new Inspection
            {
                Unit = unit,
                Body = plan.Body,
                BodyUnit = units[plan.BodyUnit],
                Kind = plan.Kind,
                Status = completed is not null ? InspectionStatus.Completed : started is not null ? InspectionStatus.InProgress : InspectionStatus.Planned,
                PlannedOn = planned,
                StartedOn = started,
                CompletedOn = completed,
                Scope = $"{(started ?? planned).Year}年度领导干部保密工作责任制落实情况",
                Method = "听取保密工作情况汇报，查阅保密制度、会议记录和台账，抽查涉密计算机和存储介质",
                Conclusion = completed is null ? null : plan.Conclusion,
                CreatedAtUtc = now,
                CreatedBy = plan.Inspector,
            };
            inspection.Inspectors.Add(new InspectionInspector { UserId = inspectors[plan.Inspector] });

            // The postings that answer for a finding held on the inspection date (InspectionRules.MayBeResponsible).
            var date = InspectionRules.InspectionDate(planned, started);
            foreach (var f in plan.Findings)
            {
                var responsible = postings
                    .Where(p => InspectionRules.MayBeResponsible(p.UnitId, p.From, p.To, unit.Id, date) && InspectionRules.IsSuggested(f.Code, p.Role, p.LeadsSecrecyWork))
                    .ToList();
                if (started is null || responsible.Count == 0)
                {
                    continue;
                }

                var finding = new Finding
                {
                    UnitId = unit.Id,
                    DeficiencyCode = f.Code,
                    Description = f.Description,
                    Severity = f.Severity,
                    EvidenceSeen = f.Evidence,
                    CorrectionRecommendation = InspectionRules.Allows(plan.Body, FindingConsequence.CorrectionRecommendation) ? f.Requirements : null,
                };
                foreach (var posting in responsible)
                {
                    finding.ResponsiblePostings.Add(new FindingPosting { PostingId = posting.Id });
                }

                if (f.Order is { } o && InspectionRules.Allows(plan.Body, FindingConsequence.RectificationOrder))
                {
                    // Issued while the inspection was in progress, on its last day so far.
                    var issued = completed ?? started.Value;
                    var order = new RectificationOrder
                    {
                        UnitId = unit.Id,
                        IssuedOn = issued,
                        Deadline = today.AddDays(o.Deadline),
                        Requirements = f.Requirements,
                        Status = RectificationStatus.Open,
                    };
                    order.Transitions.Add(new RectificationTransition { Action = RectificationAction.Issue, ToStatus = RectificationStatus.Open, AtUtc = At(issued), By = plan.Inspector });
                    if (o.ReportedOn is { } r)
                    {
                        order.Status = RectificationStatus.Reported;
                        order.Report = o.Report;
                        order.ReportedOn = today.AddDays(r);
                        order.Transitions.Add(new RectificationTransition { Action = RectificationAction.Report, ToStatus = RectificationStatus.Reported, AtUtc = At(order.ReportedOn.Value), By = plan.Inspector, Note = o.Report });
                    }

                    if (o.VerifiedOn is { } v)
                    {
                        order.Status = RectificationStatus.Verified;
                        order.VerifiedOn = today.AddDays(v);
                        order.Transitions.Add(new RectificationTransition { Action = RectificationAction.Verify, ToStatus = RectificationStatus.Verified, AtUtc = At(order.VerifiedOn.Value), By = plan.Inspector });
                    }

                    finding.Order = order;
                }

                inspection.Findings.Add(finding);
            }

            db.Inspections.Add(inspection);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Art. 17 proposals and art. 10 commendations, dated from today: a sanction proposal about the principal leader of
    /// the unit whose rectification order is overdue, its feedback overdue; a commendation proposal answered; a
    /// commendation of a leader and one of a unit.
    /// </summary>
    private async Task SeedProposalsAsync(Dictionary<string, Unit> units, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        Task<int> PrincipalOfAsync(string code) => db.Postings
            .Where(p => p.UnitId == units[code].Id && p.Role == PostingRole.PrincipalLeader && p.To == null)
            .OrderBy(p => p.Id)
            .Select(p => p.LeaderId)
            .FirstAsync(cancellationToken);

        var examCentre = await PrincipalOfAsync("SF-JYT-KSY");
        var energy = await PrincipalOfAsync("SF-QS-NY");
        db.Proposals.Add(new Proposal
        {
            Kind = ProposalKind.Sanction,
            LeaderId = examCentre,
            UnitId = units["SF-JYT-KSY"].Id,
            Body = ProposingBody.SecrecyDepartment,
            BodyUnitId = units["SF-BMJ"].Id,
            Recipient = "中共示范省委组织部",
            Basis = ProposalBasis.Inspection,
            BasisDescription = "示范省教育厅对示范省教育考试院的例行检查：保密制度缺失（D15.4），限期整改逾期未报告",
            Content = "建议对主要负责人给予诫勉谈话，并督促限期完成整改。",
            DocumentNumber = "示保建〔" + today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "〕3号",
            SentOn = today.AddDays(-45),
            FeedbackDueOn = today.AddDays(-15),
            CreatedAtUtc = now,
            CreatedBy = "officer",
        });
        db.Proposals.Add(new Proposal
        {
            Kind = ProposalKind.Commendation,
            LeaderId = energy,
            UnitId = units["SF-QS-NY"].Id,
            Body = ProposingBody.SecrecyDepartment,
            BodyUnitId = units["SF-QS-BMJ"].Id,
            Recipient = "中共青山市委组织部",
            Basis = ProposalBasis.Inspection,
            BasisDescription = "青山市保密局例行检查：整改按期完成并经验收",
            Content = "建议予以通报表扬。",
            SentOn = today.AddDays(-300),
            FeedbackDueOn = today.AddDays(-270),
            Feedback = "已在全市通报表扬。",
            FeedbackOn = today.AddDays(-280),
            FeedbackRecordedBy = "cadre",
            CreatedAtUtc = now,
            CreatedBy = "qs.officer",
        });
        db.Commendations.Add(new Commendation
        {
            UnitId = units["SF-QS-NY"].Id,
            LeaderId = energy,
            Reason = "领导保密工作成绩突出，整改按期完成",
            IssuedBy = "中共青山市委",
            IssuedOn = today.AddDays(-275),
            CreatedAtUtc = now,
            CreatedBy = "qs.officer",
        });
        db.Commendations.Add(new Commendation
        {
            UnitId = units["SF-CZT"].Id,
            Reason = "保密宣传教育工作扎实",
            IssuedBy = "中共示范省委保密委员会",
            IssuedOn = today.AddDays(-200),
            CreatedAtUtc = now,
            CreatedBy = "officer",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Leak incident files (journey 3), dated from now: one under discipline review at the exam centre, with its two
    /// responsible leaders and the staff member who leaked, assessed and linked to the inspection's D15.5 finding; one
    /// just registered at the transport group whose reporting clock runs; one decided at the Qingshan instrument institute,
    /// reported late, with its decision and the sanction proposal waiting for feedback. No secret content, as in real files.
    /// </summary>
    private async Task SeedIncidentsAsync(Dictionary<string, Unit> units, DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var userIds = await db.Users.Where(u => u.UserName == "officer" || u.UserName == "qs.officer" || u.UserName == "discipline")
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);

        async Task<(int PostingId, int LeaderId)> PostingAsync(string code, PostingRole role, DateOnly on) =>
            await db.Postings.Where(p => p.UnitId == units[code].Id && p.Role == role && p.From <= on && (p.To == null || p.To >= on))
                .OrderBy(p => p.Id).Select(p => new ValueTuple<int, int>(p.Id, p.LeaderId)).FirstAsync(cancellationToken);

        Incident File(string code, string title, int discoveredDaysAgo, double reportedAfterHours, Classification classification, SecretCarrier carrier, string description, string registrar)
        {
            var discovered = now.Date.AddDays(-discoveredDaysAgo).AddHours(2);
            var incident = new Incident
            {
                UnitId = units[code].Id,
                Title = title,
                OccurredOn = DateOnly.FromDateTime(discovered.AddDays(-2)),
                DiscoveredAtUtc = discovered,
                ReportedToSecrecyDepartmentAtUtc = reportedAfterHours >= 0 ? discovered.AddHours(reportedAfterHours) : null,
                Classification = classification,
                LeakType = LeakType.BeyondScopeNotProvable,
                Carrier = carrier,
                Description = description,
                Status = IncidentStatus.Registered,
                CreatedAtUtc = discovered.AddHours(1),
                CreatedBy = registrar,
            };
            incident.Transitions.Add(new IncidentTransition { Action = IncidentAction.Register, ToStatus = IncidentStatus.Registered, AtUtc = discovered.AddHours(1), By = registrar });
            incident.Grants.Add(new IncidentGrant { UserId = userIds[registrar] });
            return incident;
        }

        void Step(Incident incident, IncidentAction action, IncidentStatus to, DateTime at, string by, string? note = null)
        {
            incident.Status = to;
            incident.Transitions.Add(new IncidentTransition { Action = action, ToStatus = to, AtUtc = at, By = by, Note = note });
        }

        // Under discipline review: the journey's file.
        var exam = File("SF-JYT-KSY", "考试院试卷保管环节泄密事件", 20, 6, Classification.Secret, SecretCarrier.Paper,
            "试卷保管环节管理不严，一名工作人员违规将涉密载体带离保密室，致使其超出限定的接触范围，不能证明未被不应知悉者知悉。已追回载体，未发现扩散。", "officer");
        var on = exam.OccurredOn!.Value;
        var principal = await PostingAsync("SF-JYT-KSY", PostingRole.PrincipalLeader, on);
        var inCharge = await PostingAsync("SF-JYT-KSY", PostingRole.SecrecyLeader, on);
        exam.Severity = CircumstanceSeverity.Ordinary;
        exam.Loss = Loss.Larger;
        exam.RemedialMeasures = "追回涉密载体，对保密室实行双人管理，开展全员保密教育，修订试卷保管制度。";
        exam.ReportedToSuperiorAtUtc = exam.DiscoveredAtUtc.AddHours(20);
        exam.Persons.Add(new IncidentPerson { UnitId = exam.UnitId, PostingId = principal.PostingId, Involvement = Involvement.LeadershipFailure, IsPartyMember = true });
        exam.Persons.Add(new IncidentPerson { UnitId = exam.UnitId, PostingId = inCharge.PostingId, Involvement = Involvement.LeadershipFailure, IsPartyMember = true });
        exam.Persons.Add(new IncidentPerson { UnitId = exam.UnitId, Name = "吴某", Post = "试卷保管员", Involvement = Involvement.PersonalLeak, IsPartyMember = false });
        var d155 = await db.Findings.Where(f => f.UnitId == exam.UnitId && f.DeficiencyCode == "D15.5").Select(f => f.Id).FirstOrDefaultAsync(cancellationToken);
        if (d155 > 0)
        {
            exam.LinkedFindings.Add(new IncidentFinding { FindingId = d155 });
        }

        Step(exam, IncidentAction.StartInvestigation, IncidentStatus.UnderInvestigation, exam.DiscoveredAtUtc.AddDays(1), "officer");
        Step(exam, IncidentAction.SendToDisciplineReview, IncidentStatus.UnderDisciplineReview, exam.DiscoveredAtUtc.AddDays(12), "officer", "调查报告已随案移送。");
        db.Incidents.Add(exam);

        // Just registered: the reporting clock runs.
        var transport = File("SF-JTTZ", "交通投资集团涉密文件误发事件", 0, -1, Classification.HighlySecret, SecretCarrier.Electronic,
            "一份涉密文件的电子版被误发至非涉密邮箱，发现后已要求收件人删除，正在核查知悉范围。", "officer");
        transport.DiscoveredAtUtc = now.AddHours(-6);
        transport.OccurredOn = DateOnly.FromDateTime(transport.DiscoveredAtUtc);
        transport.CreatedAtUtc = transport.DiscoveredAtUtc.AddHours(1);
        transport.Transitions.First().AtUtc = transport.CreatedAtUtc;
        db.Incidents.Add(transport);

        // Decided, reported late (D15.8), with the sanction proposal waiting for the cadre-management organ's feedback.
        var institute = File("SF-QS-YQS", "研究所涉密会议内容外传事件", 75, 40, Classification.Secret, SecretCarrier.Verbal,
            "一次涉密会议的部分内容在非涉密场合被转述，超出了限定的知悉范围。", "qs.officer");
        var instituteLeader = await PostingAsync("SF-QS-YQS", PostingRole.PrincipalLeader, institute.OccurredOn!.Value);
        institute.Severity = CircumstanceSeverity.Minor;
        institute.Loss = Loss.None;
        institute.RemedialMeasures = "召开专题会议通报，修订涉密会议管理规定。";
        var person = new IncidentPerson { UnitId = institute.UnitId, PostingId = instituteLeader.PostingId, Involvement = Involvement.ViolationMajorThreat, IsPartyMember = true };
        var decidedOn = today.AddDays(-40);
        institute.Persons.Add(person);
        Step(institute, IncidentAction.StartInvestigation, IncidentStatus.UnderInvestigation, institute.DiscoveredAtUtc.AddDays(2), "qs.officer");
        Step(institute, IncidentAction.SendToDisciplineReview, IncidentStatus.UnderDisciplineReview, institute.DiscoveredAtUtc.AddDays(20), "qs.officer");
        Step(institute, IncidentAction.Decide, IncidentStatus.Decided, now.AddDays(-40), "discipline");
        db.Incidents.Add(institute);
        await db.SaveChangesAsync(cancellationToken);

        // The decision row names the file and the person, known only once saved.
        db.SanctionDecisions.Add(new SanctionDecision
        {
            IncidentPersonId = person.Id,
            IncidentId = institute.Id,
            UnitId = institute.UnitId,
            Administrative = AdministrativeSanction.Warning,
            DecidedOn = decidedOn,
            DocumentNumber = "青纪发〔" + decidedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "〕12号",
            RecordedAtUtc = now.AddDays(-40),
            RecordedBy = "discipline",
        });
        db.Proposals.Add(new Proposal
        {
            Kind = ProposalKind.Sanction,
            LeaderId = instituteLeader.LeaderId,
            UnitId = institute.UnitId,
            Body = ProposingBody.SecrecyDepartment,
            BodyUnitId = units["SF-QS-BMJ"].Id,
            Recipient = "中共青山市委组织部",
            Basis = ProposalBasis.Incident,
            BasisDescription = "泄密事件案卷第" + institute.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "号",
            IncidentId = institute.Id,
            Content = "建议对该所主要负责人给予警告处分，并在全市通报。",
            SentOn = today.AddDays(-20),
            FeedbackDueOn = today.AddDays(10),
            CreatedAtUtc = now.AddDays(-20),
            CreatedBy = "qs.officer",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An order of a demo finding: days from today to its deadline, report and verification.</summary>
    private sealed record DemoOrder(int Deadline, int? ReportedOn = null, string? Report = null, int? VerifiedOn = null);

    private sealed record DemoFinding(string Code, FindingSeverity Severity, string Description, string Evidence, string Requirements, DemoOrder? Order);

    /// <summary>A demo inspection: its dates in days from today (none: not reached yet).</summary>
    private sealed record DemoInspection(
        string Unit,
        InspectingBody Body,
        string BodyUnit,
        InspectionKind Kind,
        string Inspector,
        int PlannedOn,
        int? StartedOn,
        int? CompletedOn,
        string? Conclusion,
        DemoFinding[] Findings);

    private static readonly DemoInspection[] DemoInspections =
    [
        new("SF-JYT-KSY", InspectingBody.SuperiorOrgan, "SF-JYT", InspectionKind.Routine, "officer", -72, -70, -66,
            "考试院保密组织健全，考务保密措施总体落实；信息上网保密审查制度缺失，涉密计算机防护存在薄弱环节，须限期整改。",
            [
                new("D15.4", FindingSeverity.Ordinary, "未制定信息上网、对外提供资料方面的保密管理制度，考试信息发布前未经保密审查。", "查阅本院制度汇编和门户网站发布记录",
                    "制定信息上网和对外提供资料保密审查制度并印发执行，对已发布信息开展一次保密自查。", new DemoOrder(Deadline: -12)),
                new("D15.5", FindingSeverity.Serious, "两台涉密计算机未安装安全保密防护软件，一台有非涉密移动存储介质接入记录。", "现场抽查涉密计算机5台",
                    "为全部涉密计算机安装安全保密防护软件，清查移动存储介质并登记造册。",
                    new DemoOrder(Deadline: 14, ReportedOn: -5, Report: "已为两台涉密计算机安装安全保密防护软件；清查移动存储介质23件，全部登记造册。")),
            ]),
        new("SF-QS-YQS", InspectingBody.SuperiorOrgan, "SF-QS", InspectionKind.Special, "qs.officer", -25, -21, null, null,
            [
                new("D15.4", FindingSeverity.Ordinary, "未制定泄密事件报告及其责任追究制度。", "查阅本所保密制度汇编",
                    "制定泄密事件报告及责任追究制度，明确报告时限和责任追究程序。", new DemoOrder(Deadline: 40)),
            ]),
        new("SF-QS-NY", InspectingBody.SecrecyDepartment, "SF-QS-BMJ", InspectionKind.Routine, "qs.officer", -420, -418, -416,
            "集团保密工作责任制基本落实；计算机保密管理存在交叉使用问题，已责令限期整改。",
            [
                new("D15.5", FindingSeverity.Ordinary, "部分办公计算机存在涉密与非涉密交叉使用现象。", "抽查集团本部办公计算机12台",
                    "清理交叉使用的计算机，涉密计算机专机专用并粘贴标识。",
                    new DemoOrder(Deadline: -330, ReportedOn: -340, Report: "已清理交叉使用计算机3台，涉密计算机全部专机专用并粘贴标识。", VerifiedOn: -325)),
            ]),
        new("SF-JTTZ", InspectingBody.OwnSecrecyOrganization, "SF-JTTZ", InspectionKind.Routine, "officer", -130, -128, -127,
            "集团本部保密工作总体良好，新入职员工保密教育需加强。",
            [
                new("D15.2", FindingSeverity.Minor, "部分新入职员工未参加保密教育培训。", "查阅年度培训签到表", "年底前对新入职员工补训并考核。", null),
            ]),
        new("SF-CZT", InspectingBody.SecrecyDepartment, "SF-BMJ", InspectionKind.Routine, "officer", 10, null, null, null, []),
    ];

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
