using PatentWeek.Cms.Workflow;

namespace PatentWeek.Cms.Accounts;

/// <summary>
/// A refused account change: the field it concerns and the refusal (English <see cref="Refusal.Detail"/> for the
/// command line, Chinese <see cref="Refusal.Text"/> for the admin UI, a stable code).
/// </summary>
public sealed record AccountError(string Field, Refusal Refusal)
{
    public string Detail => Refusal.Detail;

    public string Text => Refusal.Text;

    /// <summary>The request itself does not make sense (role and city), as opposed to the account it would create.</summary>
    public bool IsUsage => Field is "role" or "city";
}

/// <summary>Every refusal of adding or changing an account, decided together in English and Chinese.</summary>
public static class AccountRefusals
{
    public static Refusal RoleUnknown(string? role) => new("role-unknown", $"unknown role '{role}'; roles are {string.Join(", ", Roles.All)}", "未知角色。");
    public static Refusal CityRequired() => new("city-required", "a CityContributor needs --city CODE (e.g. 420100)", "市州通讯员需要选择市州。");
    public static Refusal CityOnlyForContributors() => new("city-only-contributors", "only a CityContributor is bound to a city", "只有市州通讯员属于市州。");
    public static Refusal CityUnknown(string city) => new("city-unknown", $"'{city}' is not a known city code", "未知市州。");
    public static Refusal EmailTaken(string email) => new("email-taken", $"{email} already has an account", "这个邮箱已有账号。");

    /// <summary>Identity's own checks (password rules, e-mail format), in the Chinese its error describer gives.</summary>
    public static Refusal NotCreated(string described) => new("account-not-created", "not added: " + described, described);
}
