using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Data;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Leaders;

/// <summary>Leaders and postings as the leader tests read them, and posting input; <see cref="ProvinceBuilder"/> writes them.</summary>
internal static class LeaderTestData
{
    /// <summary>The test clock's date (<see cref="TestApp.Clock"/>): 2026-11-27.</summary>
    public static readonly DateOnly Today = new(2026, 11, 27);

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
