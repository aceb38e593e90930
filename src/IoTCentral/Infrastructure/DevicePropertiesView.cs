using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// How Get-IoTCentralDeviceProperty shows a level's properties: one PSObject (type name IoTCentral.DeviceProperties)
    /// whose note properties are the device's own property names, so (...).manufacturer just works, plus two
    /// members no DTDL name can take (DTDL names start with a letter): "$id", the device id as query rows name it,
    /// and "$metadata", the typed DevicePropertyState of each property (desired value, acknowledgement), as the
    /// service names it. Components at the device level are nested objects of the same shape.
    /// </summary>
    internal static class DevicePropertiesView
    {
        internal const string TypeName = "IoTCentral.DeviceProperties";
        internal const string IdMember = "$id";
        internal const string MetadataMember = "$metadata";

        internal static PSObject ToPSObject(DeviceProperties properties)
        {
            var result = new PSObject();
            result.TypeNames.Insert(0, TypeName);
            var names = new List<string>();
            foreach (DictionaryEntry entry in properties.Values)
            {
                var name = (string)entry.Key;
                var value = entry.Value is DeviceProperties component ? ToPSObject(component) : PSObjectTree.ToPowerShell(entry.Value);
                result.Properties.Add(new PSNoteProperty(name, value));
                names.Add(name);
            }

            result.Properties.Add(new PSNoteProperty(IdMember, properties.DeviceId));
            result.Properties.Add(new PSNoteProperty(MetadataMember, properties.States.Select(ForPowerShell).ToArray()));

            // Tables and lists show the device's properties; "$id" and "$metadata" are there when asked for.
            if (names.Count > 0)
            {
                result.Members.Add(new PSMemberSet(
                    "PSStandardMembers",
                    new PSMemberInfo[] { new PSPropertySet("DefaultDisplayPropertySet", names) }));
            }

            return result;
        }

        /// <summary>A state whose values are PowerShell objects rather than the engine's dictionaries.</summary>
        internal static DevicePropertyState ForPowerShell(DevicePropertyState state)
        {
            state.Value = PSObjectTree.ToPowerShell(state.Value);
            state.DesiredValue = PSObjectTree.ToPowerShell(state.DesiredValue);
            return state;
        }
    }
}
