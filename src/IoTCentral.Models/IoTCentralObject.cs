using System;
using System.Collections.Generic;
using System.Linq;

namespace IoTCentral.Models
{
    /// <summary>
    /// Something the module read from one application. It remembers that application, so a cmdlet given the object
    /// acts there rather than on the default session: a pipeline must never move a change to another application.
    /// </summary>
    /// <remarks>
    /// The application shows as a plain URL, which Export-Csv and ConvertTo-Json write as one value; the session the
    /// object came from is kept internal, so neither it nor any credential is serialised. Fakes for tests can name
    /// their application through the constructor.
    /// </remarks>
    public abstract class IoTCentralObject
    {
        protected IoTCentralObject()
        {
        }

        protected IoTCentralObject(Uri? applicationUrl)
        {
            ApplicationUrl = applicationUrl;
        }

        /// <summary>The application this object came from; null for an object made in a script without one.</summary>
        public Uri? ApplicationUrl { get; private set; }

        /// <summary>The session that read the object; used when no session for its application is connected here.</summary>
        internal IoTCentralSession? Origin { get; private set; }

        /// <summary>Objects nested in this one that came from the same application (role assignments, property states).</summary>
        internal virtual IEnumerable<IoTCentralObject> Parts => Enumerable.Empty<IoTCentralObject>();

        internal void SetOrigin(IoTCentralSession session)
        {
            Origin = session;
            ApplicationUrl = session.ApplicationUrl;
            foreach (var part in Parts)
            {
                part?.SetOrigin(session);
            }
        }
    }
}
