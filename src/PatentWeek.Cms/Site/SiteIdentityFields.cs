using System.Net.Mail;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Infrastructure;

namespace PatentWeek.Cms.Site;

/// <summary>
/// One value of the site's identity: its name (the <c>site.yml</c> key in camel case, the <c>Cms:Site:</c> key as is),
/// its Chinese label, where it is stored and where configuration sets it.
/// </summary>
public sealed record SiteIdentityField(
    string Name, string Label, string Hint, SiteIdentityRule Rule,
    Func<SiteIdentityRecord, string?> Get, Action<SiteIdentityRecord, string?> Set, Func<SiteOptions, string?> Configured)
{
    /// <summary>The camel-case key of <c>site.yml</c> and of the admin form.</summary>
    public string Key => char.ToLowerInvariant(Name[0]) + Name[1..];
}

public enum SiteIdentityRule
{
    Text,
    Required,
    Domain,
    Email,
}

/// <summary>
/// The site's identity values and the one check of each, used by the seed import, the configuration validator and
/// the admin page alike, so a value refused in one place is refused in all.
/// </summary>
public static class SiteIdentityFields
{
    public const int MaxLength = 200;

    /// <summary>What a placeholder value carries, so nobody takes it for a real registration number.</summary>
    public const string PlaceholderMark = "（示例）";

    public static readonly IReadOnlyList<SiteIdentityField> All =
    [
        new("SiteName", "网站名称", "显示在每页标题和页脚，例如：第十三届中国专利周。", SiteIdentityRule.Required,
            r => r.SiteName, (r, v) => r.SiteName = v, o => o.SiteName),
        new("Domain", "网站域名", "不带 https://，例如：zscq.hubei.gov.cn。", SiteIdentityRule.Domain,
            r => r.Domain, (r, v) => r.Domain = v, o => o.Domain),
        new("Sponsor", "主办单位", "例如：湖北省知识产权局。", SiteIdentityRule.Required,
            r => r.Sponsor, (r, v) => r.Sponsor = v, o => o.Sponsor),
        new("Organizer", "承办单位", "可留空。", SiteIdentityRule.Text,
            r => r.Organizer, (r, v) => r.Organizer = v, o => o.Organizer),
        new("Address", "联系地址", "可留空。", SiteIdentityRule.Text,
            r => r.Address, (r, v) => r.Address = v, o => o.Address),
        new("Phone", "联系电话", "可留空。", SiteIdentityRule.Text,
            r => r.Phone, (r, v) => r.Phone = v, o => o.Phone),
        new("Email", "电子邮箱", "可留空。", SiteIdentityRule.Email,
            r => r.Email, (r, v) => r.Email = v, o => o.Email),
        new("SiteCode", "网站标识码", "全国政府网站基本数据库分配的 10 位标识码。", SiteIdentityRule.Text,
            r => r.SiteCode, (r, v) => r.SiteCode = v, o => o.SiteCode),
        new("IcpNumber", "ICP备案号", "例如：鄂ICP备12345678号，页脚链接到工信部备案系统。", SiteIdentityRule.Text,
            r => r.IcpNumber, (r, v) => r.IcpNumber = v, o => o.IcpNumber),
        new("PublicSecurityNumber", "公网安备案号", "例如：鄂公网安备 42010602000000号，页脚链接到公安备案网站。", SiteIdentityRule.Text,
            r => r.PublicSecurityNumber, (r, v) => r.PublicSecurityNumber = v, o => o.PublicSecurityNumber),
    ];

    public static SiteIdentityField? Find(string name) => All.FirstOrDefault(f => f.Name == name || f.Key == name);

    /// <summary>Trimmed text, or null for blank: a blank value is "not set".</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Why a (cleaned) value is refused, in Chinese for the person and English for logs and start-up; null when fine.</summary>
    public static (string Chinese, string English)? Problem(SiteIdentityField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (value is null)
            return field.Rule == SiteIdentityRule.Required ? ($"请填写{field.Label}。", "is required") : null;
        if (ControlCharacters.Find(value) >= 0 || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            return ($"{field.Label}只能是一行文字，" + ControlCharacters.Chinese, "must be one line without control characters");
        if (value.Length > MaxLength)
            return ($"{field.Label}最多 {MaxLength} 个字。", $"must be at most {MaxLength} characters");
        return field.Rule switch
        {
            SiteIdentityRule.Domain when !IsDomain(value) => ("网站域名应为域名本身，例如 zscq.hubei.gov.cn（不带 https:// 和路径）。", "must be a host name such as zscq.hubei.gov.cn"),
            SiteIdentityRule.Email when !MailAddress.TryCreate(value, out var mail) || mail.Address != value => ("电子邮箱格式不对，例如 zscq@example.cn。", "must be an e-mail address"),
            _ => null,
        };
    }

    public static bool IsPlaceholder(string? value) => value?.Contains(PlaceholderMark, StringComparison.Ordinal) == true;

    private static bool IsDomain(string value) =>
        value.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(value) == UriHostNameType.Dns;
}
