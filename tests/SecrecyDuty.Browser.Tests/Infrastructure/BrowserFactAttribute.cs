namespace SecrecyDuty.Browser.Tests.Infrastructure;

/// <summary>
/// A test in a real Chromium. Without a browser on the machine it reports itself skipped with the reason,
/// unless SECRECYDUTY_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser is a failure.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserApp.BrowserInstalled && !BrowserApp.BrowserRequired)
        {
            Skip = $"No Chromium at {BrowserApp.ChromiumPath}: apt-get install chromium (or set SECRECYDUTY_CHROMIUM).";
        }
    }
}
