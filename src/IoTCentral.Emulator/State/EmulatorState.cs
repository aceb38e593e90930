namespace IoTCentral.Emulator.State;

/// <summary>
/// Everything the emulator remembers. Mutated only inside <see cref="StateStore.Write{T}"/>; records are immutable.
/// Later resources add their own collection here (and to <see cref="Collections"/>, so it is persisted).
/// </summary>
internal sealed class EmulatorState
{
    public const int CurrentSchemaVersion = 1;

    public required ApplicationRecord Application { get; init; }

    public RecordIndex<ApiTokenRecord> ApiTokens { get; } = new("apiTokens");

    public RecordIndex<DeviceRecord> Devices { get; } = new("devices");

    public RecordIndex<UserRecord> Users { get; } = new("users");

    public RecordIndex<DeviceTemplateRecord> DeviceTemplates { get; } = new("deviceTemplates");

    public RecordIndex<OrganizationRecord> Organizations { get; } = new("organizations");

    public RecordIndex<DeviceGroupRecord> DeviceGroups { get; } = new("deviceGroups");

    public RecordIndex<JobRecord> Jobs { get; } = new("jobs");

    public RecordIndex<ScheduledJobRecord> ScheduledJobs { get; } = new("scheduledJobs");

    public RecordIndex<DestinationRecord> Destinations { get; } = new("destinations");

    public RecordIndex<ExportRecord> Exports { get; } = new("exports");

    public RecordIndex<EnrollmentGroupRecord> EnrollmentGroups { get; } = new("enrollmentGroups");

    public RecordIndex<FileUploadRecord> FileUploads { get; } = new("fileUploads");

    public RecordIndex<DocumentRecord> Dashboards { get; } = new("dashboards");

    public RecordIndex<DocumentRecord> DeploymentManifests { get; } = new("deploymentManifests");

    public IEnumerable<IRecordIndex> Collections => [ApiTokens, Devices, Users, DeviceTemplates, Organizations, DeviceGroups, Jobs, ScheduledJobs, EnrollmentGroups, FileUploads, Dashboards, DeploymentManifests, Destinations, Exports];
}
