using System.Security.Cryptography;
using System.Text;

namespace PatentWeek.WeChat.Push;

/// <summary>
/// The two signatures of WeChat's server configuration: <c>signature</c> on every push and the URL check
/// (token, timestamp, nonce), and <c>msg_signature</c> on encrypted pushes (the same plus the ciphertext).
/// Both are the lower-case hex SHA-1 of the values sorted ordinally and joined without a separator.
/// </summary>
public static class WeChatSignature
{
    public static string Compute(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = (string[])values.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is what the WeChat protocol specifies; it is not our choice of hash.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
#pragma warning restore CA5350
    }

    /// <summary>Compares a received signature with the expected one in constant time (no early exit to time).</summary>
    public static bool Matches(string? received, params string[] values)
    {
        if (string.IsNullOrEmpty(received))
            return false;
        var expected = Encoding.ASCII.GetBytes(Compute(values));
        var given = Encoding.ASCII.GetBytes(received.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
