@{
    RootModule             = 'IoTCentral.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5f0d3a52-8c1e-4c6b-9d57-2b1f6f4a9e31'
    Author                 = 'IoTCentral contributors'
    CompanyName            = 'IoTCentral contributors'
    Copyright              = '(c) IoTCentral contributors. All rights reserved.'
    Description            = 'Drive Azure IoT Central applications through the REST API: sign in, API tokens, roles, devices and more. Ships with a local IoT Central emulator for offline use and Pester tests.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'

    # Models first: PowerShell's type system and the format views must see the one copy in the default context.
    RequiredAssemblies     = @('IoTCentral.Models.dll')
    FormatsToProcess       = @('IoTCentral.Format.ps1xml')

    CmdletsToExport        = @(
        'Connect-IoTCentral'
        'Disconnect-IoTCentral'
        'Get-IoTCentralSession'
        'Get-IoTCentralRole'
        'Get-IoTCentralApiToken'
        'New-IoTCentralApiToken'
        'Remove-IoTCentralApiToken'
        'Get-IoTCentralDevice'
        'New-IoTCentralDevice'
        'Set-IoTCentralDevice'
        'Remove-IoTCentralDevice'
        'Get-IoTCentralDeviceCredential'
        'New-IoTCentralDeviceKey'
        'Invoke-IoTCentralRestMethod'
        'Get-IoTCentralDeviceTemplate'
        'New-IoTCentralDeviceTemplate'
        'Set-IoTCentralDeviceTemplate'
        'Remove-IoTCentralDeviceTemplate'
        'Get-IoTCentralDeviceComponent'
        'Get-IoTCentralDeviceModule'
        'Get-IoTCentralDeviceProperty'
        'Set-IoTCentralDeviceProperty'
        'Get-IoTCentralDeviceTelemetry'
        'Invoke-IoTCentralCommand'
        'Get-IoTCentralCommandHistory'
        'Invoke-IoTCentralQuery'
        'Get-IoTCentralUser'
        'New-IoTCentralUser'
        'Set-IoTCentralUser'
        'Remove-IoTCentralUser'
        'Get-IoTCentralOrganization'
        'New-IoTCentralOrganization'
        'Set-IoTCentralOrganization'
        'Remove-IoTCentralOrganization'
        'Get-IoTCentralDeviceRelationship'
        'New-IoTCentralDeviceRelationship'
        'Set-IoTCentralDeviceRelationship'
        'Remove-IoTCentralDeviceRelationship'
        'Get-IoTCentralDeviceAttestation'
        'Set-IoTCentralDeviceAttestation'
        'Remove-IoTCentralDeviceAttestation'
        'Get-IoTCentralEnrollmentGroup'
        'New-IoTCentralEnrollmentGroup'
        'Set-IoTCentralEnrollmentGroup'
        'Remove-IoTCentralEnrollmentGroup'
        'Get-IoTCentralEnrollmentGroupCertificate'
        'Set-IoTCentralEnrollmentGroupCertificate'
        'Remove-IoTCentralEnrollmentGroupCertificate'
        'New-IoTCentralEnrollmentGroupVerificationCode'
        'Confirm-IoTCentralEnrollmentGroupCertificate'
        'Get-IoTCentralDeviceGroup'
        'New-IoTCentralDeviceGroup'
        'Set-IoTCentralDeviceGroup'
        'Remove-IoTCentralDeviceGroup'
        'Get-IoTCentralDeviceGroupDevice'
        'Get-IoTCentralJob'
        'New-IoTCentralJob'
        'Stop-IoTCentralJob'
        'Resume-IoTCentralJob'
        'Wait-IoTCentralJob'
        'Get-IoTCentralScheduledJob'
        'New-IoTCentralScheduledJob'
        'Set-IoTCentralScheduledJob'
        'Remove-IoTCentralScheduledJob'
        'Get-IoTCentralScheduledJobRun'
        'Get-IoTCentralFileUpload'
        'New-IoTCentralFileUpload'
        'Set-IoTCentralFileUpload'
        'Remove-IoTCentralFileUpload'
        'Get-IoTCentralExportDestination'
        'New-IoTCentralExportDestination'
        'Set-IoTCentralExportDestination'
        'Remove-IoTCentralExportDestination'
        'Get-IoTCentralExport'
        'New-IoTCentralExport'
        'Set-IoTCentralExport'
        'Remove-IoTCentralExport'
        'Get-IoTCentralDashboard'
        'New-IoTCentralDashboard'
        'Set-IoTCentralDashboard'
        'Remove-IoTCentralDashboard'
        'Get-IoTCentralDeploymentManifest'
        'New-IoTCentralDeploymentManifest'
        'Set-IoTCentralDeploymentManifest'
        'Remove-IoTCentralDeploymentManifest'
        'Publish-IoTCentralDeploymentManifest'
        'Get-IoTCentralJobDevice'
        'Start-IoTCentralEmulator'
        'Stop-IoTCentralEmulator'
        'Send-IoTCentralEmulatorTelemetry'
        'Send-IoTCentralEmulatorProperty'
        'Register-IoTCentralEmulatorCommandResponse'
        'Unregister-IoTCentralEmulatorCommandResponse'
        'Connect-IoTCentralEmulatorDevice'
        'Disconnect-IoTCentralEmulatorDevice'
        'Get-IoTCentralApplication'
        'New-IoTCentralApplication'
        'Set-IoTCentralApplication'
        'Remove-IoTCentralApplication'
        'Test-IoTCentralApplicationName'
        'Get-IoTCentralApplicationTemplate'
        'Wait-IoTCentralApplicationOperation'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()

    PrivateData            = @{
        PSData = @{
            Tags       = @('Azure', 'IoT', 'IoTCentral', 'IoT-Central', 'REST', 'Emulator', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = @'
0.1.0
- Sign in with an API token, a bearer token or a Microsoft Entra identity (managed identity, service principal
  with secret or certificate, device code, interactive, the default credential chain).
- API tokens, roles, users, devices and their credentials, device templates, components, modules,
  properties, telemetry, commands and command history, the query language, and Invoke-IoTCentralRestMethod.
- Organizations, device groups (query filters) and jobs (property, cloud property, command and template
  migration; batches, cancellation threshold, stop, resume, rerun, Wait-IoTCentralJob).
- Start-IoTCentralEmulator and Stop-IoTCentralEmulator run the local IoT Central emulator (the .NET tool
  IoTCentral.Emulator) for offline use and Pester tests.
'@
        }
    }
}
