using System;
using System.IO;
using System.Reflection;

namespace IoTCentral.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 has a single load context, so the best it allows is answering the binding
    /// failures of our own assemblies from dependencies/, ignoring versions, and leaving everyone else's alone.
    /// </summary>
    internal static class FrameworkDependencyResolver
    {
        private static string? dependencyDirectory;

        internal static void Register(string directory)
        {
            if (dependencyDirectory != null)
            {
                return;
            }

            dependencyDirectory = directory;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        internal static void Unregister()
        {
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            dependencyDirectory = null;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var directory = dependencyDirectory;
            if (directory == null || !IsOurRequest(args.RequestingAssembly, directory))
            {
                return null;
            }

            var candidate = Path.Combine(directory, new AssemblyName(args.Name).Name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }

        private static bool IsOurRequest(Assembly? requester, string directory)
        {
            if (requester == null)
            {
                // Binding failures reported without a requester come from our own late-bound loads too
                // (Azure.Core's reflection over its dependencies); answering only files we ship keeps it safe.
                return true;
            }

            if (requester == typeof(FrameworkDependencyResolver).Assembly)
            {
                return true;
            }

            var location = requester.IsDynamic ? string.Empty : requester.Location;
            return location.StartsWith(directory, StringComparison.OrdinalIgnoreCase);
        }
    }
}
