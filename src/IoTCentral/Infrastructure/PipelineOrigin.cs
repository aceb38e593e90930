using System;
using System.Management.Automation;
using IoTCentral.Models;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// The application a piped object came from: the module's own objects know it and the session that read them;
    /// an object that went through Export-Csv, Export-Clixml or remoting keeps only its ApplicationUrl property.
    /// </summary>
    internal sealed class PipelineOrigin
    {
        private PipelineOrigin(Uri applicationUrl, IoTCentralSession? session, object item)
        {
            ApplicationUrl = applicationUrl;
            Session = session;
            Item = item;
        }

        internal Uri ApplicationUrl { get; }

        /// <summary>The session that read the object, when the object is the module's own and still in memory.</summary>
        internal IoTCentralSession? Session { get; }

        /// <summary>The piped object, as the target of an error about it.</summary>
        internal object Item { get; }

        /// <summary>The origin of a piped object, or null when it names no application (a string, a fake made without one).</summary>
        internal static PipelineOrigin? Of(object? input)
        {
            var wrapped = input as PSObject;
            var item = wrapped?.BaseObject ?? input;
            if (item is IoTCentralObject known)
            {
                return known.ApplicationUrl == null ? null : new PipelineOrigin(known.ApplicationUrl, known.Origin, item);
            }

            // A plain value piped as an id (a string, a number, a Guid) names no application. Asking PowerShell for
            // its properties would search the type's adapted members on every record, which was the largest cost
            // the module added to each piped id.
            if (wrapped == null || IsPlainValue(item))
            {
                return null;
            }

            var value = wrapped.Properties[nameof(IoTCentralObject.ApplicationUrl)]?.Value;
            value = value is PSObject inner ? inner.BaseObject : value;
            if (value is Uri url && url.IsAbsoluteUri)
            {
                return new PipelineOrigin(url, null, input!);
            }

            return value is string text && Uri.TryCreate(text, UriKind.Absolute, out var parsed)
                ? new PipelineOrigin(parsed, null, input!)
                : null;
        }

        private static bool IsPlainValue(object? item) =>
            item is null || item is string || item is Guid || item is Enum || item.GetType().IsPrimitive;
    }
}
