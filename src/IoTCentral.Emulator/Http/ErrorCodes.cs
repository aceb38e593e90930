namespace IoTCentral.Emulator.Http;

/// <summary>
/// The <c>error.code</c> values the emulator sends (also in the <c>x-ms-error-code</c> header). The real service
/// sends dotted numeric codes whose catalogue is not public; clients should branch on the HTTP status.
/// </summary>
internal static class ErrorCodes
{
    public const string MissingApiVersion = "MissingApiVersionParameter";
    public const string InvalidApiVersion = "InvalidApiVersionParameter";
    public const string InvalidRequest = "InvalidRequest";
    public const string InvalidRequestBody = "InvalidRequestBody";
    public const string InvalidId = "InvalidId";
    public const string InvalidContinuationToken = "InvalidContinuationToken";
    public const string MissingAuthorization = "MissingAuthorization";
    public const string InvalidAuthorization = "InvalidAuthorization";
    public const string ExpiredToken = "ExpiredToken";
    public const string Forbidden = "Forbidden";
    public const string NotFound = "NotFound";
    public const string DeviceNotFound = "DeviceNotFound";
    public const string ApiTokenNotFound = "ApiTokenNotFound";
    public const string RoleNotFound = "RoleNotFound";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string Conflict = "Conflict";
    public const string ApiTokenExists = "ApiTokenAlreadyExists";
    public const string PreconditionFailed = "PreconditionFailed";
    public const string UnsupportedMediaType = "UnsupportedMediaType";
    public const string InternalError = "InternalServerError";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string TooManyRequests = "TooManyRequests";

    // Users.
    public const string UserNotFound = "UserNotFound";
    public const string UserExists = "UserAlreadyExists";

    // Device templates and device data (properties, telemetry, commands, device-facing feed).
    public const string DeviceTemplateNotFound = "DeviceTemplateNotFound";
    public const string InvalidDeviceTemplate = "InvalidDeviceTemplate";
    public const string DeviceTemplateInUse = "DeviceTemplateInUse";
    public const string DeviceNotAssigned = "DeviceNotAssignedToTemplate";
    public const string ComponentNotFound = "ComponentNotFound";
    public const string ModuleNotFound = "ModuleNotFound";
    public const string TelemetryNotFound = "TelemetryNotFound";
    public const string CommandNotFound = "CommandNotFound";
    public const string InvalidPropertyValue = "InvalidPropertyValue";
    public const string RequestTimeout = "RequestTimeout";

    // Organizations.
    public const string OrganizationNotFound = "OrganizationNotFound";
    public const string OrganizationInUse = "OrganizationInUse";

    // Device groups and jobs.
    public const string DeviceGroupNotFound = "DeviceGroupNotFound";
    public const string DestinationNotFound = "DestinationNotFound";
    public const string ExportNotFound = "ExportNotFound";
    public const string DestinationInUse = "DestinationInUse";
    public const string JobNotFound = "JobNotFound";
    public const string JobExists = "JobAlreadyExists";
    public const string JobHasNoDevices = "JobHasNoDevices";
    public const string JobNotRunning = "JobNotRunning";
    public const string JobNotStopped = "JobNotStopped";
    public const string JobHasNoFailedDevices = "JobHasNoFailedDevices";
    public const string ScheduledJobNotFound = "ScheduledJobNotFound";

    // Device relationships and attestations.
    public const string RelationshipNotFound = "DeviceRelationshipNotFound";
    public const string RelationshipExists = "DeviceRelationshipAlreadyExists";
    public const string AttestationNotFound = "DeviceAttestationNotFound";

    // Enrollment groups and their X.509 proof of possession.
    public const string EnrollmentGroupNotFound = "EnrollmentGroupNotFound";
    public const string CertificateNotFound = "EnrollmentGroupCertificateNotFound";
    public const string VerificationCodeNotFound = "VerificationCodeNotFound";
    public const string CertificateNotVerified = "CertificateVerificationFailed";
    // Preview resources and application settings.
    public const string FileUploadNotFound = "FileUploadNotFound";
    public const string DashboardNotFound = "DashboardNotFound";
    public const string DeploymentManifestNotFound = "DeploymentManifestNotFound";
    public const string DeviceNotEdge = "DeviceIsNotAnEdgeDevice";
}
