using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using IoTCentral.Infrastructure;
using IoTCentral.Models;

namespace IoTCentral.Commands.DeviceAttestation
{
    /// <summary>
    /// Sets a device's individual attestation: symmetric keys, X.509 client certificates or a TPM endorsement key.
    /// A complete attestation (both keys, a primary certificate, an endorsement key) is sent with PUT and replaces
    /// what was there; only -SecondaryKey, -PrimaryKey alone or only -SecondaryCertificate is a merge-patch that
    /// rotates that one credential and keeps the other.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IoTCentralDeviceAttestation", DefaultParameterSetName = SymmetricKeySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Models.DeviceAttestation), typeof(PlainTextDeviceAttestation))]
    public sealed class SetIoTCentralDeviceAttestationCommand : DeviceCmdlet
    {
        public const string SymmetricKeySet = "SymmetricKey";
        public const string X509Set = "X509";
        public const string TpmSet = "Tpm";

        // DPS takes symmetric keys of 16 to 64 bytes.
        private const int MinKeyBytes = 16;
        private const int MaxKeyBytes = 64;

        [Parameter(ParameterSetName = SymmetricKeySet)]
        [ValidateNotNull]
        public SecureString? PrimaryKey { get; set; }

        [Parameter(ParameterSetName = SymmetricKeySet)]
        [ValidateNotNull]
        public SecureString? SecondaryKey { get; set; }

        /// <summary>An X509Certificate2, or the path of a PEM or DER certificate file.</summary>
        [Parameter(ParameterSetName = X509Set)]
        [ValidateNotNull]
        public object? PrimaryCertificate { get; set; }

        [Parameter(ParameterSetName = X509Set)]
        [ValidateNotNull]
        public object? SecondaryCertificate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = TpmSet)]
        [ValidateNotNullOrEmpty]
        public string EndorsementKey { get; set; } = string.Empty;

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        public SwitchParameter AsPlainText { get; set; }

        protected override string ResourceKind => "DeviceAttestation";

        protected override void BeginProcessing()
        {
            if (ParameterSetName == SymmetricKeySet && PrimaryKey == null && SecondaryKey == null)
            {
                ThrowArgumentError(ErrorIds.NoChanges, "Specify the attestation: -PrimaryKey and -SecondaryKey, -PrimaryCertificate (and -SecondaryCertificate), or -EndorsementKey.", null);
            }

            if (ParameterSetName == X509Set && PrimaryCertificate == null && SecondaryCertificate == null)
            {
                ThrowArgumentError(ErrorIds.NoChanges, "Specify -PrimaryCertificate, -SecondaryCertificate or both.", null);
            }

            if (ParameterSetName == TpmSet && !IsBase64(EndorsementKey))
            {
                ThrowArgumentError(ErrorIds.InvalidKey, "-EndorsementKey must be the TPM endorsement key in base64.", null);
            }

            base.BeginProcessing();
        }

        protected override void ProcessItem()
        {
            var id = DeviceId;
            var body = ParameterSetName switch
            {
                SymmetricKeySet => SymmetricKeyBody(),
                X509Set => X509Body(),
                _ => new Dictionary<string, object?> { ["type"] = "tpm", ["tpm"] = new Dictionary<string, object?> { ["endorsementKey"] = EndorsementKey } },
            };
            if (body == null)
            {
                return;
            }

            var patch = !body.ContainsKey("type");
            var action = patch ? "Update " + string.Join(", ", Members(body)) : "Set " + body["type"] + " attestation";
            if (!ShouldProcess("attestation of device '" + id + "'", action))
            {
                return;
            }

            var sent = patch
                ? TryCall((c, ct) => c.Devices.UpdateAttestationAsync(id, body, ct), id, out var result)
                : TryCall((c, ct) => c.Devices.SetAttestationAsync(id, body, ct), id, out result);
            if (sent && PassThru.IsPresent)
            {
                WriteObject(DeviceAttestationView.Output(result, AsPlainText.IsPresent));
            }
        }

        /// <summary>Both keys: a complete attestation (PUT); one key: a patch of that key alone. Null after writing an error.</summary>
        private Dictionary<string, object?>? SymmetricKeyBody()
        {
            var keys = new Dictionary<string, object?>();
            if (!AddKey(keys, "primaryKey", nameof(PrimaryKey), PrimaryKey) || !AddKey(keys, "secondaryKey", nameof(SecondaryKey), SecondaryKey))
            {
                return null;
            }

            var body = new Dictionary<string, object?> { ["symmetricKey"] = keys };
            if (keys.Count == 2)
            {
                body["type"] = "symmetricKey";
            }

            return body;
        }

        private bool AddKey(Dictionary<string, object?> keys, string jsonName, string parameterName, SecureString? value)
        {
            if (value == null)
            {
                return true;
            }

            var text = SecureStrings.ToPlainText(value) ?? string.Empty;
            var length = DecodedLength(text);
            if (length < MinKeyBytes || length > MaxKeyBytes)
            {
                // The message never repeats the key.
                WriteArgumentError(ErrorIds.InvalidKey, "-" + parameterName + " must be base64 of " + MinKeyBytes + " to " + MaxKeyBytes + " bytes.", DeviceId);
                return false;
            }

            keys[jsonName] = text;
            return true;
        }

        /// <summary>A primary certificate: a complete attestation (PUT); only a secondary one: a patch. Null after writing an error.</summary>
        private Dictionary<string, object?>? X509Body()
        {
            var certificates = ClientCertificateInput.ToEntries(this, PrimaryCertificate, SecondaryCertificate, out var error);
            if (certificates == null)
            {
                WriteError(error!);
                return null;
            }

            var body = new Dictionary<string, object?> { ["x509"] = new Dictionary<string, object?> { ["clientCertificates"] = certificates } };
            if (certificates.ContainsKey("primary"))
            {
                body["type"] = "x509";
            }

            return body;
        }

        private static IEnumerable<string> Members(Dictionary<string, object?> body)
        {
            foreach (var member in body.Values)
            {
                if (member is Dictionary<string, object?> inner)
                {
                    foreach (var key in inner.Keys)
                    {
                        yield return key == "clientCertificates" ? string.Join(", ", ((Dictionary<string, object?>)inner[key]!).Keys) + " certificate" : key;
                    }
                }
            }
        }

        private static bool IsBase64(string text) => DecodedLength(text) > 0;

        private static int DecodedLength(string text)
        {
            try
            {
                return Convert.FromBase64String(text).Length;
            }
            catch (FormatException)
            {
                return -1;
            }
        }
    }
}
