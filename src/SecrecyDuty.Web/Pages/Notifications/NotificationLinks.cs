using Microsoft.AspNetCore.Mvc;
using SecrecyDuty.Core.Notifications;

namespace SecrecyDuty.Web.Pages.Notifications;

/// <summary>The page that shows the record a notification is about.</summary>
public static class NotificationLinks
{
    public static string? Record(IUrlHelper url, NotificationRecord type, int id)
    {
        ArgumentNullException.ThrowIfNull(url);
        return type switch
        {
            NotificationRecord.RectificationOrder => url.Page("/Inspections/Orders/Details", new { id }),
            NotificationRecord.Proposal => url.Page("/Proposals/Details", new { id }),
            NotificationRecord.Incident => url.Page("/Incidents/Details", new { id }),
            NotificationRecord.Unit => url.Page("/Compliance/Unit", new { id }),
            NotificationRecord.Posting => url.Page("/Checklists/Posting", new { postingId = id }),
            NotificationRecord.SecrecyOrganization => url.Page("/SecrecyOrganizations/Details", new { id }),
            _ => null,
        };
    }
}
