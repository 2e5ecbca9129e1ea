namespace PatentWeek.Cms.Accounts;

/// <summary>The four staff roles. Names are stable identifiers; the Chinese labels are for the UI.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Reviewer = "Reviewer";
    public const string CityContributor = "CityContributor";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Reviewer, CityContributor];

    public static string Label(string role) => role switch
    {
        Administrator => "管理员",
        Editor => "编辑",
        Reviewer => "审核员",
        CityContributor => "市州通讯员",
        _ => role,
    };

    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Authorization policies, applied to endpoint groups, never checked by hand in handlers.</summary>
public static class Policies
{
    /// <summary>Any signed-in staff member.</summary>
    public const string Staff = "Staff";

    /// <summary>May write content: administrators, editors, city contributors.</summary>
    public const string Authors = "Authors";

    /// <summary>May approve and reject: administrators, editors, reviewers.</summary>
    public const string Reviewers = "Reviewers";

    /// <summary>May publish, unpublish and schedule: administrators and editors.</summary>
    public const string Publishers = "Publishers";

    public const string Administrators = "Administrators";
}

public static class CmsClaims
{
    /// <summary>The city code of a city contributor.</summary>
    public const string City = "cms:city";

    /// <summary>"1" while a generated password has not been changed.</summary>
    public const string MustChangePassword = "cms:must-change-password";

    /// <summary>"1" for an administrator who has not turned on two-factor sign-in.</summary>
    public const string NeedsTwoFactor = "cms:needs-2fa";
}
