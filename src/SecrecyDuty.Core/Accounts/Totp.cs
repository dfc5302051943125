using System.Globalization;
using System.Security.Cryptography;

namespace SecrecyDuty.Core.Accounts;

/// <summary>
/// Time-based one-time passwords as authenticator apps compute them (RFC 6238 over RFC 4226: HMAC-SHA1, 30-second
/// steps, six digits), from the Base32 key Identity keeps for the account. Written here because Identity's own
/// implementation is internal and does not say which time step a code matched, which a code-used-once rule needs.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>Codes of one step before and after now are accepted too: a phone's clock drifts, a person types slowly.</summary>
    public const int AllowedDriftSteps = 1;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code of <paramref name="step"/> for the raw key.</summary>
    public static string Code(byte[] key, long step)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; its use in an HMAC is not weak.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The step within the allowed drift around <paramref name="now"/> whose code is <paramref name="code"/>, if any.</summary>
    public static long? MatchingStep(byte[] key, string code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var current = StepAt(now);
        long? matched = null;
        for (var step = current - AllowedDriftSteps; step <= current + AllowedDriftSteps; step++)
        {
            // Every step is computed and compared in constant time, so the answer's timing says nothing about which matched.
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                matched ??= step;
            }
        }

        return matched;
    }

    /// <summary>Decodes RFC 4648 Base32 (the form of the key shown to people and put in the QR code), ignoring spaces and case.</summary>
    public static byte[] FromBase32(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '=' or '-')
            {
                continue;
            }

            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The key is not Base32.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. output];
    }
}
