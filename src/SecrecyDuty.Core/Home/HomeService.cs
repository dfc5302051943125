using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Appraisals;
using SecrecyDuty.Core.Checklists;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Core.Compliance;
using SecrecyDuty.Core.Inspections;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Core.Proposals;

namespace SecrecyDuty.Core.Home;

public sealed class HomeService(ISecrecyDutyDb db, ICurrentUser user, Jurisdiction jurisdiction, ComplianceService compliance, RectificationService rectification, ProposalService proposals)
{
    /// <summary>How many rows of the heat map the dashboard shows; the compliance page has them all.</summary>
    public const int HeatMapRows = 20;

    /// <summary>How many overdue rectification orders the dashboard lists; the orders page has them all.</summary>
    public const int OverdueOrders = 10;

    public async Task<HomeSummary?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || user.UserId is null)
        {
            return null;
        }

        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == user.UserId)
            .Select(u => new { u.DisplayName, UnitName = u.Unit!.Name, UnitCode = u.Unit.Code, u.LeaderId })
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var visible = jurisdiction.UnitIds();
        var units = await visible.CountAsync(cancellationToken);
        int? accounts = AccountAccess.CanManageAccounts(user)
            ? await db.Users.CountAsync(u => visible.Contains(u.UnitId), cancellationToken)
            : null;
        var roles = user.Roles.Where(Roles.IsKnown).Order(StringComparer.Ordinal).ToList();
        var leader = user.IsInRole(Roles.UnitLeader) ? await LeaderAsync(account.LeaderId, cancellationToken) : null;
        var dashboard = user.IsInRole(Roles.SecrecyOfficer) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.DisciplineOfficial)
            ? await compliance.DashboardAsync(HeatMapRows, cancellationToken)
            : null;
        var cadre = AppraisalAccess.CanDecide(user) ? await CadreAsync(visible, cancellationToken) : null;

        // Art. 15: every role that reads the jurisdiction sees its open and overdue rectification orders.
        var orders = await rectification.WorkAsync(OverdueOrders, cancellationToken);

        // Art. 17: proposals waiting for the cadre-management organ's feedback, the overdue ones first (not for unit leaders).
        var proposalWork = await proposals.WorkAsync(OverdueOrders, cancellationToken);
        return new HomeSummary(account.DisplayName, account.UnitName, account.UnitCode, roles, jurisdiction.Scope, units, accounts, leader, dashboard, cadre, orders)
        {
            Proposals = proposalWork,
        };
    }

    /// <summary>Counted in SQL over the jurisdiction's appraisals of the current year.</summary>
    private async Task<CadreWork> CadreAsync(IQueryable<int> visible, CancellationToken cancellationToken)
    {
        var year = compliance.Today.Year;
        var counts = await db.Appraisals.AsNoTracking()
            .Where(a => a.Year == year && visible.Contains(a.UnitId) && (a.FinalizedAtUtc != null || a.OrganizationOpinion != null))
            .GroupBy(a => a.FinalizedAtUtc != null)
            .Select(g => new { Finalized = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new CadreWork(
            year,
            counts.Where(c => !c.Finalized).Sum(c => c.Count),
            counts.Where(c => c.Finalized).Sum(c => c.Count));
    }

    private async Task<LeaderDashboard> LeaderAsync(int? leaderId, CancellationToken cancellationToken)
    {
        var today = compliance.Today;
        var year = today.Year;
        var unit = await compliance.OwnUnitAsync(cancellationToken);
        IReadOnlyList<OwnChecklist> checklists = [];
        var appraisal = OwnAppraisalState.NotStarted;
        if (leaderId is int id)
        {
            // The leader's own postings holding during the year, wherever they are (responsibility follows the posting);
            // only those in scope of art. 2 keep a checklist.
            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            checklists = await db.Postings.AsNoTracking()
                .Where(LeaderScope.PostingInScope)
                .Where(p => p.LeaderId == id && p.From <= end && (p.To == null || p.To >= start))
                .OrderBy(p => p.Role).ThenBy(p => p.From)
                .Select(p => new OwnChecklist(
                    p.Id,
                    p.Unit!.Name,
                    p.Role,
                    p.Title,
                    db.DutyChecklists.Where(c => c.PostingId == p.Id && c.Year == year).Select(c => (ChecklistStatus?)c.Status).FirstOrDefault()))
                .ToListAsync(cancellationToken);
            var own = await db.Appraisals.AsNoTracking()
                .Where(a => a.LeaderId == id && a.Year == year)
                .Select(a => new
                {
                    Finalized = a.FinalizedAtUtc != null,
                    HasReport = a.DutyReportSection != null && a.DutyReportSection != "",
                    HasOpinion = a.OrganizationOpinion != null && a.OrganizationOpinion != "",
                })
                .FirstOrDefaultAsync(cancellationToken);
            appraisal = own is null ? OwnAppraisalState.NotStarted
                : own.Finalized ? OwnAppraisalState.Finalized
                : own.HasOpinion ? OwnAppraisalState.AwaitingDecision
                : own.HasReport ? OwnAppraisalState.AwaitingOpinion
                : OwnAppraisalState.InProgress;
        }

        return new LeaderDashboard(year, today, unit, leaderId, checklists, appraisal);
    }
}
