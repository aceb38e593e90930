using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace IoTCentral.Loading
{
    /// <summary>
    /// The private load context of PowerShell 7. The default context is taught one thing only: where to find
    /// IoTCentral.Engine. Everything the Engine needs then resolves here, from dependencies/, so the module
    /// gets its own Azure.Core whatever version the host already loaded.
    /// </summary>
    internal sealed class EngineLoadContext : AssemblyLoadContext
    {
        private const string EngineAssemblyName = "IoTCentral.Engine";
        private const string ModelsAssemblyName = "IoTCentral.Models";

        private static readonly object Gate = new object();
        private static EngineLoadContext? instance;

        private readonly string dependencyDirectory;
        private readonly string frameworkDirectory;

        private EngineLoadContext(string dependencyDirectory)
        {
            this.dependencyDirectory = dependencyDirectory;
            frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
        }

        internal static void Register(string dependencyDirectory)
        {
            lock (Gate)
            {
                if (instance != null)
                {
                    return;
                }

                instance = new EngineLoadContext(dependencyDirectory);
                Default.Resolving += ResolveEngineFromDefault;
            }
        }

        private static Assembly? ResolveEngineFromDefault(AssemblyLoadContext context, AssemblyName name)
        {
            return string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal)
                ? instance?.LoadFromAssemblyName(name)
                : null;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var simpleName = assemblyName.Name ?? string.Empty;

            // Models must be the one copy PowerShell's type system and format views see.
            if (string.Equals(simpleName, ModelsAssemblyName, StringComparison.Ordinal))
            {
                return null;
            }

            // The shared framework's own System.* assemblies are newer than any netstandard package copy, and
            // loading a package copy beside them would split types such as Span<T>.
            if (File.Exists(Path.Combine(frameworkDirectory, simpleName + ".dll")))
            {
                return null;
            }

            var candidate = Path.Combine(dependencyDirectory, simpleName + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
