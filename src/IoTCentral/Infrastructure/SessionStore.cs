using System;
using System.Collections.Generic;
using System.Linq;
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
            var runspace = Runspace.DefaultRunspace;
            if (runspace != null && Defaults.TryGetValue(runspace, out var holder))
            {
                lock (holder.Connected)
                {
                    holder.Connected.Remove(session);
                }
            }
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
                var holder = Defaults.GetOrCreateValue(runspace);
                holder.Session = session;
                if (session != null)
                {
                    lock (holder.Connected)
                    {
                        holder.Connected.Remove(session);
                        holder.Connected.Add(session);
                    }
                }
            }
        }

        /// <summary>
        /// The live sessions this runspace connected to the application, the default first, then the newest: the
        /// candidates for an object that came from that application. Another runspace's sessions are not offered,
        /// so that one runbook job never acts with another's sign-in.
        /// </summary>
        internal static IReadOnlyList<IoTCentralSession> ConnectedTo(Uri applicationUrl)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace == null || !Defaults.TryGetValue(runspace, out var holder))
            {
                return Array.Empty<IoTCentralSession>();
            }

            List<IoTCentralSession> connected;
            lock (holder.Connected)
            {
                connected = holder.Connected.Where(s => s.ApplicationUrl != null && ApplicationUrls.SameApplication(s.ApplicationUrl, applicationUrl)).ToList();
            }

            connected.Reverse();
            if (holder.Session != null && connected.Remove(holder.Session))
            {
                connected.Insert(0, holder.Session);
            }

            return connected.Where(s => TryGetClient(s, out _)).ToList();
        }

        private sealed class DefaultSessionHolder
        {
            public IoTCentralSession? Session { get; set; }

            /// <summary>Every session Connect-IoTCentral made in this runspace, oldest first.</summary>
            public List<IoTCentralSession> Connected { get; } = new List<IoTCentralSession>();
        }
    }
}
