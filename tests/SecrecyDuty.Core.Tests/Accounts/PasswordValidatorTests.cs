using SecrecyDuty.Core.Accounts;

namespace SecrecyDuty.Core.Tests.Accounts;

/// <summary>
/// A new password, set by its owner or reset by an administrator, has from 12 to 128 characters: long passphrases are
/// welcome (ASVS V6.2.9 asks for 64 at least); a page of pasted text is refused beside the field, as at the account's creation.
/// </summary>
public sealed class PasswordValidatorTests
{
    private static readonly ChangePasswordValidator Change = new(new PassThroughLocalizer());
    private static readonly ResetPasswordValidator Reset = new(new PassThroughLocalizer());

    private static string Password(int length) => "Pass-2026" + new string('x', length - 9);

    [Theory]
    [InlineData(12, true)]
    [InlineData(128, true)]
    [InlineData(129, false)]
    [InlineData(100_000, false)]
    public void A_changed_password_has_from_12_to_128_characters(int length, bool valid)
    {
        var password = Password(length);
        var errors = Change.Validate(new ChangePasswordInput { CurrentPassword = "Old-Password-2026", NewPassword = password, ConfirmPassword = password }).Errors;
        Assert.Equal(valid ? [] : ["NewPassword"], errors.Select(e => e.PropertyName));
    }

    [Theory]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void A_password_reset_by_an_administrator_has_at_most_128_characters(int length, bool valid)
    {
        var errors = Reset.Validate(new ResetPasswordInput { NewPassword = Password(length) }).Errors;
        Assert.Equal(valid ? [] : ["A password has at most 128 characters."], errors.Select(e => e.ErrorMessage));
    }
}
