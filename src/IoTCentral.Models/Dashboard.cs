using System;

namespace IoTCentral.Models
{
    /// <summary>
    /// A dashboard (2022-10-31-preview): its tiles and the whole definition as a tree, so that a script can save it
    /// as JSON, edit it and send it back.
    /// </summary>
    public sealed class Dashboard : IoTCentralObject
    {
        public Dashboard()
        {
        }

        public Dashboard(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        public string Id { get; set; } = string.Empty;

        public string? DisplayName { get; set; }

        /// <summary>The tiles as a neutral tree (PSCustomObjects from the cmdlets), in the order the service gave them.</summary>
        public object[] Tiles { get; set; } = Array.Empty<object>();

        public int TileCount => Tiles.Length;

        /// <summary>Whether only the user who made it can see it (the service decides; it cannot be set).</summary>
        public bool Personal { get; set; }

        public bool Favorite { get; set; }

        public string[] Organizations { get; set; } = Array.Empty<string>();

        public string? ETag { get; set; }

        /// <summary>The dashboard as the service returned it (id, etag and read-only members included).</summary>
        public object? Definition { get; set; }

        public override string ToString() => Id;
    }
}
