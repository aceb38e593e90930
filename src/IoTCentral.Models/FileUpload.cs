using System;

namespace IoTCentral.Models
{
    /// <summary>
    /// The application's file upload configuration: the storage account container devices upload files to. The
    /// connection string is a secret and is deliberately not kept here.
    /// </summary>
    public sealed class FileUpload : IoTCentralObject
    {
        public FileUpload()
        {
        }

        public FileUpload(Uri? applicationUrl)
            : base(applicationUrl)
        {
        }

        /// <summary>The storage account name, when the configuration names it.</summary>
        public string? Account { get; set; }

        public string Container { get; set; } = string.Empty;

        /// <summary>How long a device's upload request stays valid; null when the service uses its default.</summary>
        public TimeSpan? SasTtl { get; set; }

        /// <summary>Whether users may open uploaded files from the IoT Central portal.</summary>
        public bool ReadAccess { get; set; }

        /// <summary>pending, updating, deleting, succeeded or failed: pending, updating and deleting settle by themselves.</summary>
        public string State { get; set; } = string.Empty;

        public string? ETag { get; set; }

        /// <summary>Whether the configuration has reached a state it stays in (succeeded or failed).</summary>
        public bool IsSettled => State == "succeeded" || State == "failed";

        public override string ToString() => (Account ?? "storage") + "/" + Container + " (" + State + ")";
    }
}
