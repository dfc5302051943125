using QRCoder;

namespace SecrecyDuty.Web.Infrastructure.Security;

/// <summary>The enrolment QR code, drawn by the app itself as SVG (QRCoder): the key never leaves the server for an outside service.</summary>
public static class QrCodeImage
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>The otpauth URI authenticator apps read (Google's Key Uri Format), for the account and the issuer "SecrecyDuty".</summary>
    public static string AuthenticatorUri(string userName, string key)
    {
        var issuer = Uri.EscapeDataString("SecrecyDuty");
        return $"otpauth://totp/{issuer}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={issuer}&digits=6";
    }
}
