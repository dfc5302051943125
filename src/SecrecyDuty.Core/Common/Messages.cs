namespace SecrecyDuty.Core.Common;

/// <summary>
/// Marker type for the one string table of user-visible messages (<c>IStringLocalizer&lt;Messages&gt;</c>).
/// Keys are the English text; the web layer supplies the Simplified Chinese.
/// </summary>
public sealed class Messages;
