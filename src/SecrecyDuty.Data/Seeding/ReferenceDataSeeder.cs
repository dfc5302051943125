using Microsoft.AspNetCore.Identity;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Data.Seeding;

/// <summary>
/// Data every installation needs, in every environment: the six roles, the regulation catalogue and the
/// shipped inspection checklist templates. Idempotent.
/// </summary>
public sealed class ReferenceDataSeeder(RoleManager<IdentityRole> roles, CatalogueSeeder catalogue, ScoreTemplateSeeder scoreTemplates)
{
    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }

        await catalogue.SeedAsync();

        // After the catalogue: template items refer to its duty and deficiency codes.
        await scoreTemplates.SeedAsync();
    }
}
