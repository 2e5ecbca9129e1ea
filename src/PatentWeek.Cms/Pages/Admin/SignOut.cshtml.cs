using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PatentWeek.Cms.Data.Accounts;

namespace PatentWeek.Cms.Pages.Admin;

public sealed class SignOutModel(SignInManager<CmsUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Admin/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Admin/SignIn");
    }
}
