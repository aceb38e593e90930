using System.Management.Automation;
using System.Management.Automation.Internal;
using System.Reflection;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// The object the pipeline handed to a cmdlet for the current record. Parameters bind only some of its
    /// properties; the module also needs to know which application the object came from, and every PowerShell
    /// since 2.0 keeps the whole object on the command (the engine uses it for delay-bind script blocks).
    /// </summary>
    internal static class PipelineInput
    {
        private static readonly PropertyInfo? CurrentPipelineObject =
            typeof(Cmdlet).BaseType?.GetProperty("CurrentPipelineObject", BindingFlags.Instance | BindingFlags.NonPublic);

        /// <summary>False only on a PowerShell that no longer exposes the current object.</summary>
        internal static bool IsAvailable => CurrentPipelineObject != null;

        /// <summary>The current pipeline object, or null when the command runs without pipeline input.</summary>
        internal static PSObject? Current(Cmdlet cmdlet)
        {
            var value = CurrentPipelineObject?.GetValue(cmdlet) as PSObject;
            return value == null || ReferenceEquals(value, AutomationNull.Value) ? null : value;
        }
    }
}
