using SecrecyDuty.Core.Accounts;
using SecrecyDuty.Core.Leaders;
using SecrecyDuty.Web.Tests.Infrastructure;

namespace SecrecyDuty.Web.Tests.Notifications;

/// <summary>
/// A unit (UNIT, under PROV) whose duties come from the catalogue's frequency rules: its principal leader 王书记 (account
/// "wang") has heard no briefing this half-year (P5.3), its leader in charge of secrecy work 李部长 ("li") has held no member
/// meeting this year (S6.5), its other member 赵委员 has no account, and its secrecy cadre was never trained (P5.2, for
/// "unitofficer"; "provofficer" sits one level up). All postings began on 2024-01-01.
/// </summary>
internal static class FrequencyProvince
{
    public static Task<BuiltProvince> BuildAsync(TestApp app) =>
        app.Province()
            .WithUnit("PROV")
            .WithUnit("UNIT", parent: "PROV")
            .WithLeader("王书记", "UNIT")
            .WithLeader("李部长", "UNIT")
            .WithLeader("赵委员", "UNIT")
            .WithPosting("王书记", PostingRole.PrincipalLeader, new DateOnly(2024, 1, 1), title: "书记")
            .WithPosting("李部长", PostingRole.SecrecyLeader, new DateOnly(2024, 1, 1), title: "副部长")
            .WithPosting("赵委员", PostingRole.OtherMember, new DateOnly(2024, 1, 1), title: "委员")
            .WithOrganization("UNIT", partTime: 1)
            .WithAccount("wang", Roles.UnitLeader, "UNIT", leader: "王书记")
            .WithAccount("li", Roles.UnitLeader, "UNIT", leader: "李部长")
            .WithAccount("unitofficer", Roles.SecrecyOfficer, "UNIT")
            .WithAccount("provofficer", Roles.SecrecyOfficer, "PROV")
            .BuildAsync();
}
