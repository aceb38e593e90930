using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using IoTCentral.Engine;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// Holds the live clients apart from the sessions users see, so a session object can be printed, piped
    /// and serialised without ever carrying a credential. The default session is per runspace: two runbook
    /// jobs in one process must not sign each other in or out.
    /// </summary>
    internal static class SessionStore
    {
        private static readonly ConditionalWeakTable<IoTCentralSession, IoTCentralClient> Clients =
            new ConditionalWeakTable<IoTCentralSession, IoTCentralClient>();

        private static readonly ConditionalWeakTable<Runspace, DefaultSessionHolder> Defaults =
            new ConditionalWeakTable<Runspace, DefaultSessionHolder>();

        internal static void Add(IoTCentralSession session, IoTCentralClient client)
        {
            lock (Clients)
            {
                Clients.Remove(session);
                Clients.Add(session, client);
            }
        }

        internal static bool TryGetClient(IoTCentralSession session, out IoTCentralClient client)
        {
            lock (Clients)
            {
                return Clients.TryGetValue(session, out client!);
            }
        }

        internal static void Remove(IoTCentralSession session)
        {
            IoTCentralClient? client;
            lock (Clients)
            {
                if (!Clients.TryGetValue(session, out client))
                {
                    return;
                }

                Clients.Remove(session);
            }

            client.Dispose();
        }

        /// <summary>Forgets the session's client and, when it is this runspace's default, the default too.</summary>
        internal static void Disconnect(IoTCentralSession session)
        {
            Remove(session);
            if (ReferenceEquals(session, GetDefault()))
            {
                SetDefault(null);
            }
        }

        internal static IoTCentralSession? GetDefault()
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null)
            {
                return null;
            }

            return Defaults.TryGetValue(runspace, out var holder) ? holder.Session : null;
        }

        internal static void SetDefault(IoTCentralSession? session)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null)
            {
                Defaults.GetOrCreateValue(runspace).Session = session;
            }
        }

        private sealed class DefaultSessionHolder
        {
            public IoTCentralSession? Session { get; set; }
        }
    }
}
