using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Content;
using PatentWeek.Cms.Data.Media;

namespace PatentWeek.Cms.Tests.Unit;

/// <summary>
/// The authorization table without a database: every operation for every role, on a resource of the actor's
/// city, of another city and of none; and the same answers through ASP.NET Core's authorization service with
/// the one handler registered, for content and media alike.
/// </summary>
public sealed class CityRulesTests
{
    private const string Wuhan = "420100";
    private const string Huangshi = "420200";

    private static MediaAsset Media(string? city, int id = 0) =>
        new() { Id = id, CityCode = city, ContentType = "application/pdf", OriginalName = "方案.pdf", Sha256 = "00" };

    private static Actor Person(string role, string? city = null) => new("u-" + role, role + "@example.cn", new HashSet<string>([role]), city);

    // Expected answers on a Wuhan resource: R(ead) E(dit) D(elete) S(ubmit) V (review) P(ublish) C(ross-post) L (download) M(anage).
    [Theory]
    [InlineData(Roles.Administrator, null, "REDSVPCLM")]
    [InlineData(Roles.Editor, null, "REDSVPCL")]
    [InlineData(Roles.Reviewer, null, "RVL")]
    [InlineData(Roles.CityContributor, Wuhan, "REDSL")]
    [InlineData(Roles.CityContributor, Huangshi, "")]
    [InlineData(Roles.CityContributor, null, "")]
    public void Each_role_may_do_its_operations_on_a_city_s_resource(string role, string? city, string expected)
    {
        var actor = Person(role, city);
        var item = new ContentItem { Slug = "s", Title = "t", CityCode = Wuhan };
        Assert.Equal(expected, Letters(op => CityRules.Allows(actor, op, item)));
    }

    [Fact]
    public void A_resource_of_no_city_belongs_to_the_office()
    {
        var office = Media(null);
        Assert.Equal("", Letters(op => CityRules.Allows(Person(Roles.CityContributor, Wuhan), op, office)));
        Assert.Equal("REDSVPCL", Letters(op => CityRules.Allows(Person(Roles.Editor), op, office)));
    }

    [Fact]
    public void An_editor_who_is_also_a_city_contributor_is_not_bound_to_the_city()
    {
        var both = new Actor("u", "both@example.cn", new HashSet<string>([Roles.Editor, Roles.CityContributor]), Wuhan);
        Assert.True(CityRules.CanRead(both, new ContentItem { Slug = "s", Title = "t", CityCode = Huangshi }));
    }

    [Fact]
    public void The_list_scope_keeps_exactly_what_the_read_rule_allows()
    {
        var media = new[] { Wuhan, Huangshi, null }.Select((c, i) => Media(c, i + 1)).ToList();
        foreach (var actor in new[] { Person(Roles.CityContributor, Wuhan), Person(Roles.CityContributor), Person(Roles.Reviewer), Person(Roles.Editor) })
        {
            var listed = CityRules.Readable(media.AsQueryable(), actor).Select(m => m.Id).ToList();
            Assert.Equal(media.Where(m => CityRules.CanRead(actor, m)).Select(m => m.Id).ToList(), listed);
        }
    }

    [Theory]
    [InlineData(Roles.Editor, null)]
    [InlineData(Roles.Reviewer, null)]
    [InlineData(Roles.CityContributor, Wuhan)]
    [InlineData(Roles.CityContributor, Huangshi)]
    public async Task The_authorization_service_answers_by_the_same_table(string role, string? city)
    {
        await using var services = new ServiceCollection().AddLogging().AddAuthorizationCore()
            .AddSingleton<IAuthorizationHandler, CityOwnedHandler>().BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var actor = Person(role, city);
        var user = ResourceAuthorization.Principal(actor);
        Assert.Equal(actor, Actor.From(user) with { Roles = actor.Roles });
        Assert.Equal(actor.Roles.Order(), Actor.From(user).Roles.Order());

        foreach (var resource in new PatentWeek.Cms.Data.ICityOwned[] { new ContentItem { Slug = "s", Title = "t", CityCode = Wuhan }, Media(Wuhan) })
        {
            foreach (var op in All)
            {
                var asked = (await authorization.AuthorizeAsync(user, resource, op)).Succeeded;
                Assert.True(asked == CityRules.Allows(actor, op, resource), $"{role} {city} {op.Name} on {resource.GetType().Name}");
            }
        }
    }

    private static readonly OperationAuthorizationRequirement[] All =
    [
        Operations.Read, Operations.Edit, Operations.Delete, Operations.Submit, Operations.Review,
        Operations.Publish, Operations.CrossPost, Operations.Download, Operations.Manage,
    ];

    private static string Letters(Func<OperationAuthorizationRequirement, bool> allows) =>
        string.Concat(All.Zip("REDSVPCLM").Where(p => allows(p.First)).Select(p => p.Second));
}
