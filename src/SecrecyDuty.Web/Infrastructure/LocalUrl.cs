using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace SecrecyDuty.Web.Infrastructure;

/// <summary>Where a page may send the browser back to after signing in or switching the language.</summary>
public static class LocalUrl
{
    /// <summary>
    /// <paramref name="returnUrl"/> when it is local, else "/"; percent-encoded so that it is a valid Location header
    /// (a raw "/¿" or control character there made Kestrel throw, a 500).
    /// </summary>
    public static string SafeReturnUrl(this IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        return !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? Encode(returnUrl) : "/";
    }

    /// <summary>Percent-encodes (as UTF-8) every character that is not printable ASCII.</summary>
    public static string Encode(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var encoded = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
