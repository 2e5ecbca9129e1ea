using Microsoft.Extensions.Configuration;
using PatentWeek.Cms.Data.Campaign;
using PatentWeek.Cms.Infrastructure;
using PatentWeek.Cms.Site;

namespace PatentWeek.Cms.Tests.Site;

/// <summary>The identity's rules without a database: which source wins, and which values are refused.</summary>
public sealed class SiteIdentityRulesTests
{
    [Fact]
    public void Configuration_wins_over_the_row_and_a_blank_value_falls_through()
    {
        var row = new SiteIdentityRecord { SiteName = "种子站名", Sponsor = "种子主办", Phone = "027-1", UpdatedBy = "admin@example.cn" };
        var state = SiteIdentity.Combine(row, new SiteOptions { SiteName = "配置站名", Sponsor = "  " });
        Assert.Equal("配置站名", state.Identity.SiteName);
        Assert.Equal(SiteValueSource.Configuration, state.Sources["SiteName"]);
        Assert.Equal("种子主办", state.Identity.Sponsor);
        Assert.Equal(SiteValueSource.Administrator, state.Sources["Sponsor"]);
        Assert.Equal(SiteValueSource.None, state.Sources["Email"]);

        row.UpdatedBy = SiteIdentityRecord.ImportUser;
        Assert.Equal(SiteValueSource.SeedFile, SiteIdentity.Combine(row, new SiteOptions()).Sources["Phone"]);
        Assert.Equal(SiteIdentity.FallbackName, SiteIdentity.Combine(null, new SiteOptions()).Identity.SiteName);
    }

    [Theory]
    [InlineData("Domain", "https://zscq.example.cn/", false)]
    [InlineData("Domain", "zscq.hubei.gov.cn", true)]
    [InlineData("Email", "zscq@example.cn", true)]
    [InlineData("Email", "邮箱", false)]
    [InlineData("Address", "武汉\u001b市", false)]
    [InlineData("Address", "武汉市\n洪山区", false)]
    [InlineData("SiteName", null, false)]
    [InlineData("Organizer", null, true)]
    public void Each_value_is_checked_by_its_rule(string name, string? value, bool accepted)
    {
        var field = SiteIdentityFields.Find(name)!;
        Assert.Equal(accepted, SiteIdentityFields.Problem(field, SiteIdentityFields.Clean(value)) is null);
    }

    [Fact]
    public void A_too_long_value_is_refused()
    {
        var field = SiteIdentityFields.Find("Address")!;
        Assert.NotNull(SiteIdentityFields.Problem(field, new string('路', SiteIdentityFields.MaxLength + 1)));
    }

    [Fact]
    public void A_bad_configured_value_stops_the_start_with_its_key()
    {
        var validator = new CmsOptionsValidator(new ConfigurationBuilder().Build());
        var result = validator.Validate(null, new CmsOptions { Site = new SiteOptions { Email = "not-an-address" } });
        Assert.True(result.Failed);
        Assert.Contains("Cms:Site:Email", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new CmsOptions { Site = new SiteOptions { Email = "zscq@example.cn" } }).Succeeded);
    }

    [Fact]
    public void The_public_security_link_carries_the_record_code_and_placeholders_are_recognised()
    {
        var identity = new SiteIdentityDto("站", null, null, null, null, null, null, "4200000001", "鄂ICP备1号", "鄂公网安备 42010602000123号");
        Assert.Equal("https://beian.mps.gov.cn/#/query/webSearch?code=42010602000123", identity.PublicSecurityUrl);
        Assert.False(identity.HasPlaceholders);
        Assert.True((identity with { SiteCode = "0000000000" + SiteIdentityFields.PlaceholderMark }).HasPlaceholders);
    }
}
