using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.SecrecyOrganizations;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.SecrecyOrganizations;

/// <summary>
/// Builders for this area's tests: a minimal current regulation with the nine rule areas of S6.6 (the real
/// catalogue is loaded by its own loader), leaders with postings, and register entries, straight in the database.
/// </summary>
internal static class OrganizationTestData
{
    public static readonly string[] RuleAreaCodes = ["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9"];

    /// <summary>Today on the test clock (2026-11-27).</summary>
    public static DateOnly Today(TestApp app) => DateOnly.FromDateTime(app.Clock.GetLocalNow().DateTime);

    /// <summary>
    /// A regulation version of the test's own with article A6 and rule areas R1–R9 (when current, it replaces
    /// the catalogue loaded at start-up as the current version); returns the regulation's id.
    /// </summary>
    public static Task<int> AddRegulationAsync(TestApp app, string version = "2026", bool isCurrent = true) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            if (isCurrent)
            {
                await db.Regulations.Where(r => r.IsCurrent).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsCurrent, false));
            }

            var regulation = new Regulation
            {
                Code = "SF-BMZRZ",
                Version = version,
                Title = "党政领导干部保密工作责任制实施办法",
                TitleEn = "Implementing measures for the confidentiality-work responsibility system",
                SourceFile = $"test-{version}.json",
                LoadedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
                IsCurrent = isCurrent,
            };
            var article = new RegulationArticle { Code = "A6", Label = "第六条", Text = "分管保密工作的领导……", SummaryEn = "Leader in charge of secrecy work.", SortOrder = 6 };
            regulation.Articles.Add(article);
            db.Regulations.Add(regulation);
            await db.SaveChangesAsync();
            for (var i = 0; i < RuleAreaCodes.Length; i++)
            {
                db.RuleAreas.Add(new RuleArea
                {
                    RegulationId = regulation.Id,
                    ArticleId = article.Id,
                    Code = RuleAreaCodes[i],
                    Name = $"制度类别{i + 1}",
                    NameEn = $"Rule area {i + 1}",
                    SortOrder = i + 1,
                });
            }

            await db.SaveChangesAsync();
            return regulation.Id;
        });

    /// <summary>Removes the catalogue loaded at start-up, as on a database where it was never loaded.</summary>
    public static Task RemoveCatalogueAsync(TestApp app) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.DutyItems.ExecuteDeleteAsync();
            await db.RuleAreas.ExecuteDeleteAsync();
            await db.DeficiencyCategories.ExecuteDeleteAsync();
            await db.SanctionRules.ExecuteDeleteAsync();
            await db.RegulationArticles.ExecuteDeleteAsync();
            await db.Regulations.ExecuteDeleteAsync();
        });

    /// <summary>Marks <paramref name="regulationId"/> as the only current version.</summary>
    public static Task MakeCurrentAsync(TestApp app, int regulationId) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            foreach (var regulation in await db.Regulations.ToListAsync())
            {
                regulation.IsCurrent = regulation.Id == regulationId;
            }

            await db.SaveChangesAsync();
        });

    /// <summary>A leader with one posting in <paramref name="unitId"/>; returns the leader's id.</summary>
    public static Task<int> AddLeaderAsync(TestApp app, int unitId, string name, PostingRole role, DateOnly from, DateOnly? to = null, string title = "副厅长") =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var leader = new Leader
            {
                Name = name,
                StaffNumber = "S" + Guid.NewGuid().ToString("N")[..12],
                Rank = LeaderRank.DepartmentBureau,
                UnitId = unitId,
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            };
            leader.Postings.Add(new Posting { UnitId = unitId, Role = role, Title = title, From = from, To = to, CreatedAtUtc = leader.CreatedAtUtc });
            db.Leaders.Add(leader);
            await db.SaveChangesAsync();
            return leader.Id;
        });

    /// <summary>Register entries for the given codes of the regulation <paramref name="regulationId"/>.</summary>
    public static Task AddRuleEntriesAsync(TestApp app, int unitId, int regulationId, params string[] codes) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var areas = await db.RuleAreas.Where(a => a.RegulationId == regulationId && codes.Contains(a.Code)).ToListAsync();
            foreach (var area in areas)
            {
                db.RuleRegisterEntries.Add(new RuleRegisterEntry
                {
                    UnitId = unitId,
                    RuleAreaId = area.Id,
                    AdoptedOn = new DateOnly(2020, 3, 1),
                    DocumentReference = $"示保〔2020〕{area.SortOrder}号",
                });
            }

            await db.SaveChangesAsync();
        });

    /// <summary>An organization straight in the database (for list tests).</summary>
    public static Task AddOrganizationAsync(TestApp app, int unitId, SecrecyOrganizationKind kind, decimal? budget = null, int fullTime = 0, int partTime = 0) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var organization = new SecrecyOrganization
            {
                UnitId = unitId,
                Kind = kind,
                EstablishedOn = new DateOnly(2018, 5, 1),
                AnnualBudget = budget,
                BudgetYear = budget is null ? null : 2026,
            };
            for (var i = 0; i < fullTime + partTime; i++)
            {
                organization.Cadres.Add(new SecrecyCadre { Name = "干部" + i.ToString(CultureInfo.InvariantCulture), IsFullTime = i < fullTime });
            }

            db.SecrecyOrganizations.Add(organization);
            await db.SaveChangesAsync();
        });

    public static Task<int> AddUnitAsync(TestApp app, string code, string name, int? parentId, UnitKind kind) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var unit = new Unit { Code = code, Name = name, Kind = kind, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime };
            await UnitTree.AddAsync(db, unit, parentId);
            await db.SaveChangesAsync();
            return unit.Id;
        });

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
