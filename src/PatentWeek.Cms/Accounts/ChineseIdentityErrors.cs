using Microsoft.AspNetCore.Identity;

namespace PatentWeek.Cms.Accounts;

/// <summary>
/// ASP.NET Core Identity's refusals (a taken e-mail, a weak password) in Chinese, since the admin pages show them to
/// the person who typed the value. The codes stay Identity's own.
/// </summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(base.DefaultError(), "操作失败，请重试。");
    public override IdentityError ConcurrencyFailure() => Error(base.ConcurrencyFailure(), "有人同时修改了这个账号，请刷新后再试。");
    public override IdentityError PasswordMismatch() => Error(base.PasswordMismatch(), "密码不正确。");
    public override IdentityError InvalidToken() => Error(base.InvalidToken(), "链接或验证码已失效。");
    public override IdentityError InvalidUserName(string? userName) => Error(base.InvalidUserName(userName), $"用户名“{userName}”不可用。");
    public override IdentityError InvalidEmail(string? email) => Error(base.InvalidEmail(email), $"邮箱“{email}”格式不正确。");
    public override IdentityError DuplicateUserName(string userName) => Error(base.DuplicateUserName(userName), $"用户名“{userName}”已被使用。");
    public override IdentityError DuplicateEmail(string email) => Error(base.DuplicateEmail(email), $"邮箱“{email}”已被使用。");
    public override IdentityError InvalidRoleName(string? role) => Error(base.InvalidRoleName(role), $"角色名“{role}”不可用。");
    public override IdentityError DuplicateRoleName(string role) => Error(base.DuplicateRoleName(role), $"角色“{role}”已存在。");
    public override IdentityError UserAlreadyHasPassword() => Error(base.UserAlreadyHasPassword(), "该账号已设置密码。");
    public override IdentityError UserLockoutNotEnabled() => Error(base.UserLockoutNotEnabled(), "该账号未启用锁定。");
    public override IdentityError UserAlreadyInRole(string role) => Error(base.UserAlreadyInRole(role), $"该账号已经是{Roles.Label(role)}。");
    public override IdentityError UserNotInRole(string role) => Error(base.UserNotInRole(role), $"该账号不是{Roles.Label(role)}。");
    public override IdentityError PasswordTooShort(int length) => Error(base.PasswordTooShort(length), $"密码至少 {length} 位。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(base.PasswordRequiresUniqueChars(uniqueChars), $"密码至少包含 {uniqueChars} 个不同的字符。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(base.PasswordRequiresNonAlphanumeric(), "密码需要包含字母和数字以外的符号。");
    public override IdentityError PasswordRequiresDigit() => Error(base.PasswordRequiresDigit(), "密码需要包含数字。");
    public override IdentityError PasswordRequiresLower() => Error(base.PasswordRequiresLower(), "密码需要包含小写字母。");
    public override IdentityError PasswordRequiresUpper() => Error(base.PasswordRequiresUpper(), "密码需要包含大写字母。");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(base.RecoveryCodeRedemptionFailed(), "恢复码无效。");
    public override IdentityError LoginAlreadyAssociated() => Error(base.LoginAlreadyAssociated(), "该登录方式已关联其他账号。");

    private static IdentityError Error(IdentityError english, string text) => new() { Code = english.Code, Description = text };
}
