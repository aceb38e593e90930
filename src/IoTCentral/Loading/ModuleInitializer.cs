using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace IoTCentral.Loading
{
    /// <summary>
    /// Runs when Import-Module loads IoTCentral.dll. It arranges for the Engine and its NuGet dependencies
    /// (Azure.Core, Azure.Identity, MSAL, System.Text.Json) to load from dependencies/ without clashing with
    /// the copies that Az.Accounts or Microsoft.Graph put in the same session.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal static string DependencyDirectory { get; } = Path.Combine(
            Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".",
            "dependencies");

        private static readonly bool IsNetFramework =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public void OnImport()
        {
            if (IsNetFramework)
            {
                FrameworkDependencyResolver.Register(DependencyDirectory);
            }
            else
            {
#if NETSTANDARD2_0
                // Kept in its own type so that Windows PowerShell never touches AssemblyLoadContext.
                EngineLoadContext.Register(DependencyDirectory);
#endif
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsNetFramework)
            {
                FrameworkDependencyResolver.Unregister();
            }
        }
    }
}
