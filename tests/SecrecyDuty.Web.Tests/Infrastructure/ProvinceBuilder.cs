using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>
/// An entity a <see cref="ProvinceBuilder"/> refers to: one it builds, by its key (a unit's code, a leader's name, a
/// posting's key, an account's user name), or one already in the database, by its id.
/// </summary>
public readonly record struct Ref(string? Key, int Id)
{
    public static implicit operator Ref(string key) => new(key, 0);

    public static implicit operator Ref(int id) => new(null, id);
}

/// <summary>
/// The one way tests write their data: units, leaders, postings, accounts, activities, secrecy organizations, rule
/// register entries and checklists, straight to the database with defaults for whatever the test does not care about,
/// in one scope. Entities are written table by table in the order they were added, so ids follow that order.
/// <code>
/// var p = await app.Province()
///     .WithUnit("P", "示范省")
///     .WithUnit("P-JYT", "示范省教育厅", parent: "P", kind: UnitKind.StateOrgan)
///     .WithLeader("张教", unit: "P-JYT")
///     .WithPosting("张教", PostingRole.PrincipalLeader, from: new DateOnly(2026, 1, 1))
///     .WithAccount("leader", Roles.UnitLeader, unit: "P-JYT", leader: "张教")
///     .BuildAsync();
/// var department = p.Unit("P-JYT");
/// </code>
/// </summary>
public sealed class ProvinceBuilder(TestApp app)
{
    private readonly List<UnitSpec> _units = [];
    private readonly List<LeaderSpec> _leaders = [];
    private readonly List<PostingSpec> _postings = [];
    private readonly List<AccountSpec> _accounts = [];
    private readonly List<Func<AppDbContext, BuiltProvince, Task>> _records = [];

    /// <summary>A unit under <paramref name="parent"/> (none: a root), created now on the test clock.</summary>
    public ProvinceBuilder WithUnit(
        string code,
        string? name = null,
        Ref? parent = null,
        UnitKind kind = UnitKind.PartyOrgan,
        AdministrativeLevel level = AdministrativeLevel.Provincial,
        bool active = true,
        bool largeOrMedium = false,
        DateOnly? establishedOn = null,
        DateOnly? closedOn = null)
    {
        _units.Add(new UnitSpec(code, name ?? code, parent, kind, level, active, largeOrMedium, establishedOn, closedOn));
        return this;
    }

    /// <summary>
    /// A leader of <paramref name="unit"/>, known to this builder by <paramref name="key"/> (default: the name); the staff
    /// number is made up when not given.
    /// </summary>
    public ProvinceBuilder WithLeader(
        string name,
        Ref unit,
        string? staffNumber = null,
        LeaderRank rank = LeaderRank.CountyDivision,
        bool isPartyMember = true,
        bool active = true,
        string? key = null)
    {
        _leaders.Add(new LeaderSpec(key ?? name, name, unit, staffNumber ?? "S" + Guid.NewGuid().ToString("N")[..12], rank, isPartyMember, active));
        return this;
    }

    /// <summary>
    /// A posting of <paramref name="leader"/> in <paramref name="unit"/> (default: the leader's own unit, when the leader
    /// is built here), known to this builder by <paramref name="key"/> (default: the leader's name). An other member's
    /// portfolio is "业务" unless given.
    /// </summary>
    public ProvinceBuilder WithPosting(
        Ref leader,
        PostingRole role,
        DateOnly from,
        DateOnly? to = null,
        Ref? unit = null,
        string title = "职务",
        string? portfolio = null,
        bool leadsSecrecyWork = false,
        string? key = null)
    {
        _postings.Add(new PostingSpec(key ?? leader.Key ?? throw new ArgumentException("A posting of a leader given by id needs a key.", nameof(key)), leader, unit, role, from, to, title, portfolio, leadsSecrecyWork));
        return this;
    }

    /// <summary>An account with <see cref="TestApp.Password"/> in <paramref name="role"/> at <paramref name="unit"/>, linked to <paramref name="leader"/> when given.</summary>
    public ProvinceBuilder WithAccount(string userName, string role, Ref unit, Ref? leader = null, string? displayName = null)
    {
        _accounts.Add(new AccountSpec(userName, role, unit, leader, displayName));
        return this;
    }

    /// <summary>
    /// An activity of <paramref name="unit"/> (title by default: the kind and the date), presented by the secrecy office,
    /// attended by the given postings; known to this builder by its title.
    /// </summary>
    public ProvinceBuilder WithActivity(Ref unit, ActivityKind kind, DateOnly date, string? title = null, params Ref[] attending) =>
        WithRecord((db, p) =>
        {
            var activity = new Activity
            {
                UnitId = p.UnitId(unit),
                Kind = kind,
                Date = date,
                Title = title ?? kind + " " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Presenters = "保密办主任",
                Topics = "保密工作",
                CreatedAtUtc = Now,
            };
            foreach (var posting in attending)
            {
                activity.Attendance.Add(new ActivityAttendance { PostingId = p.PostingId(posting) });
            }

            db.Activities.Add(activity);
            p.NewActivities.Add(activity);
            return Task.CompletedTask;
        });

    /// <summary>Activities of <paramref name="kind"/> in <paramref name="unit"/>, one on each date, with the default title.</summary>
    public ProvinceBuilder WithActivities(Ref unit, ActivityKind kind, params DateOnly[] dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        foreach (var date in dates)
        {
            WithActivity(unit, kind, date);
        }

        return this;
    }

    /// <summary>Activities exactly as given (for lists that need fields the other overload leaves out).</summary>
    public ProvinceBuilder WithActivities(params Activity[] activities) =>
        WithRecord((db, p) =>
        {
            db.Activities.AddRange(activities);
            p.NewActivities.AddRange(activities);
            return Task.CompletedTask;
        });

    /// <summary>A secrecy organization of <paramref name="unit"/> with the given numbers of full-time and part-time cadres.</summary>
    public ProvinceBuilder WithOrganization(
        Ref unit,
        SecrecyOrganizationKind kind = SecrecyOrganizationKind.Committee,
        DateOnly? establishedOn = null,
        int fullTime = 0,
        int partTime = 0,
        decimal? budget = null,
        string cadreName = "保密干部") =>
        WithRecord((db, p) =>
        {
            var organization = new SecrecyOrganization
            {
                UnitId = p.UnitId(unit),
                Kind = kind,
                EstablishedOn = establishedOn ?? new DateOnly(2018, 5, 1),
                AnnualBudget = budget,
                BudgetYear = budget is null ? null : 2026,
            };
            for (var i = 0; i < fullTime + partTime; i++)
            {
                organization.Cadres.Add(new SecrecyCadre { Name = cadreName + i.ToString(CultureInfo.InvariantCulture), IsFullTime = i < fullTime });
            }

            db.SecrecyOrganizations.Add(organization);
            return Task.CompletedTask;
        });

    /// <summary>
    /// Rule register entries of <paramref name="unit"/> for the rule areas <paramref name="codes"/> of the current regulation
    /// (or <paramref name="regulationId"/>), adopted on <paramref name="adoptedOn"/> (default 2020-03-01).
    /// </summary>
    public ProvinceBuilder WithRuleEntries(Ref unit, IEnumerable<string> codes, DateOnly? adoptedOn = null, int? regulationId = null) =>
        WithRecord(async (db, p) =>
        {
            var regulation = regulationId ?? await db.Regulations.Where(r => r.IsCurrent).Select(r => r.Id).SingleAsync();
            var wanted = codes.ToList();
            var areas = await db.RuleAreas.Where(a => a.RegulationId == regulation && wanted.Contains(a.Code)).OrderBy(a => a.SortOrder).ToListAsync();
            foreach (var area in areas)
            {
                db.RuleRegisterEntries.Add(new RuleRegisterEntry
                {
                    UnitId = p.UnitId(unit),
                    RuleAreaId = area.Id,
                    AdoptedOn = adoptedOn ?? new DateOnly(2020, 3, 1),
                    DocumentReference = $"示保〔2020〕{area.SortOrder}号",
                });
            }
        });

    /// <summary>
    /// The duty checklist of <paramref name="posting"/> for <paramref name="year"/> on the current regulation, in the unit of
    /// the posting, with the given items of the catalogue (none: an empty checklist). A submitted checklist was submitted
    /// on 9 October of the year, a reviewed one also reviewed on 30 October.
    /// </summary>
    public ProvinceBuilder WithChecklist(
        Ref posting,
        int year,
        ChecklistStatus status,
        string? opinion = null,
        params (string Code, ChecklistItemStatus Status, string? SelfAssessment, string? Reason)[] items) =>
        WithRecord(async (db, p) =>
        {
            var postingId = p.PostingId(posting);
            var regulationId = await db.Regulations.Where(r => r.IsCurrent).Select(r => r.Id).FirstAsync();
            var codes = items.Select(i => i.Code).ToList();
            var dutyItems = await db.DutyItems.Where(d => d.RegulationId == regulationId && codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Id);
            var checklist = new DutyChecklist
            {
                PostingId = postingId,
                UnitId = await db.Postings.Where(x => x.Id == postingId).Select(x => x.UnitId).SingleAsync(),
                Year = year,
                RegulationId = regulationId,
                Status = status,
                SubmittedAtUtc = status is ChecklistStatus.Submitted or ChecklistStatus.Reviewed ? new DateTime(year, 10, 9, 2, 0, 0, DateTimeKind.Utc) : null,
                ReviewedAtUtc = status == ChecklistStatus.Reviewed ? new DateTime(year, 10, 30, 2, 0, 0, DateTimeKind.Utc) : null,
                OrganizationOpinion = opinion,
            };
            foreach (var (code, itemStatus, selfAssessment, reason) in items)
            {
                checklist.Items.Add(new DutyChecklistItem { DutyItemId = dutyItems[code], Status = itemStatus, SelfAssessment = selfAssessment, NotApplicableReason = reason });
            }

            db.DutyChecklists.Add(checklist);
        });

    /// <summary>
    /// A rectification order (art. 15) on a finding of <paramref name="deficiencyCode"/>, from a completed inspection of
    /// <paramref name="unit"/> by <paramref name="body"/> as its superior organ on <paramref name="issuedOn"/>, issued that
    /// day with <paramref name="deadline"/>; a reported or verified order was reported (and verified) on
    /// <paramref name="reportedOn"/> (default: the day before the deadline). The finding names <paramref name="responsible"/>
    /// (a posting, which should hold in the unit on <paramref name="issuedOn"/>) when given, and no posting otherwise.
    /// </summary>
    public ProvinceBuilder WithRectificationOrder(
        Ref unit,
        Ref body,
        DateOnly issuedOn,
        DateOnly deadline,
        RectificationStatus status = RectificationStatus.Open,
        DateOnly? reportedOn = null,
        string deficiencyCode = "D15.5",
        Ref? responsible = null,
        string description = "发现的问题") =>
        WithRecord((db, p) =>
        {
            var unitId = p.UnitId(unit);
            var finding = new Finding { UnitId = unitId, DeficiencyCode = deficiencyCode, Description = description, Severity = FindingSeverity.Ordinary };
            if (responsible is { } posting)
            {
                finding.ResponsiblePostings.Add(new FindingPosting { PostingId = p.PostingId(posting) });
            }

            var reported = status is RectificationStatus.Reported or RectificationStatus.Verified ? reportedOn ?? deadline.AddDays(-1) : (DateOnly?)null;
            var order = new RectificationOrder
            {
                UnitId = unitId,
                IssuedOn = issuedOn,
                Deadline = deadline,
                Requirements = "限期整改",
                Status = status,
                Report = reported is null ? null : "已整改",
                ReportedOn = reported,
                VerifiedOn = status == RectificationStatus.Verified ? reported : null,
            };
            finding.Order = order;
            db.Inspections.Add(new Inspection
            {
                UnitId = unitId,
                Body = InspectingBody.SuperiorOrgan,
                BodyUnitId = p.UnitId(body),
                Kind = InspectionKind.Routine,
                Status = InspectionStatus.Completed,
                PlannedOn = issuedOn,
                StartedOn = issuedOn,
                CompletedOn = issuedOn,
                Scope = "保密工作责任制落实情况",
                CreatedAtUtc = Now,
                CreatedBy = "officer",
                Findings = [finding],
            });
            return Task.CompletedTask;
        });

    /// <summary>
    /// Writes everything in one scope: units (each under its parent), leaders, postings, then activities, organizations,
    /// rule register entries and checklists in the order they were added, then the accounts. Returns the ids of what was
    /// built.
    /// </summary>
    public Task<BuiltProvince> BuildAsync() =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var p = new BuiltProvince();
            foreach (var spec in _units)
            {
                var unit = new Unit
                {
                    Code = spec.Code,
                    Name = spec.Name,
                    Kind = spec.Kind,
                    Level = spec.Level,
                    IsActive = spec.Active,
                    IsLargeOrMediumEnterprise = spec.LargeOrMedium,
                    EstablishedOn = spec.EstablishedOn,
                    ClosedOn = spec.ClosedOn,
                    CreatedAtUtc = Now,
                };
                await UnitTree.AddAsync(db, unit, spec.Parent is { } parent ? p.UnitId(parent) : null);
                await db.SaveChangesAsync();
                p.Units[spec.Code] = unit.Id;
            }

            var leaders = _leaders.Select(spec => (spec.Key, Leader: new Leader
            {
                Name = spec.Name,
                StaffNumber = spec.StaffNumber,
                Rank = spec.Rank,
                IsPartyMember = spec.IsPartyMember,
                IsActive = spec.Active,
                UnitId = p.UnitId(spec.Unit),
                CreatedAtUtc = Now,
            })).ToList();
            db.Leaders.AddRange(leaders.Select(l => l.Leader));
            await db.SaveChangesAsync();
            foreach (var (key, leader) in leaders)
            {
                p.Leaders[key] = leader.Id;
            }

            var postings = new List<(string Key, Posting Posting)>();
            foreach (var spec in _postings)
            {
                var leaderId = p.LeaderId(spec.Leader);
                var unitId = spec.Unit is { } unit
                    ? p.UnitId(unit)
                    : leaders.FirstOrDefault(l => l.Leader.Id == leaderId).Leader?.UnitId ?? throw new ArgumentException($"The posting {spec.Key} needs a unit: its leader is not built here.");
                postings.Add((spec.Key, new Posting
                {
                    LeaderId = leaderId,
                    UnitId = unitId,
                    Role = spec.Role,
                    From = spec.From,
                    To = spec.To,
                    Title = spec.Title,
                    Portfolio = spec.Portfolio ?? (spec.Role == PostingRole.OtherMember ? "业务" : null),
                    LeadsSecrecyWork = spec.LeadsSecrecyWork,
                    CreatedAtUtc = Now,
                }));
            }

            db.Postings.AddRange(postings.Select(x => x.Posting));
            await db.SaveChangesAsync();
            foreach (var (key, posting) in postings)
            {
                p.Postings[key] = posting.Id;
            }

            foreach (var record in _records)
            {
                await record(db, p);
            }

            await db.SaveChangesAsync();
            foreach (var activity in p.NewActivities)
            {
                p.Activities[activity.Title] = activity.Id;
            }

            var users = sp.GetRequiredService<UserManager<AppUser>>();
            foreach (var spec in _accounts)
            {
                var user = new AppUser
                {
                    UserName = spec.UserName,
                    DisplayName = spec.DisplayName ?? spec.UserName,
                    UnitId = p.UnitId(spec.Unit),
                    LeaderId = spec.Leader is { } leader ? p.LeaderId(leader) : null,
                    LockoutEnabled = true,
                };
                var created = await users.CreateAsync(user, TestApp.Password);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
                Assert.True((await users.AddToRoleAsync(user, spec.Role)).Succeeded);
                p.Accounts[spec.UserName] = user.Id;
            }

            return p;
        });

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private ProvinceBuilder WithRecord(Func<AppDbContext, BuiltProvince, Task> write)
    {
        _records.Add(write);
        return this;
    }

    private sealed record UnitSpec(string Code, string Name, Ref? Parent, UnitKind Kind, AdministrativeLevel Level, bool Active, bool LargeOrMedium, DateOnly? EstablishedOn, DateOnly? ClosedOn);

    private sealed record LeaderSpec(string Key, string Name, Ref Unit, string StaffNumber, LeaderRank Rank, bool IsPartyMember, bool Active);

    private sealed record PostingSpec(string Key, Ref Leader, Ref? Unit, PostingRole Role, DateOnly From, DateOnly? To, string Title, string? Portfolio, bool LeadsSecrecyWork);

    private sealed record AccountSpec(string UserName, string Role, Ref Unit, Ref? Leader, string? DisplayName);
}

/// <summary>What a <see cref="ProvinceBuilder"/> built: ids by key.</summary>
public sealed class BuiltProvince
{
    internal Dictionary<string, int> Units { get; } = [];

    internal Dictionary<string, int> Leaders { get; } = [];

    internal Dictionary<string, int> Postings { get; } = [];

    internal Dictionary<string, string> Accounts { get; } = [];

    internal Dictionary<string, int> Activities { get; } = [];

    internal List<Activity> NewActivities { get; } = [];

    /// <summary>The id of the unit of <paramref name="code"/>.</summary>
    public int Unit(string code) => Units[code];

    /// <summary>The id of the leader built as <paramref name="name"/>.</summary>
    public int Leader(string name) => Leaders[name];

    /// <summary>The id of the posting of <paramref name="key"/> (by default, its leader's name).</summary>
    public int Posting(string key) => Postings[key];

    /// <summary>The id of the (last) activity titled <paramref name="title"/>.</summary>
    public int Activity(string title) => Activities[title];

    /// <summary>The user id of the account <paramref name="userName"/>.</summary>
    public string Account(string userName) => Accounts[userName];

    internal int UnitId(Ref unit) => IdOf(unit, Units);

    internal int LeaderId(Ref leader) => IdOf(leader, Leaders);

    internal int PostingId(Ref posting) => IdOf(posting, Postings);

    private static int IdOf(Ref reference, Dictionary<string, int> built) =>
        reference.Key is { } key
            ? built.TryGetValue(key, out var id) ? id : throw new ArgumentException($"Nothing named {key} was built before it is referred to.")
            : reference.Id;
}

public static class ProvinceBuilderExtensions
{
    /// <summary>A <see cref="ProvinceBuilder"/> writing to <paramref name="app"/>'s database.</summary>
    public static ProvinceBuilder Province(this TestApp app) => new(app);
}
