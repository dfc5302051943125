using Microsoft.Extensions.DependencyInjection;
using SecrecyDuty.Core.Common;
using SecrecyDuty.Data;

namespace SecrecyDuty.Web.Tests.Infrastructure;

/// <summary>The stored version of a record, for a test that calls a service the way a form opened now would (docs/decisions/0020).</summary>
public static class RecordVersions
{
    public static Task<int> VersionOfAsync<T>(this TestApp app, params object[] key)
        where T : class, IVersioned =>
        app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var record = await db.Set<T>().FindAsync(key) ?? throw new InvalidOperationException($"No {typeof(T).Name} {string.Join(",", key)}.");
            return record.Version;
        });

    /// <summary>As <see cref="VersionOfAsync{T}"/>, or <see cref="Versions.None"/> when there is no such record yet (a form that creates it).</summary>
    public static Task<int> VersionOrNoneAsync<T>(this TestApp app, params object[] key)
        where T : class, IVersioned =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<AppDbContext>().Set<T>().FindAsync(key))?.Version ?? Versions.None);
}
