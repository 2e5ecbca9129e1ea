using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data;
using PatentWeek.Cms.Data.Accounts;
using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Cli;

/// <summary>
/// <c>users add --email E --role R [--city CODE]</c> (password read from standard input),
/// <c>users list</c>, <c>users disable --email E</c>. Each change is audited as done by <c>cli</c>.
/// </summary>
internal sealed class UsersCommand(IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
{
    private const string Usage = "usage: users add --email E --role Administrator|Editor|Reviewer|CityContributor [--city CODE]  (password on standard input)\n       users list\n       users disable --email E";

    private readonly UserManager<CmsUser> _users = services.GetRequiredService<UserManager<CmsUser>>();
    private readonly CmsDbContext _db = services.GetRequiredService<CmsDbContext>();
    private readonly AuditLog _audit = services.GetRequiredService<AuditLog>();
    private readonly UserCreation _creation = services.GetRequiredService<UserCreation>();
    private readonly AccountService _accounts = services.GetRequiredService<AccountService>();

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> options) =>
        arguments.Count == 1 ? arguments[0] switch
        {
            "add" => await AddAsync(options),
            "list" => await ListAsync(),
            "disable" => await DisableAsync(options),
            _ => await FailAsync(Usage, 2),
        } : await FailAsync(Usage, 2);

    private async Task<int> AddAsync(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var roleName))
            return await FailAsync(Usage, 2);
        options.TryGetValue("city", out var city);
        // The rules are checked before the password is asked for; a wrong role or city is a usage error.
        var (role, refused) = await _creation.CheckAsync(email, roleName, city);
        if (refused.Count > 0)
            return await FailAsync(refused[0].Detail, refused[0].IsUsage ? 2 : 1);

        if (!Console.IsInputRedirected)
            await output.WriteAsync("Password: ");
        var password = (await input.ReadLineAsync())?.TrimEnd('\r') ?? "";
        var (_, errors) = await _creation.CreateAsync("cli", email, role, city, password, mustChangePassword: false);
        if (errors.Count > 0)
            return await FailAsync(errors[0].Detail, errors[0].IsUsage ? 2 : 1);
        await output.WriteLineAsync($"added {email} as {role}{(city is null ? "" : " of " + city)}");
        return 0;
    }

    private async Task<int> ListAsync()
    {
        var users = await _users.Users.OrderBy(u => u.Email).ToListAsync();
        await output.WriteLineAsync("email\troles\tcity\t2fa\tstate");
        foreach (var user in users)
        {
            var roles = string.Join(",", await _users.GetRolesAsync(user));
            var state = user.DisabledAt is not null ? "disabled" : user.MustChangePassword ? "must-change-password" : "active";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{user.Email}\t{roles}\t{user.CityCode ?? "-"}\t{(user.TwoFactorEnabled ? "on" : "off")}\t{state}"));
        }

        return 0;
    }

    private async Task<int> DisableAsync(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("email", out var email))
            return await FailAsync(Usage, 2);
        var user = await _users.FindByEmailAsync(email);
        if (user is null)
            return await FailAsync($"{email} has no account", 1);
        await _accounts.SetDisabledAsync(user, disabled: true);
        _audit.Record("cli", AuditAction.UserDisable, $"user/{email}");
        await _db.SaveChangesAsync();
        await output.WriteLineAsync($"disabled {email}; its sessions and tokens no longer work");
        return 0;
    }

    private async Task<int> FailAsync(string message, int code)
    {
        await error.WriteLineAsync(message);
        return code;
    }
}
