using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;

namespace IoTCentral.Models
{
    /// <summary>
    /// The properties of a device at one level (the device, a component, a module or a module's component), as the
    /// service answers a property read or write.
    /// </summary>
    public sealed class DeviceProperties : IoTCentralObject
    {
        public DeviceProperties()
        {
        }

        public DeviceProperties(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string DeviceId { get; set; } = string.Empty;

        public string? Module { get; set; }

        public string? Component { get; set; }

        /// <summary>
        /// Property values by name, in the service's order. At the device (or module) level a component appears as
        /// a nested <see cref="DeviceProperties"/>; other values are neutral trees (dictionaries, arrays, scalars).
        /// </summary>
        public OrderedDictionary Values { get; set; } = new OrderedDictionary(StringComparer.Ordinal);

        /// <summary>This level's "$metadata", one entry per property (nested components keep their own).</summary>
        public DevicePropertyState[] States { get; set; } = Array.Empty<DevicePropertyState>();

        internal override IEnumerable<IoTCentralObject> Parts => States.Concat<IoTCentralObject>(Values.Values.OfType<DeviceProperties>());

        /// <summary>The states of this level and of every nested component.</summary>
        public IEnumerable<DevicePropertyState> AllStates()
        {
            foreach (var state in States)
            {
                yield return state;
            }

            foreach (var value in Values.Values)
            {
                if (value is DeviceProperties component)
                {
                    foreach (var state in component.AllStates())
                    {
                        yield return state;
                    }
                }
            }
        }
    }
}
