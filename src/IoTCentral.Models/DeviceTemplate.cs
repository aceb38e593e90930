using System;

namespace IoTCentral.Models
{
    /// <summary>A published device template: its DTMI, names and capability model.</summary>
    public sealed class DeviceTemplate : IoTCentralObject
    {
        public DeviceTemplate()
        {
        }

        public DeviceTemplate(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        /// <summary>The template id, a DTMI such as dtmi:contoso:thermostat;1 (the JSON "@id").</summary>
        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        public string? Description { get; set; }

        /// <summary>The JSON-LD types (the JSON "@type"), usually ModelDefinition and DeviceModel.</summary>
        public string[] Types { get; set; } = Array.Empty<string>();

        /// <summary>
        /// The DTDL capability model as a neutral tree: the engine gives dictionaries, arrays and scalars; the
        /// cmdlets give PSCustomObjects, as Invoke-RestMethod would. Models holds no JSON library type.
        /// </summary>
        public object? CapabilityModel { get; set; }

        public string? ETag { get; set; }

        public override string ToString() => Id;
    }
}
