using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace IoTCentral.Emulator.Auth.Identity;

/// <summary>
/// The emulator's stand-in for microsoft.com/devicelogin: a form where a person types the code a device-code client
/// printed and the principal name of a registered user. No password: the emulator trusts whoever uses it.
/// </summary>
internal static class DeviceLoginPage
{
    public const string Path = "/devicelogin";

    public static IResult Form(string? message = null) => Html($"""
        <h1>IoT Central emulator: device sign-in</h1>
        {(message is null ? "" : $"<p>{HtmlEncoder.Default.Encode(message)}</p>")}
        <form method="post" action="{Path}">
          <p><label>Code <input name="code" autofocus required></label></p>
          <p><label>User principal name (a registered user) <input name="upn" required></label></p>
          <p><button type="submit">Sign in</button></p>
        </form>
        """);

    public static async Task<IResult> SubmitAsync(HttpContext context, EmulatorIdentities identities)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        try
        {
            identities.CompleteDeviceCode(form["code"].ToString(), form["upn"].ToString());
        }
        catch (ArgumentException e)
        {
            return Form(e.Message);
        }

        return Html($"<h1>Signed in</h1><p>{HtmlEncoder.Default.Encode(form["upn"].ToString())} is signed in; you can close this page.</p>");
    }

    private static IResult Html(string body) =>
        Results.Content($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Device sign-in</title></head><body>{body}</body></html>", "text/html; charset=utf-8");
}
