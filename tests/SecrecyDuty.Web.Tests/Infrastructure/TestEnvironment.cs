using System.Runtime.CompilerServices;

namespace SecrecyDuty.Web.Tests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>
    /// A run starts a dozen or more app instances (TestApp.Rent keeps one per test running at once); each would
    /// hold inotify watchers on its configuration files and web root, and Linux allows 128 per user. Tests never
    /// change those files: poll instead, and do not watch configuration at all.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
