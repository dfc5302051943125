using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SecrecyDuty.Web.Infrastructure;

namespace SecrecyDuty.Web.Pages;

/// <summary>Switches the UI language and remembers it in a cookie for a year.</summary>
public sealed class CultureModel : PageModel
{
    public IActionResult OnGet(string? returnUrl) => LocalRedirect(Url.SafeReturnUrl(returnUrl));

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (culture is not null && SupportedCultures.All.Contains(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        }

        return LocalRedirect(Url.SafeReturnUrl(returnUrl));
    }
}
