using IoTCentral.Emulator.Auth.Scope;
using System.Security.Cryptography;
using IoTCentral.Emulator.Features.DataExport;
using IoTCentral.Emulator.Features.Organizations;
using IoTCentral.Emulator.Http;
using IoTCentral.Emulator.State;
using Microsoft.Extensions.Primitives;

namespace IoTCentral.Emulator.Features.Devices;

/// <summary>
/// Device reads and writes against the <see cref="StateStore"/>, with etag checks. Writes publish the device's
/// lifecycle messages, whoever makes them (a REST request or a template migration job).
/// </summary>
internal sealed class DeviceService(StateStore store, ExportPublisher exports)
{
    public const int KeyBytes = 64;

    /// <summary>Up to <paramref name="count"/> devices after the id <paramref name="after"/>, in id order (a page).</summary>
    public IReadOnlyList<DeviceRecord> List(string? after, int count) => store.Read(s => s.Devices.After(after, count));

    /// <summary>A snapshot of every device, for a filtered or reordered list (which cannot read the id index page by page).</summary>
    public IReadOnlyList<DeviceRecord> All() => store.Read(s => s.Devices.Values.ToList());

    public DeviceRecord Get(string deviceId) => store.Read(s => s.Devices.GetValueOrDefault(deviceId)) ?? throw NotFound(deviceId);

    public (string IdScope, DeviceRecord Device) GetWithScope(string deviceId) =>
        store.Read(s => (s.Application.IdScope, s.Devices.GetValueOrDefault(deviceId))) is (var scope, { } device)
            ? (scope, device)
            : throw NotFound(deviceId);

    /// <summary>PUT: creates the device (<c>registered</c>) or replaces its settable members.</summary>
    public async Task<DeviceRecord> CreateOrReplaceAsync(string deviceId, JsonFields body, StringValues ifMatch)
    {
        if (!DeviceIds.IsValid(deviceId))
        {
            throw ApiException.BadRequest($"The device id '{deviceId}' is not valid: use {DeviceIds.Rule}.", ErrorCodes.InvalidId);
        }

        var created = NewDevice(deviceId, NewEtag(), NewKeys());
        DeviceRecord? before = null;
        var device = await store.WriteAsync(state =>
        {
            if (!state.Devices.TryGetValue(deviceId, out var current))
            {
                return state.Devices[deviceId] = Checked(state, DeviceChanges.Replace(created, body));
            }

            CheckEtag(current, body, ifMatch);
            before = current;
            return state.Devices[deviceId] = Checked(state, DeviceChanges.Replace(current, body) with { Etag = NewEtag() });
        });
        Published(before, device);
        return device;
    }

    /// <summary>PATCH: merges the body into an existing device.</summary>
    public async Task<DeviceRecord> UpdateAsync(string deviceId, JsonFields body, StringValues ifMatch)
    {
        DeviceRecord? before = null;
        var device = await store.WriteAsync(state =>
        {
            before = state.Devices.GetValueOrDefault(deviceId) ?? throw NotFound(deviceId);
            CheckEtag(before, body, ifMatch);
            return state.Devices[deviceId] = Checked(state, DeviceChanges.Merge(before, body) with { Etag = NewEtag() });
        });
        Published(before, device);
        return device;
    }

    public async Task RemoveAsync(string deviceId)
    {
        var removed = await store.WriteAsync(s =>
        {
            if (!s.Devices.Remove(deviceId))
            {
                return false;
            }

            RelationshipService.ForgetTarget(s, deviceId);
            return true;
        });
        if (!removed)
        {
            throw NotFound(deviceId);
        }
    }

    /// <summary>A device new to the state is registered; one that was there says what changed.</summary>
    private void Published(DeviceRecord? before, DeviceRecord after)
    {
        if (before is null)
        {
            exports.Lifecycle(after, ExportMessageTypes.Registered);
        }
        else
        {
            exports.LifecycleChanges(before, after);
        }
    }

    /// <summary>The device, once every organization it names is known to exist.</summary>
    private static DeviceRecord Checked(EmulatorState state, DeviceRecord device)
    {
        OrganizationService.RequireExisting(state, device.Organizations, "organizations");
        OrganizationScope.Current.RequirePlaced(device.Organizations, "organizations");
        return device;
    }

    /// <summary>An etag in the body or an If-Match header must match the device's current etag (412 otherwise).</summary>
    private static void CheckEtag(DeviceRecord current, JsonFields body, StringValues ifMatch) =>
        Etags.Check(current.Etag, body.GetString("etag"), ifMatch, "device");

    private static DeviceRecord NewDevice(string deviceId, string etag, SymmetricKeyRecord keys) =>
        new(deviceId, etag, deviceId, null, true, false, false, [], keys);

    private static SymmetricKeyRecord NewKeys() =>
        new(Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)));

    private static string NewEtag() => Etags.New();

    private static ApiException NotFound(string deviceId) =>
        ApiException.NotFound($"The device '{deviceId}' does not exist.", ErrorCodes.DeviceNotFound);
}
