using System.Net;

namespace IoTCentral.Emulator.Tests.Infrastructure;

/// <summary>Organizations that tests assign devices, users and tokens to: the emulator refuses unknown ones.</summary>
public static class Organizations
{
    public static string Url(string id) => ApiClient.Api($"/organizations/{id}");

    /// <summary>Creates (or re-creates, PUT being idempotent) the organization under <paramref name="parent"/>.</summary>
    public static async Task EnsureAsync(ApiClient admin, string id, string? parent = null)
    {
        var response = await admin.PutAsync(Url(id), parent is null ? new { displayName = id } : new { displayName = id, parent });
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
    }

    /// <summary>
    /// The tree scope tests place a caller in: <c>parent</c> with the children <c>mine</c> (the caller's) and
    /// <c>sibling</c>, and <c>child</c> below <c>mine</c>.
    /// </summary>
    public static async Task EnsureCallerTreeAsync(ApiClient admin)
    {
        await EnsureAsync(admin, "parent");
        await EnsureAsync(admin, "mine", "parent");
        await EnsureAsync(admin, "sibling", "parent");
        await EnsureAsync(admin, "child", "mine");
    }
}
