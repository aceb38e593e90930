using System;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using IoTCentral.Completion;
using IoTCentral.Infrastructure;
using IoTCentral.Models;
using IoTCentral.Validation;

namespace IoTCentral.Commands.DeviceKey
{
    /// <summary>
    /// Derives a device's SAS key from a symmetric-key enrollment group key, as the Device Provisioning Service
    /// checks it: HMAC-SHA256 of the device id (UTF-8) keyed with the decoded group key, in base64. Nothing is sent
    /// anywhere, so there is no -Session and nothing to rehearse (like New-Guid, it only makes a value).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "IoTCentralDeviceKey")]
    [OutputType(typeof(Models.DeviceKey), typeof(PlainTextDeviceKey))]
    public sealed class NewIoTCentralDeviceKeyCommand : PSCmdlet, IDisposable
    {
        private HMACSHA256? hmac;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ArgumentCompleter(typeof(DeviceIdCompleter))]
        [ValidateDeviceId]
        public string DeviceId { get; set; } = string.Empty;

        /// <summary>The enrollment group's primary or secondary key, base64 as the service shows it.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        public SecureString GroupKey { get; set; } = null!;

        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        public void Dispose()
        {
            hmac?.Dispose();
        }

        protected override void BeginProcessing()
        {
            byte[] key;
            try
            {
                // Decoded once for every piped id; the plain text lives only for this conversion.
                key = Convert.FromBase64String(SecureStrings.ToPlainText(GroupKey) ?? string.Empty);
            }
            catch (FormatException)
            {
                key = Array.Empty<byte>();
            }

            if (key.Length == 0)
            {
                // The key itself is never the error's target: it is a secret.
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-GroupKey is not a base64 key. Copy the enrollment group's primary or secondary key as the application shows it (for example 8isrFI1s...Egw==)."),
                    ErrorIds.InvalidGroupKey,
                    ErrorCategory.InvalidArgument,
                    null));
            }

            hmac = new HMACSHA256(key);
            Array.Clear(key, 0, key.Length);
        }

        protected override void ProcessRecord()
        {
            var derived = Convert.ToBase64String(hmac!.ComputeHash(Encoding.UTF8.GetBytes(DeviceId)));
            WriteObject(AsPlainText.IsPresent
                ? new PlainTextDeviceKey { DeviceId = DeviceId, Key = derived }
                : (object)new Models.DeviceKey { DeviceId = DeviceId, Key = SecureStrings.FromPlainText(derived) });
        }
    }
}
