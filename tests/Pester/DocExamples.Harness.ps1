# Helpers for DocExamples.Tests.ps1: find the examples in the help pages and README, prepare an emulator application
# for one, run its code as written (after the documented rewrites) and capture every stream. Dot-source it: the
# example code, its setup and its assertions must share one scope, which a module's session state would split.

$DocRepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

# Built-in role ids and a user id the help pages name.
$operatorRole = 'ae2c9854-393b-4f97-8c42-479d70ce626e'
$builderRole = '344138e9-8de4-4497-8c54-5237e96d6aaf'
$adminRole = 'ca310b8d-2f4a-44e0-a36e-957c202cd8d4'
$userId = '5b7c1a1e-0c4f-4c0e-9c57-2a6d5f0f3b11'

# A second emulator application for examples that work with two, reached through the subdomain the docs give it.
$secondApplication = {
    param([string] $Subdomain)
    $other = Start-TestEmulator
    $DocApp.Emulators.Add($other)
    $DocApp.Subdomains[$Subdomain] = $other.ApplicationUrl
    $other
}

# The examples that build a DefaultAzureCredential: 'contoso' becomes an https emulator application, and the
# credential finds a user-assigned managed identity through the variables App Service and Azure Automation set
# (AZURE_CLIENT_ID picks it). The identity is new on every run because MSAL caches managed-identity tokens for the
# whole process. IoTCentral is put on PSModulePath, as an installed module is; $leaveEntraApplication undoes it all.
$enterEntraApplication = {
    $entraIdentity = @{ clientId = [guid]::NewGuid().Guid; objectId = [guid]::NewGuid().Guid; systemAssigned = $false; tenantId = '6a1f0c55-0000-4000-8000-0000000000a1' }
    $identities = Join-Path ([System.IO.Path]::GetTempPath()) ('doc-identities-' + [guid]::NewGuid().ToString('N') + '.json')
    @{ managedIdentities = @($entraIdentity) } | ConvertTo-Json -Depth 3 | Set-Content $identities
    $entraApp = Start-TestEmulator -Https -IdentitiesFile $identities
    Remove-Item $identities
    $DocApp.Emulators.Add($entraApp)
    $DocApp.Subdomains['contoso'] = $entraApp.ApplicationUrl
    $entraAdmin = Connect-IoTCentral -ApplicationUrl $entraApp.ApplicationUrl -ApiToken $entraApp.AdminApiToken -TrustedServerCertificate $entraApp.Certificate
    New-IoTCentralUser -ServicePrincipal -TenantId $entraIdentity.tenantId -ObjectId $entraIdentity.objectId -Role Operator -Session $entraAdmin | Out-Null
    $savedEntraEnvironment = @{}
    foreach ($name in 'IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'AZURE_CLIENT_ID', 'PSModulePath') { $savedEntraEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }
    $env:IDENTITY_ENDPOINT = $entraApp.ManagedIdentityEndpoint
    $env:IDENTITY_HEADER = $entraApp.ManagedIdentityHeader
    $env:AZURE_CLIENT_ID = $entraIdentity.clientId
    $env:PSModulePath = (Join-Path $DocRepositoryRoot 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath
    # The emulator's certificate is self-signed: the session trusts exactly it, as -TrustedServerCertificate does.
    $PSDefaultParameterValues = @{ 'Connect-IoTCentral:TrustedServerCertificate' = $entraApp.Certificate }
}
$leaveEntraApplication = {
    $DocApp.Subdomains.Remove('contoso')
    foreach ($name in $savedEntraEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEntraEnvironment[$name]) }
}

# The confirmation prompt of Remove-* stands for a person who answers Yes; a test host cannot answer it.
$answerYes = { $PSDefaultParameterValues = @{ 'Remove-IoTCentral*:Confirm' = $false } }

function Get-DocExample {
    # One object per PowerShell example: Page (help page or README), Title, Key ('Page / Title') and Code.
    [CmdletBinding()]
    param([string] $Root = $DocRepositoryRoot)

    $fence = '(?ms)^```powershell\r?\n(?<code>.*?)^```'
    foreach ($file in Get-ChildItem (Join-Path $Root 'docs/en-US') -Filter *.md | Sort-Object Name) {
        $text = Get-Content $file.FullName -Raw
        $examples = [regex]::Match($text, '(?ms)^## EXAMPLES\s*$(?<body>.*?)(?=^## )')
        if (-not $examples.Success) { continue }
        $page = $file.BaseName
        foreach ($section in [regex]::Matches($examples.Groups['body'].Value, '(?ms)^### (?<title>[^\r\n]+)\r?\n(?<body>.*?)(?=^### |\z)')) {
            $code = [regex]::Match($section.Groups['body'].Value, $fence)
            if (-not $code.Success) { continue }
            $title = $section.Groups['title'].Value.Trim()
            [pscustomobject]@{ Page = $page; Title = $title; Key = "$page / $title"; Code = $code.Groups['code'].Value }
        }
    }

    # README blocks have no titles: name them after their section, numbered when a section has several.
    $readme = Get-Content (Join-Path $Root 'README.md') -Raw
    $heading = ''
    $count = @{}
    foreach ($match in [regex]::Matches($readme, '(?ms)^## (?<heading>[^\r\n]+)|^```powershell\r?\n(?<code>.*?)^```')) {
        if ($match.Groups['heading'].Success) { $heading = $match.Groups['heading'].Value.Trim(); continue }
        $count[$heading] = 1 + [int] $count[$heading]
        $title = if ($count[$heading] -eq 1) { $heading } else { "$heading ($($count[$heading]))" }
        [pscustomobject]@{ Page = 'README'; Title = $title; Key = "README / $title"; Code = $match.Groups['code'].Value }
    }
}

function ConvertTo-EmulatorExample {
    # The documented rewrites: every application the docs name by subdomain, by contoso's URL or by the emulator's
    # default address becomes an emulator application, and -Emulator gets the test emulator's address.
    param(
        [Parameter(Mandatory)] [string] $Code,
        [Parameter(Mandatory)] [string] $ApplicationUrl,
        # Subdomains that a case maps to an application of their own (a second emulator).
        [hashtable] $Subdomains = @{},
        # The emulator's management endpoint, for '-Management -Emulator'.
        [string] $ManagementUrl
    )
    if ($ManagementUrl) { $Code = [regex]::Replace($Code, '-Management -Emulator\b', "-Management -Emulator -ManagementUrl $ManagementUrl") }
    $Code = [regex]::Replace($Code, '-Subdomain (?<name>[\w-]+)', {
            param($m)
            $url = $Subdomains[$m.Groups['name'].Value]
            '-ApplicationUrl ' + $(if ($url) { $url } else { $ApplicationUrl })
        })
    $Code = $Code.Replace('https://contoso.azureiotcentral.com', $ApplicationUrl).Replace('http://127.0.0.1:5180', $ApplicationUrl)
    [regex]::Replace($Code, '-Emulator(?! -ApplicationUrl| -ManagementUrl)\b', "-Emulator -ApplicationUrl $ApplicationUrl")
}

function Initialize-DocManagement {
    # Examples of the application cmdlets start signed in to the emulator's management endpoint, with the
    # applications their setup names and no others.
    param([Parameter(Mandatory)] [hashtable] $DocApp, [string[]] $Application = @())
    Connect-IoTCentral -Management -Emulator -ManagementUrl $DocApp.ManagementUrl | Out-Null
    @(Get-IoTCentralApplication) | Remove-IoTCentralApplication -Force
    foreach ($entry in $Application) {
        $name, $group = $entry -split '/'
        New-IoTCentralApplication -Name $name -ResourceGroup $group -Location westeurope | Out-Null
    }
}

function Reset-DocApplication {
    # Examples of one page share an emulator; emptying it gives each the application its setup describes.
    param([Parameter(Mandatory)] $Session)
    @(Get-IoTCentralDevice -Session $Session) | Remove-IoTCentralDevice -Force -Session $Session
    @(Get-IoTCentralDeviceTemplate -Session $Session) | Remove-IoTCentralDeviceTemplate -Force -Session $Session
    @(Get-IoTCentralUser -Session $Session) | Remove-IoTCentralUser -Force -Session $Session
    @(Get-IoTCentralApiToken -Session $Session) | Remove-IoTCentralApiToken -Force -Session $Session
    @(Get-IoTCentralScheduledJob -Session $Session) | Remove-IoTCentralScheduledJob -Force -Session $Session
    # Exports first: a destination an export still uses cannot be removed.
    @(Get-IoTCentralExport -Session $Session) | Remove-IoTCentralExport -Force -Session $Session
    @(Get-IoTCentralExportDestination -Session $Session) | Remove-IoTCentralExportDestination -Force -Session $Session
    @(Get-IoTCentralDeviceGroup -Session $Session) | Remove-IoTCentralDeviceGroup -Force -Session $Session
    @(Get-IoTCentralEnrollmentGroup -Session $Session) | Remove-IoTCentralEnrollmentGroup -Force -Session $Session
    Remove-IoTCentralFileUpload -Force -Wait -Session $Session -ErrorAction SilentlyContinue
    @(Get-IoTCentralDashboard -Session $Session) | Remove-IoTCentralDashboard -Force -Session $Session
    @(Get-IoTCentralDeploymentManifest -Session $Session) | Remove-IoTCentralDeploymentManifest -Force -Session $Session
    # -Recurse writes parents first, so the reversed list removes every organization after its children.
    $organizations = @(Get-IoTCentralOrganization -Recurse -Session $Session)
    [array]::Reverse($organizations)
    $organizations | Remove-IoTCentralOrganization -Force -Session $Session
}

# Stand-ins for the device templates the docs name; each has what its examples use and no more.
$DocTemplates = @{
    thermostat = @{
        '@id' = 'dtmi:contoso:thermostat;1'; '@type' = @('ModelDefinition', 'DeviceModel'); displayName = 'Thermostat'
        capabilityModel = @{
            '@id' = 'dtmi:contoso:thermostat:model;1'; '@type' = 'Interface'
            contents = @(
                @{ '@type' = 'Telemetry'; name = 'temperature'; schema = 'double' }
                @{ '@type' = 'Property'; name = 'targetTemperature'; schema = 'double'; writable = $true }
                @{ '@type' = 'Command'; name = 'reboot'; request = @{ '@type' = 'CommandPayload'; name = 'rebootRequest'; schema = @{ '@type' = 'Object'; fields = @(@{ name = 'delay'; schema = 'integer' }) } } }
                @{ '@type' = 'Command'; name = 'syncClock' }
            )
        }
    }
    controller = @{
        '@id' = 'dtmi:contoso:temperatureController;1'; '@type' = @('ModelDefinition', 'DeviceModel'); displayName = 'Temperature controller'
        capabilityModel = @{
            '@id' = 'dtmi:contoso:temperatureController:model;1'; '@type' = 'Interface'
            contents = @(
                @{ '@type' = 'Component'; name = 'thermostat1'; schema = @{
                        '@id' = 'dtmi:contoso:temperatureController:thermostat;1'; '@type' = 'Interface'
                        contents = @(
                            @{ '@type' = 'Property'; name = 'targetTemperature'; schema = 'double'; writable = $true }
                            @{ '@type' = 'Command'; name = 'getMaxMinReport'
                                request = @{ '@type' = 'CommandPayload'; name = 'since'; schema = 'dateTime' }
                                response = @{ '@type' = 'CommandPayload'; name = 'report'; schema = @{ '@type' = 'Object'; fields = @(@{ name = 'maxTemp'; schema = 'double' }, @{ name = 'minTemp'; schema = 'double' }) } }
                            }
                        )
                    }
                }
            )
        }
    }
    gateway = @{
        '@id' = 'dtmi:contoso:gateway;1'; '@type' = @('ModelDefinition', 'DeviceModel'); displayName = 'Gateway'
        capabilityModel = @{ '@id' = 'dtmi:contoso:gateway:model;1'; '@type' = 'Interface'; contents = @(@{ '@type' = 'Command'; name = 'reboot' }) }
    }
    edge = @{
        '@id' = 'dtmi:contoso:edgeGateway;1'; '@type' = @('ModelDefinition', 'DeviceModel'); displayName = 'Edge gateway'
        capabilityModel = @{
            '@id' = 'dtmi:contoso:edgeGateway:model;1'; '@type' = 'Interface'
            contents = @(
                @{ '@type' = @('Relationship', 'EdgeModule'); name = 'SimulatedTemperatureSensor'; displayName = 'Simulated temperature sensor'
                    target = @(@{
                            '@id' = 'dtmi:contoso:edgeGateway:sensor;1'; '@type' = 'Interface'
                            contents = @(
                                @{ '@type' = 'Property'; name = 'SendInterval'; schema = 'integer'; writable = $true }
                                @{ '@type' = 'Property'; name = 'SendData'; schema = 'boolean'; writable = $true }
                            )
                        })
                }
            )
        }
    }
}

function Publish-DocTemplate {
    # phone is the tutorial's phone template under the id the help pages use; phoneAsADevice is the file as it is.
    param([Parameter(Mandatory)] [ValidateSet('thermostat', 'controller', 'gateway', 'edge', 'phone', 'phoneAsADevice')] [string] $Name)
    if ($Name -like 'phone*') {
        $template = Get-Content (Join-Path $DocRepositoryRoot 'docs/examples/templates/phone-as-a-device.json') -Raw | ConvertFrom-Json -AsHashtable
        if ($Name -eq 'phone') { $template['@id'] = 'dtmi:contoso:phone;1' }
    }
    else { $template = $DocTemplates[$Name] }
    New-IoTCentralDeviceTemplate -InputObject $template
}

function New-DocThermostatGroup {
    # The group 'thermostats' of simulated thermostats sim-01, sim-02, ... and, with -Offline, the unconnected
    # thermostat offline-01, on which device jobs fail.
    param([int] $Count = 2, [switch] $Offline)
    1..$Count | ForEach-Object { New-DocDevice -Id ('sim-{0:d2}' -f $_) -Template thermostat -Simulated } | Out-Null
    if ($Offline) { New-DocDevice -Id offline-01 -Template thermostat | Out-Null }
    New-IoTCentralDeviceGroup -Id thermostats -DisplayName Thermostats -Filter '$template = "dtmi:contoso:thermostat;1"' | Out-Null
}

function New-DocJob {
    # A property job on 'thermostats', one device per batch (a batch a second in the emulator): waited for unless
    # -Running. Jobs cannot be deleted, so one a page already has is kept.
    param([string] $Id = 'winter-setting', [switch] $Running)
    if (Get-IoTCentralJob | Where-Object Id -eq $Id) { return }
    $job = New-IoTCentralJob -Id $Id -Group thermostats -Template 'dtmi:contoso:thermostat;1' -Property @{ targetTemperature = 21.5 } -Batch 1
    if (-not $Running) { $job | Wait-IoTCentralJob -PollInterval 0.2 -Timeout 120 | Out-Null }
}

function New-DocScheduledJob {
    # A daily property job on 'thermostats'; -Now starts it at once (an occurrence already come produces its job at
    # the emulator's next look), otherwise tomorrow at two.
    param([string] $Id = 'nightly-reset', [switch] $Now, [switch] $Once, [switch] $Disabled)
    $parameters = @{ Id = $Id; Group = 'thermostats'; Template = 'dtmi:contoso:thermostat;1'; Property = @{ targetTemperature = 18 }; Disabled = $Disabled }
    $parameters.Start = if ($Now) { [DateTimeOffset]::UtcNow.AddSeconds(-1) } else { (Get-Date '02:00').AddDays(1) }
    if (-not $Once) { $parameters.Recurrence = 'daily' }
    New-IoTCentralScheduledJob @parameters
}

# A storage connection string for the file upload examples: the emulator only checks its shape.
$DocStorageKey = [Convert]::ToBase64String([byte[]](11..42))
function New-DocStorageConnection {
    ConvertTo-SecureString -AsPlainText -Force "DefaultEndpointsProtocol=https;AccountName=contosostorage;AccountKey=$DocStorageKey;EndpointSuffix=core.windows.net"
}

function New-DocDevice {
    # A device of a stand-in template (published when missing); -Simulated devices answer commands and writes.
    param(
        [Parameter(Mandatory)] [string] $Id,
        [string] $Template,
        [switch] $Simulated,
        [hashtable] $Extra = @{}
    )
    $parameters = @{ Id = $Id } + $Extra
    if ($Template) {
        $existing = Get-IoTCentralDeviceTemplate | Where-Object { $_.Id -eq $DocTemplates[$Template].'@id' -or ($Template -like 'phone*' -and $_.Id -like 'dtmi:contoso:phone*' -and ($Template -eq 'phone') -eq ($_.Id -eq 'dtmi:contoso:phone;1')) }
        $parameters.Template = if ($existing) { $existing.Id } else { (Publish-DocTemplate $Template).Id }
    }
    if ($Simulated) { $parameters.Simulated = $true }
    New-IoTCentralDevice @parameters
}

function New-DocDashboard {
    # The Operations dashboard the dashboard pages name: one markdown tile.
    param([string] $Id = 'operations', [string] $DisplayName = 'Operations', [string] $Organization)
    $tile = @{ displayName = 'Runbook'; x = 0; y = 0; width = 2; height = 2
        configuration = @{ type = 'markdown'; description = 'What to do when a freezer alarms'; href = 'https://contoso.com/runbook' } }
    $extra = @{}
    if ($Organization) { $extra.Organization = $Organization }
    New-IoTCentralDashboard -Id $Id -DisplayName $DisplayName -Definition @{ tiles = @($tile) } @extra
}

function New-DocDeployment {
    # A bare IoT Edge deployment with the simulated temperature sensor, as deployment.json files hold it.
    @{ modulesContent = @{
            '$edgeAgent' = @{ 'properties.desired' = @{ schemaVersion = '1.1'; modules = @{
                        SimulatedTemperatureSensor = @{ type = 'docker'; status = 'running'; restartPolicy = 'always'
                            settings = @{ image = 'mcr.microsoft.com/azureiotedge-simulated-temperature-sensor:1.0' } } } } }
            '$edgeHub' = @{ 'properties.desired' = @{ schemaVersion = '1.1'; routes = @{ upstream = 'FROM /messages/* INTO $upstream' } } } } }
}

function New-DocManifest {
    param([string] $Id = 'sensor')
    New-IoTCentralDeploymentManifest -Id $Id -DisplayName 'Temperature sensor' -Definition (New-DocDeployment)
}

# The secret the data export examples' Read-Host stand-in types; no stream may show it.
$DocExportSecret = 'doc-export-secret-7f3a'

function New-DocExportDestination {
    # The webhook store-webhook (to a closed loopback port: these examples need no delivery) and the Event Hubs
    # destination store-hub, both with secrets; -Export adds the telemetry export store-telemetry to the webhook.
    param([switch] $Export)
    $secret = ConvertTo-SecureString $DocExportSecret -AsPlainText -Force
    New-IoTCentralExportDestination -Id store-webhook -DisplayName 'Store webhook' -Url http://127.0.0.1:9/iot -AuthorizationHeader $secret | Out-Null
    New-IoTCentralExportDestination -Id store-hub -Type EventHubs -ConnectionString $secret | Out-Null
    if ($Export) { New-IoTCentralExport -Id store-telemetry -Source telemetry -Destination store-webhook | Out-Null }
}

function Assert-NoDocExportSecret {
    # Neither output, any other stream, nor the host (-WhatIf, -Confirm text) shows a destination's secret.
    param([Parameter(Mandatory)] $Run)
    $Run.Text | Should -Not -Match ([regex]::Escape($DocExportSecret))
    $Run.HostText | Should -Not -Match ([regex]::Escape($DocExportSecret))
    ($Run.Errors | Out-String) | Should -Not -Match ([regex]::Escape($DocExportSecret))
}

function Assert-NoDocError {
    # The example ran without an error of any kind.
    param([Parameter(Mandatory)] $Run)
    $Run.Terminating | Should -BeNullOrEmpty
    $Run.Errors | Should -BeNullOrEmpty
}

function Assert-DocTokenCredentialSignIn {
    # The example's DefaultAzureCredential, built from the Azure.Identity it loaded, signed the session in.
    param([Parameter(Mandatory)] $Run, [Parameter(Mandatory)] $Application)
    Assert-NoDocError $Run
    $session = $Run.Output | Where-Object { $_ -is [IoTCentral.Models.IoTCentralSession] }
    $session.AuthKind | Should -Be 'TokenCredential'
    "$($session.ApplicationUrl)".TrimEnd('/') | Should -Be "$($Application.ApplicationUrl)".TrimEnd('/')
    (Get-IoTCentralRole -Name Operator -Session $session).DisplayName | Should -Be 'Operator'
    $Run.Text | Should -Not -Match 'eyJ'
}

function ConvertFrom-SecureStringToText([securestring] $Secure) {
    [pscredential]::new('secret', $Secure).GetNetworkCredential().Password
}

function Use-EmulatorTool {
    # Examples start 'iotcentral-emulator' from PATH, as users who installed the tool do. build.ps1 -Task Test puts
    # the packed tool there; a bare Invoke-Pester gets a stand-in that runs the emulator the build made.
    if (Get-Command iotcentral-emulator -CommandType Application -ErrorAction SilentlyContinue) { return }
    $dll = Join-Path $DocRepositoryRoot 'src/IoTCentral.Emulator/bin/Release/net10.0/IoTCentral.Emulator.dll'
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('iotc-emulator-shim-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory $folder | Out-Null
    if ($IsWindows) {
        Set-Content (Join-Path $folder 'iotcentral-emulator.cmd') "@dotnet `"$dll`" %*"
    }
    else {
        $shim = Join-Path $folder 'iotcentral-emulator'
        Set-Content $shim "#!/bin/sh`nexec dotnet '$dll' `"`$@`""
        chmod +x $shim
    }
    $env:PATH = $folder + [System.IO.Path]::PathSeparator + $env:PATH
}

function Invoke-PesterFileExample {
    # An example that is itself a Pester test file runs as one: saved beside the sample script it dot-sources, and
    # run by Invoke-Pester in a fresh pwsh (Pester cannot run inside a running Pester test) that imports IoTCentral
    # by name from the build. Returns the run's counts.
    param([Parameter(Mandatory)] [string] $Code)
    Copy-Item (Join-Path $DocRepositoryRoot 'docs/examples/testing/Disable-ListedDevice.ps1') -Destination .
    Set-Content -Path ./Example.Tests.ps1 -Value $Code
    $pwsh = if (Test-Path (Join-Path $PSHOME 'pwsh.dll')) { @('dotnet', (Join-Path $PSHOME 'pwsh.dll')) } else { @((Get-Process -Id $PID).Path) }
    $script = "Import-Module '$((Get-Module Pester).Path)'; " +
        '$r = Invoke-Pester -Path ./Example.Tests.ps1 -PassThru -Output None; ' +
        '[pscustomobject]@{ Result = $r.Result; Passed = $r.PassedCount; Failed = $r.FailedCount; FailedBlocks = $r.FailedBlocksCount; FailedContainers = $r.FailedContainersCount } | ConvertTo-Json -Compress'
    $modulePath = $env:PSModulePath
    $env:PSModulePath = (Join-Path $DocRepositoryRoot 'out') + [System.IO.Path]::PathSeparator + $modulePath
    try { $lines = & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script 2>&1 }
    finally { $env:PSModulePath = $modulePath }
    $json = $lines | Where-Object { "$_" -like '{*' } | Select-Object -Last 1
    if (-not $json) { throw "The Pester example did not report: $($lines -join [Environment]::NewLine)" }
    $json | ConvertFrom-Json
}

function Invoke-DocExample {
    # Runs setup, the rewritten example code and the assertions in one child scope, so assertions can read the
    # example's own variables. $DocApp describes the application; $Run holds what the example wrote, by stream.
    param(
        [Parameter(Mandatory)] $Example,
        $Case,
        [Parameter(Mandatory)] [hashtable] $DocApp
    )
    & {
        # Azure Automation's asset cmdlets exist only in its sandbox; these stand-ins serve the emulator's admin
        # token from the variables and credential the runbook examples name.
        function Get-AutomationVariable([string] $Name) { $DocApp.AutomationVariables[$Name] }
        function Set-AutomationVariable([string] $Name, $Value) { $DocApp.AutomationVariables[$Name] = $Value }
        function Get-AutomationPSCredential([string] $Name) { $DocApp.AutomationCredentials[$Name] }

        $work = Join-Path ([System.IO.Path]::GetTempPath()) ('doc-example-' + [guid]::NewGuid().ToString('N'))
        # Examples name files relative to the repository root (./docs/examples/..., ./out/IoTCentral) or beside
        # them (./devices.csv); links keep the repository's files while what the examples write is thrown away.
        New-Item -ItemType Directory -Path $work | Out-Null
        foreach ($name in 'docs', 'out', 'src') {
            New-Item -ItemType SymbolicLink -Path (Join-Path $work $name) -Target (Join-Path $DocRepositoryRoot $name) | Out-Null
        }
        Push-Location $work
        $transcript = Join-Path ([System.IO.Path]::GetTempPath()) ('doc-example-' + [guid]::NewGuid().ToString('N') + '.txt')
        $savedRendering = $PSStyle.OutputRendering
        try {
            if ($Case.Setup) { . $Case.Setup }
            $code = ConvertTo-EmulatorExample -Code $Example.Code -ApplicationUrl $DocApp.Url -Subdomains $DocApp.Subdomains -ManagementUrl $DocApp.ManagementUrl
            $Run = [pscustomobject]@{
                Code = $code; Output = @(); Errors = @(); Warnings = @(); Verbose = @(); Debug = @(); Information = @()
                Terminating = $null; WhatIf = @(); HostText = ''; Text = ''
            }
            $records = @()
            $PSStyle.OutputRendering = 'PlainText'
            Start-Transcript -Path $transcript | Out-Null
            try {
                $records = if ($Case.PesterFile) { @(Invoke-PesterFileExample -Code $code) } else { @(. ([scriptblock]::Create($code)) *>&1) }
            }
            catch { $Run.Terminating = $_ }
            finally { Stop-Transcript | Out-Null; $PSStyle.OutputRendering = $savedRendering }

            foreach ($record in $records) {
                switch ($record) {
                    { $_ -is [System.Management.Automation.ErrorRecord] } { $Run.Errors += $_; break }
                    { $_ -is [System.Management.Automation.WarningRecord] } { $Run.Warnings += $_; break }
                    { $_ -is [System.Management.Automation.VerboseRecord] } { $Run.Verbose += $_; break }
                    { $_ -is [System.Management.Automation.DebugRecord] } { $Run.Debug += $_; break }
                    { $_ -is [System.Management.Automation.InformationRecord] } { $Run.Information += $_; break }
                    default { $Run.Output += $_ }
                }
            }
            # The host wraps long lines in the transcript; joining the whitespace back gives the messages whole.
            $hostText = ((Get-Content $transcript) -notmatch '^\*{10,}|^(PowerShell transcript|Start time|End time|Username|RunAs User|Configuration Name|Machine|Host Application|Process ID|PS[A-Za-z]+Version|BuildVersion|CLRVersion|WSManStackVersion|SerializationVersion|Transcript started)') -join ' '
            $Run.HostText = ($hostText -replace '\x1b\[[0-9;]*m', '' -replace '\s+', ' ').Trim()
            $Run.WhatIf = @([regex]::Matches($Run.HostText, 'What if: (.*?)(?= What if: |$)') | ForEach-Object { $_.Groups[1].Value.Trim() })
            $Run.Text = @(
                $Run.Output | Out-String -Width 500
                $Run.Output | Format-List * | Out-String -Width 500
                foreach ($record in @($Run.Warnings) + @($Run.Verbose) + @($Run.Debug) + @($Run.Information)) { $record.ToString() }
                foreach ($failure in @($Run.Errors) + @($Run.Terminating | Where-Object { $_ })) { $failure.ToString(); $failure.ErrorDetails.Message; $failure.Exception.ToString() }
                $Run.HostText
            ) -join "`n"

            if ($Case.Assert) { . $Case.Assert }
        }
        finally {
            if ($PSStyle.OutputRendering -ne $savedRendering) { $PSStyle.OutputRendering = $savedRendering }
            Pop-Location
            # The README imports ./out/IoTCentral through the link; put back the repository's copy before the link
            # and its folder go, or later tests would use a module whose files are gone.
            if ((Get-Module IoTCentral).ModuleBase -like "$work*") {
                Remove-Module IoTCentral
                Import-Module (Join-Path $DocRepositoryRoot 'out/IoTCentral/IoTCentral.psd1') -Global
            }
            Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
            Remove-Item $transcript -ErrorAction SilentlyContinue
        }
    }
}
