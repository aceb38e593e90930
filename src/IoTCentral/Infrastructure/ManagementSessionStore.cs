using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using IoTCentral.Engine;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// The live management clients, apart from the sessions users see (as <see cref="SessionStore"/> does for
    /// applications), and each runspace's default management session. A management session and an application
    /// session are defaults side by side: connecting to a new application does not end the management sign-in.
    /// </summary>
    internal static class ManagementSessionStore
    {
        private static readonly ConditionalWeakTable<IoTCentralManagementSession, ManagementClient> Clients =
            new ConditionalWeakTable<IoTCentralManagementSession, ManagementClient>();

        private static readonly ConditionalWeakTable<Runspace, Holder> Defaults = new ConditionalWeakTable<Runspace, Holder>();

        internal static void Add(IoTCentralManagementSession session, ManagementClient client)
        {
            lock (Clients)
            {
                Clients.Remove(session);
                Clients.Add(session, client);
            }
        }

        internal static bool TryGetClient(IoTCentralManagementSession session, out ManagementClient client)
        {
            lock (Clients)
            {
                return Clients.TryGetValue(session, out client!);
            }
        }

        internal static void Disconnect(IoTCentralManagementSession session)
        {
            ManagementClient? client;
            lock (Clients)
            {
                if (!Clients.TryGetValue(session, out client))
                {
                    return;
                }

                Clients.Remove(session);
            }

            client.Dispose();
            if (ReferenceEquals(GetDefault(), session))
            {
                SetDefault(null);
            }
        }

        internal static IoTCentralManagementSession? GetDefault()
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace != null && Defaults.TryGetValue(runspace, out var holder) ? holder.Session : null;
        }

        internal static void SetDefault(IoTCentralManagementSession? session)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null)
            {
                Defaults.GetOrCreateValue(runspace).Session = session;
            }
        }

        private sealed class Holder
        {
            public IoTCentralManagementSession? Session { get; set; }
        }
    }
}
