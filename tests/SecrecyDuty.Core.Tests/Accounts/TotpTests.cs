using System.Text;
using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Tests.Accounts;

/// <summary>The authenticator codes are those of RFC 6238 (its appendix B test values, HMAC-SHA1, cut to six digits).</summary>
public sealed class TotpTests
{
    private static readonly byte[] RfcKey = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void RFC_6238_appendix_B_values(long unixSeconds, string code)
    {
        Assert.Equal(code, Totp.Code(RfcKey, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
    }

    [Fact]
    public void A_code_of_one_step_before_or_after_matches_and_two_steps_away_does_not()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        var step = Totp.StepAt(now);

        Assert.Equal(step - 1, Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, step - 1), now));
        Assert.Equal(step + 1, Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, step + 1), now));
        Assert.Null(Totp.MatchingStep(RfcKey, Totp.Code(RfcKey, step - 2), now));
        Assert.Null(Totp.MatchingStep(RfcKey, "12a456", now));
    }

    [Fact]
    public void Base32_keys_decode_as_RFC_4648_says_ignoring_case_and_spaces()
    {
        Assert.Equal(RfcKey, Totp.FromBase32("GEZD GNBV GY3T QOJQ gezd gnbv gy3t qojq"));
    }
}
