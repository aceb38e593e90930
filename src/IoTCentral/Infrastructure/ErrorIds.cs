namespace IoTCentral.Infrastructure
{
    /// <summary>Error ids that do not come from a service status (see ServiceErrorMapper for those).</summary>
    internal static class ErrorIds
    {
        internal const string NotConnected = "IoTCentral.NotConnected";
        internal const string SessionMismatch = "IoTCentral.SessionMismatch";
        internal const string ApplicationNotConnected = "IoTCentral.ApplicationNotConnected";
        internal const string InvalidApiToken = "IoTCentral.InvalidApiToken";
        internal const string ApiTokenExpired = "IoTCentral.ApiTokenExpired";
        internal const string InvalidAccessToken = "IoTCentral.InvalidAccessToken";
        internal const string AccessTokenExpired = "IoTCentral.AccessTokenExpired";
        internal const string InvalidCredential = "IoTCentral.InvalidCredential";
        internal const string SignInFailed = "IoTCentral.SignInFailed";
        internal const string NonInteractiveHost = "IoTCentral.NonInteractiveHost";
        internal const string InvalidApplicationUrl = "IoTCentral.InvalidApplicationUrl";
        internal const string UnknownRole = "IoTCentral.UnknownRole";
        internal const string InvalidExpiry = "IoTCentral.InvalidExpiry";
        internal const string NoChanges = "IoTCentral.NoChangesSpecified";
        internal const string FileUploadTimeout = "IoTCentral.FileUploadTimeout";
        internal const string InvalidSasTtl = "IoTCentral.InvalidSasTtl";
        internal const string InvalidDashboard = "IoTCentral.InvalidDashboard";
        internal const string InvalidDeploymentManifest = "IoTCentral.InvalidDeploymentManifest";
        internal const string DefinitionFileNotFound = "IoTCentral.DefinitionFileNotFound";
        internal const string InvalidBody = "IoTCentral.InvalidBody";
        internal const string InvalidPath = "IoTCentral.InvalidPath";
        internal const string AllNeedsGet = "IoTCentral.AllNeedsGet";
        internal const string InvalidQuery = "IoTCentral.InvalidQuery";
        internal const string MaxPageSizeNeedsList = "IoTCentral.MaxPageSizeNeedsList";
        internal const string InvalidDeviceTemplate = "IoTCentral.InvalidDeviceTemplate";
        internal const string TemplateFileNotFound = "IoTCentral.TemplateFileNotFound";
        internal const string InvalidPropertyValue = "IoTCentral.InvalidPropertyValue";
        internal const string InvalidCommandRequest = "IoTCentral.InvalidCommandRequest";
        internal const string InvalidTelemetryValue = "IoTCentral.InvalidTelemetryValue";
        internal const string InvalidCommandResponse = "IoTCentral.InvalidCommandResponse";

        /// <summary>The emulator-only device feed was asked of an application that is not an IoT Central emulator.</summary>
        internal const string NotAnEmulator = "IoTCentral.NotAnEmulator";
        internal const string InvalidGroupKey = "IoTCentral.InvalidGroupKey";
        internal const string EmulatorNotFound = "IoTCentral.EmulatorNotFound";
        internal const string EmulatorStartFailed = "IoTCentral.EmulatorStartFailed";
        internal const string ApiTokenCannotManage = "IoTCentral.ApiTokenCannotManage";
        internal const string InvalidParent = "IoTCentral.InvalidParent";
        internal const string InvalidFilter = "IoTCentral.InvalidFilter";
        internal const string InvalidDestination = "IoTCentral.InvalidDestination";
        internal const string InvalidEnrichment = "IoTCentral.InvalidEnrichment";
        internal const string InvalidRelationship = "IoTCentral.InvalidRelationship";
        internal const string InvalidKey = "IoTCentral.InvalidKey";
        internal const string InvalidCertificate = "IoTCentral.InvalidCertificate";
        internal const string InvalidAttestation = "IoTCentral.InvalidAttestation";
        internal const string CertificateFileNotFound = "IoTCentral.CertificateFileNotFound";
        internal const string InvalidJobData = "IoTCentral.InvalidJobData";
        internal const string InvalidSchedule = "IoTCentral.InvalidSchedule";
        internal const string JobTimeout = "IoTCentral.JobTimeout";
        internal const string EmulatorNotStartedHere = "IoTCentral.EmulatorNotStartedHere";
    }
}
