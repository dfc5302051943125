using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Catalogue;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.SecrecyOrganizations;

/// <summary>
/// Regulations for this area's tests: a minimal current regulation with the nine rule areas of S6.6 (the real
/// catalogue is loaded by its own loader), straight in the database; units, leaders, organizations and register
/// entries come from <see cref="ProvinceBuilder"/>.
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

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
