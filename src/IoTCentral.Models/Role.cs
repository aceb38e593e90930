namespace IoTCentral.Models
{
    /// <summary>An application or organization role.</summary>
    public sealed class Role
    {
        public Role()
        {
        }

        public Role(string id, string displayName)
        {
            Id = id;
            DisplayName = displayName;
        }

        public string Id { get; set; } = string.Empty;

        public string DisplayName { get; set; } = string.Empty;

        public override string ToString() => DisplayName;
    }
}
