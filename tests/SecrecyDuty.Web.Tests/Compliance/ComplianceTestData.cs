using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Activities;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Compliance;

/// <summary>The units of the hand-made province, and the leader whose account the leader tests link.</summary>
internal sealed record HandMadeProvince(int Root, int City, int CityBureau, int Coast, int Cloud, int Closed, int RootPrincipalLeader, int RootPrincipalPosting);

/// <summary>
/// A small province written straight to the database, with every case of the compliance rules in it (the test clock
/// is 2026-11-27, in the second half of 2026):
/// <list type="bullet">
/// <item>P 示范省: in 2026 everything but the second-half briefing, two postings with one checklist submitted; in 2025 everything, checklists reviewed.</item>
/// <item>P-A 青山市: in 2026 a first-half briefing, one member meeting, an organization set up in 2026 without cadres, R8 and R9 missing, no training, a posting without checklist.</item>
/// <item>P-A-1 青山市教育局: two trainings and a directive study in 2026 (which counts for nothing here), a briefing of 2024.</item>
/// <item>P-B 碧海市: in 2026 a second-half briefing, three member meetings, R9 adopted only in 2026, no posting; in 2025 a training and a posting that ended mid-year with its checklist submitted, not reviewed.</item>
/// <item>P-C 白云市: everything in 2026, its posting's checklist reviewed; in 2025 only its organization and rules.</item>
/// <item>P-X: deactivated, not on the map.</item>
/// </list>
/// </summary>
internal static class ComplianceTestData
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static readonly string[] AllAreas = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"];

    public static async Task<HandMadeProvince> BuildAsync(TestApp app)
    {
        var root = await app.AddUnitAsync("P", "示范省");
        var city = await app.AddUnitAsync("P-A", "青山市", root);
        var bureau = await app.AddUnitAsync("P-A-1", "青山市教育局", city);
        var coast = await app.AddUnitAsync("P-B", "碧海市", root);
        var cloud = await app.AddUnitAsync("P-C", "白云市", root);
        var closed = await app.AddUnitAsync("P-X", "已撤销单位", root);

        return await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.SingleAsync(u => u.Id == closed)).IsActive = false;
            var regulationId = await db.Regulations.Where(r => r.IsCurrent).Select(r => r.Id).SingleAsync();
            var areas = await db.RuleAreas.Where(a => a.RegulationId == regulationId).ToDictionaryAsync(a => a.Code, a => a.Id);

            // P: the second-half briefing of 2026 is the only gap.
            Activities(db, root, ActivityKind.Briefing, new DateOnly(2026, 3, 10), new DateOnly(2025, 4, 1), new DateOnly(2025, 10, 1));
            Activities(db, root, ActivityKind.MemberMeeting, new DateOnly(2026, 2, 1), new DateOnly(2026, 8, 1), new DateOnly(2025, 3, 1), new DateOnly(2025, 9, 1));
            Activities(db, root, ActivityKind.Training, new DateOnly(2026, 5, 5), new DateOnly(2025, 5, 5));
            Organization(db, root, new(2015, 1, 1), fullTime: 1, partTime: 1);
            RuleEntries(db, root, areas, new(2020, 3, 1), AllAreas);
            var principal = Posting(db, root, "张省", PostingRole.PrincipalLeader, new(2020, 1, 1), null);
            var secrecyLeader = Posting(db, root, "李省", PostingRole.SecrecyLeader, new(2020, 1, 1), null);

            // P-A: a little of everything.
            Activities(db, city, ActivityKind.Briefing, new DateOnly(2026, 5, 20));
            Activities(db, city, ActivityKind.MemberMeeting, new DateOnly(2026, 6, 1));
            Organization(db, city, new(2026, 2, 1), fullTime: 0, partTime: 0);
            RuleEntries(db, city, areas, new(2020, 3, 1), "R1", "R2", "R3", "R4", "R5", "R6", "R7");
            var cityPosting = Posting(db, city, "王市", PostingRole.PrincipalLeader, new(2024, 1, 1), null);

            // P-A-1: kinds that do not count, and a year that does not count.
            Activities(db, bureau, ActivityKind.Training, new DateOnly(2026, 1, 15), new DateOnly(2026, 10, 15));
            Activities(db, bureau, ActivityKind.DirectiveStudy, new DateOnly(2026, 4, 1));
            Activities(db, bureau, ActivityKind.Briefing, new DateOnly(2024, 12, 31));

            // P-B: the second half only; a rule area adopted late; a posting that ended in 2025.
            Activities(db, coast, ActivityKind.Briefing, new DateOnly(2026, 8, 1));
            Activities(db, coast, ActivityKind.MemberMeeting, new DateOnly(2026, 3, 1), new DateOnly(2026, 7, 1), new DateOnly(2026, 11, 1));
            Activities(db, coast, ActivityKind.Training, new DateOnly(2025, 6, 30));
            Organization(db, coast, new(2019, 6, 1), fullTime: 0, partTime: 1);
            RuleEntries(db, coast, areas, new(2020, 3, 1), "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8");
            RuleEntries(db, coast, areas, new(2026, 3, 1), "R9");
            var coastPosting = Posting(db, coast, "赵市", PostingRole.PrincipalLeader, new(2023, 1, 1), new(2025, 6, 30));

            // P-C: fully compliant in 2026; its posting began in 2026.
            Activities(db, cloud, ActivityKind.Briefing, new DateOnly(2026, 1, 1), new DateOnly(2026, 7, 1));
            Activities(db, cloud, ActivityKind.MemberMeeting, new DateOnly(2026, 6, 30), new DateOnly(2026, 12, 31));
            Activities(db, cloud, ActivityKind.Training, new DateOnly(2026, 9, 9));
            Organization(db, cloud, new(2018, 1, 1), fullTime: 2, partTime: 0);
            RuleEntries(db, cloud, areas, new(2020, 3, 1), AllAreas);
            var cloudPosting = Posting(db, cloud, "孙市", PostingRole.PrincipalLeader, new(2026, 1, 1), null);

            await db.SaveChangesAsync();

            Checklist(db, principal, root, regulationId, 2026, ChecklistStatus.Submitted);
            Checklist(db, secrecyLeader, root, regulationId, 2026, ChecklistStatus.Open);
            Checklist(db, principal, root, regulationId, 2025, ChecklistStatus.Reviewed);
            Checklist(db, secrecyLeader, root, regulationId, 2025, ChecklistStatus.Reviewed);
            Checklist(db, coastPosting, coast, regulationId, 2025, ChecklistStatus.Submitted);
            Checklist(db, cloudPosting, cloud, regulationId, 2026, ChecklistStatus.Reviewed);
            Checklist(db, cityPosting, city, regulationId, 2024, ChecklistStatus.Reviewed);
            await db.SaveChangesAsync();
            return new HandMadeProvince(root, city, bureau, coast, cloud, closed, principal.LeaderId, principal.Id);
        });
    }

    public static void Activities(AppDbContext db, int unitId, ActivityKind kind, params DateOnly[] dates)
    {
        foreach (var date in dates)
        {
            db.Activities.Add(new Activity
            {
                UnitId = unitId,
                Kind = kind,
                Date = date,
                Title = kind + " " + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Presenters = "保密办主任",
                Topics = "保密工作",
                CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            });
        }
    }

    /// <summary>Adds an activity of <paramref name="kind"/> on <paramref name="date"/> in its own scope.</summary>
    public static Task AddActivityAsync(TestApp app, int unitId, ActivityKind kind, DateOnly date) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            Activities(db, unitId, kind, date);
            await db.SaveChangesAsync();
        });

    public static void Organization(AppDbContext db, int unitId, DateOnly establishedOn, int fullTime, int partTime)
    {
        var organization = new SecrecyOrganization { UnitId = unitId, Kind = SecrecyOrganizationKind.Committee, EstablishedOn = establishedOn };
        for (var i = 0; i < fullTime + partTime; i++)
        {
            organization.Cadres.Add(new SecrecyCadre { Name = "保密干部" + i, IsFullTime = i < fullTime });
        }

        db.SecrecyOrganizations.Add(organization);
    }

    public static void RuleEntries(AppDbContext db, int unitId, IReadOnlyDictionary<string, int> areas, DateOnly adoptedOn, params string[] codes)
    {
        foreach (var code in codes)
        {
            db.RuleRegisterEntries.Add(new RuleRegisterEntry { UnitId = unitId, RuleAreaId = areas[code], AdoptedOn = adoptedOn, DocumentReference = "示保〔2020〕" + code });
        }
    }

    public static Posting Posting(AppDbContext db, int unitId, string name, PostingRole role, DateOnly from, DateOnly? to)
    {
        var leader = new Leader { Name = name, StaffNumber = "S-" + Guid.NewGuid().ToString("N")[..10], Rank = LeaderRank.DepartmentBureau, UnitId = unitId };
        var posting = new Posting { Leader = leader, UnitId = unitId, Role = role, Title = "职务", From = from, To = to };
        db.Leaders.Add(leader);
        db.Postings.Add(posting);
        return posting;
    }

    public static void Checklist(AppDbContext db, Posting posting, int unitId, int regulationId, int year, ChecklistStatus status) =>
        db.DutyChecklists.Add(new DutyChecklist { PostingId = posting.Id, UnitId = unitId, Year = year, RegulationId = regulationId, Status = status });

    /// <summary>Links an account to a leader record, as an administrator does for a unit leader.</summary>
    public static Task LinkLeaderAsync(TestApp app, string userId, int leaderId) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Users.SingleAsync(u => u.Id == userId)).LeaderId = leaderId;
            await db.SaveChangesAsync();
        });
}
