using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Accounts;

/// <summary>
/// Start-up work for accounts: the four roles always exist; in the embedded mode with samples a first start
/// creates one demo account per role with random passwords (to be changed at the first sign-in), prints
/// them once and writes them to <c>&lt;DataPath&gt;/initial-credentials.txt</c>, readable by the owner only.
/// There is no fixed default password anywhere.
/// </summary>
public static class AccountsInitializer
{
    public const string CredentialsFile = "initial-credentials.txt";
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static readonly IReadOnlyList<(string Email, string Role, string? City)> Demo =
    [
        ("admin@patentweek.test", Roles.Administrator, null),
        ("editor@patentweek.test", Roles.Editor, null),
        ("reviewer@patentweek.test", Roles.Reviewer, null),
        ("wuhan@patentweek.test", Roles.CityContributor, "420100"),
        ("huangshi@patentweek.test", Roles.CityContributor, "420200"),
    ];

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    public static async Task CreateDemoAccountsAsync(UserManager<CmsUser> users, CmsDbContext db, CmsPaths paths, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(output);
        if (users.Users.Any())
            return;

        // All accounts or none: a crash half-way must not leave accounts whose passwords nobody saw.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var lines = new StringBuilder("# PatentWeek.Cms demo accounts. Each password must be changed at the first sign-in.\n");
        foreach (var (email, role, city) in Demo)
        {
            var password = NewPassword();
            var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, CityCode = city, MustChangePassword = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, role);
            lines.Append(System.Globalization.CultureInfo.InvariantCulture, $"{email}\t{role}{(city is null ? "" : " " + city)}\t{password}\n");
        }

        var file = Path.Combine(paths.DataPath, CredentialsFile);
        // A fresh file, so it gets the owner-only mode even if an old one was readable by others.
        File.Delete(file);
        var fileOptions = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(file, fileOptions))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(lines.ToString()));
        }

        await transaction.CommitAsync();
        await output.WriteLineAsync($"\nDemo accounts created (shown once; also in {file}, readable by you only):\n{lines}");
    }

    /// <summary>16 characters from an unambiguous alphabet, with upper, lower and digit guaranteed.</summary>
    public static string NewPassword()
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 16);
            if (chars.Any(char.IsUpper) && chars.Any(char.IsLower) && chars.Any(char.IsDigit))
                return new string(chars);
        }
    }
}
