using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace PatentWeek.Cms.Accounts;

/// <summary>
/// What may be done to a city-owned resource, asked of <c>IAuthorizationService</c> with the resource itself.
/// <see cref="CityRules"/> decides each; endpoints, page handlers and the admin's buttons all ask by these.
/// </summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
    public static readonly OperationAuthorizationRequirement Delete = new() { Name = nameof(Delete) };
    public static readonly OperationAuthorizationRequirement Submit = new() { Name = nameof(Submit) };
    public static readonly OperationAuthorizationRequirement Review = new() { Name = nameof(Review) };
    public static readonly OperationAuthorizationRequirement Publish = new() { Name = nameof(Publish) };
    public static readonly OperationAuthorizationRequirement CrossPost = new() { Name = nameof(CrossPost) };
    public static readonly OperationAuthorizationRequirement Download = new() { Name = nameof(Download) };
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}
