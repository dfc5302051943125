using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Units;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Leaders;

/// <summary>Leaders, postings and units of a given kind, written straight to a test's database.</summary>
internal static class LeaderTestData
{
    /// <summary>The test clock's date (<see cref="TestApp.Clock"/>): 2026-11-27.</summary>
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static async Task<int> AddUnitAsync(this TestApp app, string code, string name, int? parentId, UnitKind kind)
    {
        var id = await app.AddUnitAsync(code, name, parentId);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            (await db.Units.SingleAsync(u => u.Id == id)).Kind = kind;
            await db.SaveChangesAsync();
        });
        return id;
    }

    public static Task<int> AddLeaderAsync(
        this TestApp app,
        int unitId,
        string name,
        string staffNumber,
        LeaderRank rank = LeaderRank.CountyDivision,
        bool isPartyMember = true,
        bool isActive = true) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var leader = new Leader
            {
                Name = name,
                StaffNumber = staffNumber,
                Rank = rank,
                IsPartyMember = isPartyMember,
                UnitId = unitId,
                IsActive = isActive,
            };
            db.Leaders.Add(leader);
            await db.SaveChangesAsync();
            return leader.Id;
        });

    public static Task<int> AddPostingAsync(
        this TestApp app,
        int leaderId,
        int unitId,
        PostingRole role,
        DateOnly from,
        DateOnly? to = null,
        string title = "职务",
        string? portfolio = null) =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var posting = new Posting
            {
                LeaderId = leaderId,
                UnitId = unitId,
                Role = role,
                Title = title,
                Portfolio = portfolio ?? (role == PostingRole.OtherMember ? "业务" : null),
                From = from,
                To = to,
            };
            db.Postings.Add(posting);
            await db.SaveChangesAsync();
            return posting.Id;
        });

    public static Task<Posting?> FindPostingAsync(this TestApp app, int id) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Postings.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id));

    public static Task<Leader?> FindLeaderAsync(this TestApp app, string staffNumber) =>
        app.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Leaders.AsNoTracking().Include(l => l.Postings).SingleOrDefaultAsync(l => l.StaffNumber == staffNumber));

    public static PostingInput Posting(int leaderId, int unitId, PostingRole role, DateOnly from, DateOnly? to = null) => new()
    {
        LeaderId = leaderId,
        UnitId = unitId,
        Role = role,
        Title = role switch
        {
            PostingRole.PrincipalLeader => "局长",
            PostingRole.SecrecyLeader => "副局长",
            _ => "党组成员",
        },
        Portfolio = role == PostingRole.OtherMember ? "人事、财务" : null,
        From = from,
        To = to,
    };
}
