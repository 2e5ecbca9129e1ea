using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatentWeek.Cms.Accounts;
using PatentWeek.Cms.Data.Accounts;

namespace PatentWeek.Cms.Tests.Infrastructure;

/// <summary>A signed-in staff member: the account and an API client carrying its personal access token.</summary>
public sealed record StaffMember(CmsUser User, string Email, HttpClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>Creates staff accounts the way an administrator would, and signs them in for the API.</summary>
public static class Staff
{
    public const string Password = "Correct-horse-42";

    public static async Task<CmsUser> CreateUserAsync(CmsApp app, string role, string? city = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24] + "@example.cn";
        var user = new CmsUser { UserName = email, Email = email, EmailConfirmed = true, CityCode = city };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (role == Roles.Administrator)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return user;
    }

    public static async Task<StaffMember> SignInAsync(CmsApp app, string role, string? city = null)
    {
        var user = await CreateUserAsync(app, role, city);
        var client = app.CreateClient();
        var token = await TokenAsync(app, client, user.Email!, Password, role == Roles.Administrator ? await CodeAsync(app, user) : null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new StaffMember(user, user.Email!, client);
    }

    /// <summary>Signs a client of a separately started process in with a bearer token.</summary>
    public static async Task BearerAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email, password }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(body).RootElement.GetProperty("token").GetString());
    }

    public static async Task<string> TokenAsync(CmsApp app, HttpClient client, string email, string password, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/manage/v1/tokens", new { email, password, code }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>The current authenticator code of a user with 2FA on (RFC 6238: SHA-1, 30 s, 6 digits).</summary>
    public static async Task<string> CodeAsync(CmsApp app, CmsUser user)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CmsUser>>();
        var key = await users.GetAuthenticatorKeyAsync(await users.FindByIdAsync(user.Id) ?? user);
        return Totp(Base32(key!), DateTimeOffset.UtcNow);
    }

    public static string Totp(byte[] key, DateTimeOffset now)
    {
        var counter = BitConverter.GetBytes(now.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
            Array.Reverse(counter);
#pragma warning disable CA5350 // RFC 6238 authenticator codes are HMAC-SHA1 by definition.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
