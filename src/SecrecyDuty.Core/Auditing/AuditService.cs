using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SecrecyDuty.Core.Access;
using SecrecyDuty.Core.Common;

namespace SecrecyDuty.Core.Auditing;

/// <summary>Administrators read the audit trail of their jurisdiction, filtered (issue 3 "Audit trail").</summary>
public sealed class AuditService(ISecrecyDutyDb db, ICurrentUser user, Jurisdiction jurisdiction)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PagedList<AuditListItem>> ListAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        AuditAccess.RequireAuditReader(user);

        (page, pageSize) = Paging.Normalize(page, pageSize);
        var query = await FilteredAsync(filter, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(a => new
            {
                a.Id,
                a.AtUtc,
                a.UserName,
                a.Action,
                a.EntityType,
                a.EntityId,
                UnitName = db.Units.Where(u => u.Id == a.UnitId).Select(u => u.Name).FirstOrDefault(),
                a.Changes,
            })
            .ToListAsync(cancellationToken);
        var items = rows
            .Select(r => new AuditListItem(r.Id, r.AtUtc, r.UserName, r.Action, r.EntityType, r.EntityId, r.UnitName, ParseChanges(r.Changes)))
            .ToList();
        return new PagedList<AuditListItem>(items, page, pageSize, total);
    }

    /// <summary>The entity types present in the trail, for the filter.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        AuditAccess.RequireAuditReader(user);

        return await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }

    private async Task<IQueryable<AuditEntry>> FilteredAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var visible = jurisdiction.UnitIds();

        // A part of a record takes its record's unit; what is left without a unit (the system's own writes, a province-wide
        // template) belongs to the province, so only an administrator of the whole province reads it (issue 14, finding 8).
        var top = jurisdiction.TopUnitId;
        var wholeProvince = top is not null && await db.Units.AnyAsync(u => u.Id == top && u.ParentId == null, cancellationToken);
        var query = wholeProvince
            ? db.AuditEntries.AsNoTracking().Where(a => a.UnitId == null || visible.Contains(a.UnitId.Value))
            : db.AuditEntries.AsNoTracking().Where(a => a.UnitId != null && visible.Contains(a.UnitId.Value));
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var term = filter.User.Trim();
            query = query.Where(a => a.UserName.Contains(term));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            query = query.Where(a => a.EntityId == filter.EntityId.Trim());
        }

        if (filter.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= start);
        }

        // The last day there is has no day after it to bound the search: it means no upper bound.
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < end);
        }

        return query;
    }

    private static List<AuditChange> ParseChanges(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<AuditChange>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            // An import's summary is an object, not a change list: shown as one line.
            return [new AuditChange("", null, json)];
        }
    }
}
