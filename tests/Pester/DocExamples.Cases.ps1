# What each documentation example needs and what it must do, keyed 'Page / Example title' (see
# DocExamples.Tests.ps1 for how they run). Setup and Assert run in the example's own scope: Setup may define the
# variables the example uses; Assert reads $Run, $DocApp and the example's variables. The blocks run long after
# this file returns, so what they share (role ids, helpers) lives in DocExamples.Harness.ps1.

@{
    # ---------------------------------------------------------------- Connect-IoTCentral
    'Connect-IoTCentral / Example 1: Sign in with an API token' = @{
        # Read-Host stands for the person typing the token.
        Setup  = { function Read-Host([switch] $AsSecureString, [string] $Prompt) { $DocApp.AdminToken } }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.IoTCentralSession])
            $Run.Output[0].AuthKind | Should -Be 'ApiToken'
            "$($Run.Output[0].ApplicationUrl)".TrimEnd('/') | Should -Be $DocApp.Url.TrimEnd('/')
            (Get-IoTCentralSession).SessionId | Should -Be $Run.Output[0].SessionId
            $Run.Text | Should -Not -Match ([regex]::Escape($DocApp.AdminTokenText))
        }
    }
    'Connect-IoTCentral / Example 2: Sign in with your Azure identity' = @{
        Setup  = { . $enterEntraApplication }
        Assert = {
            try { Assert-DocTokenCredentialSignIn $Run $entraApp }
            finally { . $leaveEntraApplication }
        }
    }
    'Connect-IoTCentral / Example 3: Work against the local emulator' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.IoTCentralSession])
            $roles = $Run.Output | Where-Object { $_ -is [IoTCentral.Models.Role] }
            $roles.DisplayName | Should -Contain 'Administrator'
            $roles.DisplayName | Should -Contain 'Operator'
            $Run.Text | Should -Not -Match ([regex]::Escape($DocApp.AdminTokenText))
        }
    }
    'Connect-IoTCentral / Example 4: Runbook with an API token kept in an encrypted Automation variable' = @{
        Setup  = {
            New-DocDevice -Id blocked-01 -Extra @{ DisplayName = 'Blocked'; Enabled = $false } | Out-Null
            New-DocDevice -Id working-01 | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'blocked-01'
            $Run.Output[0].PSObject.Properties.Name | Should -Be @('Id', 'DisplayName')
            Get-Variable plain -Scope 0 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $Run.Text | Should -Not -Match ([regex]::Escape($DocApp.AdminTokenText))
        }
    }
    'Connect-IoTCentral / Example 5: Runbook with an Automation credential asset' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            (Get-IoTCentralSession).AuthKind | Should -Be 'ApiToken'
            (Get-IoTCentralRole -Name Administrator).Id | Should -Be $adminRole
        }
    }
    'Connect-IoTCentral / Example 11: Two applications in one script' = @{
        Setup  = {
            $testApp = & $secondApplication 'contoso-test'
            $testToken = $testApp.AdminApiToken
            $prodToken = $DocApp.AdminToken
            $testSession = Connect-IoTCentral -ApplicationUrl $testApp.ApplicationUrl -ApiToken $testToken
            New-IoTCentralDevice -Id shared-01 -Session $testSession | Out-Null
            New-IoTCentralDevice -Id shared-01 -Session $DocApp.Admin | Out-Null
            New-IoTCentralDevice -Id prod-only-01 -Session $DocApp.Admin | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'prod-only-01'
            "$($test.ApplicationUrl)" | Should -Not -Be "$($prod.ApplicationUrl)"
            (Get-IoTCentralSession).SessionId | Should -Be $prod.SessionId
        }
    }

    # ---------------------------------------------------------------- Disconnect-IoTCentral
    'Disconnect-IoTCentral / Example 1: Close the default session' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            Get-IoTCentralSession | Should -BeNullOrEmpty
        }
    }
    'Disconnect-IoTCentral / Example 2: Close a session that is kept in a variable' = @{
        Setup  = {
            $operatorToken = (New-IoTCentralApiToken -Id operator -Role Operator).Token
            1..12 | ForEach-Object { New-IoTCentralDevice -Id "device-$_" } | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 10
            $Run.Output | ForEach-Object { $_ | Should -BeOfType ([IoTCentral.Models.Device]) }
            # $operator was the default too, so nothing is left.
            Get-IoTCentralSession | Should -BeNullOrEmpty
            { Get-IoTCentralDevice -Session $operator -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.NotConnected*'
        }
    }
    'Disconnect-IoTCentral / Example 3: Always clean up in a runbook' = @{
        Setup  = {
            New-DocDevice -Id loose-01 | Out-Null
            New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'loose-01'
            Get-IoTCentralSession | Should -BeNullOrEmpty
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralApiToken
    'Get-IoTCentralApiToken / Example 1: List every API token' = @{
        Setup  = {
            $secret = ConvertFrom-SecureStringToText (New-IoTCentralApiToken -Id ops-token -Role Operator).Token
            New-IoTCentralApiToken -Id build-token -Role Builder | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Sort-Object | Should -Be @('build-token', 'ops-token')
            $Run.Output | ForEach-Object { $_.Token | Should -BeNullOrEmpty }
            $Run.Text | Should -Not -Match ([regex]::Escape($secret))
        }
    }
    'Get-IoTCentralApiToken / Example 2: Find tokens that expire within 30 days' = @{
        Setup  = {
            New-IoTCentralApiToken -Id soon -Role Operator -Expiry (Get-Date).AddDays(10) | Out-Null
            New-IoTCentralApiToken -Id later -Role Operator -Expiry (Get-Date).AddDays(60) | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'soon' }
    }
    'Get-IoTCentralApiToken / Example 3: Get one token' = @{
        Setup  = { New-IoTCentralApiToken -Id ops-token -Role Operator | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'ops-token'
            $Run.Output.Roles.Role | Should -Be $operatorRole
        }
    }
    'Get-IoTCentralApiToken / Example 4: Runbook that reports expiring tokens' = @{
        Setup  = {
            New-IoTCentralApiToken -Id soon -Role Operator -Expiry (Get-Date).AddDays(7) | Out-Null
            New-IoTCentralApiToken -Id later -Role Operator -Expiry (Get-Date).AddDays(60) | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeLike 'API token soon expires on *'
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralCommandHistory
    'Get-IoTCentralCommandHistory / Example 1: See the last lightOn of a phone' = @{
        Setup  = {
            New-DocDevice -Id phone-01 -Template phoneAsADevice -Simulated | Out-Null
            1..2 | ForEach-Object { Invoke-IoTCentralCommand -DeviceId phone-01 -Name lightOn -Request @{ duration = $_; delay = 0; pulses = 1 } } | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 2
            $Run.Output.ResponseCode | Should -Be @(200, 200)
            $Run.Output[0].Request.duration | Should -Be 2 -Because 'the newest run comes first'
        }
    }
    'Get-IoTCentralCommandHistory / Example 2: Find failed runs across devices' = @{
        Setup  = {
            New-DocDevice -Id gateway-01 -Template gateway -Simulated | Out-Null
            New-DocDevice -Id gateway-02 -Template gateway | Out-Null
            New-DocDevice -Id phone-01 -Template phoneAsADevice -Simulated | Out-Null
            Register-IoTCentralEmulatorCommandResponse -DeviceId gateway-02 -CommandName reboot -ResponseCode 500
            Invoke-IoTCentralCommand -DeviceId gateway-01 -Name reboot | Out-Null
            Invoke-IoTCentralCommand -DeviceId gateway-02 -Name reboot | Out-Null
        }
        Assert = {
            # phone-01 has no reboot command; its error is silenced as the example asks.
            Assert-NoDocError $Run
            $Run.Output.DeviceId | Should -Be 'gateway-02'
            $Run.Output.ResponseCode | Should -Be 500
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralDevice
    'Get-IoTCentralDevice / Example 1: List every device' = @{
        Setup  = { 'a-01', 'b-01', 'c-01' | ForEach-Object { New-DocDevice -Id $_ } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Sort-Object | Should -Be @('a-01', 'b-01', 'c-01')
            $Run.Output | ForEach-Object { $_ | Should -BeOfType ([IoTCentral.Models.Device]) }
        }
    }
    'Get-IoTCentralDevice / Example 2: The first few devices only' = @{
        Setup  = { 1..7 | ForEach-Object { New-DocDevice -Id "device-$_" } | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -HaveCount 5 }
    }
    'Get-IoTCentralDevice / Example 3: Devices of one template' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null
            New-DocDevice -Id phone-01 -Template phone | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'thermostat-01' }
    }
    'Get-IoTCentralDevice / Example 4: Get devices by id, from the pipeline' = @{
        Setup  = { New-DocDevice -Id thermostat-01 | Out-Null }
        Assert = {
            $Run.Terminating | Should -BeNullOrEmpty
            $Run.Output.Id | Should -Be 'thermostat-01'
            $Run.Errors | Should -HaveCount 1
            $Run.Errors[0].FullyQualifiedErrorId | Should -Be 'IoTCentral.DeviceNotFound,IoTCentral.Commands.Device.GetIoTCentralDeviceCommand'
            $Run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $Run.Errors[0].TargetObject | Should -Be 'thermostat-02'
        }
    }
    'Get-IoTCentralDevice / Example 5: Count devices by status' = @{
        Setup  = {
            New-DocDevice -Id loose-01 | Out-Null
            New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null
            New-DocDevice -Id thermostat-02 -Template thermostat | Out-Null
            New-DocDevice -Id blocked-01 -Extra @{ Enabled = $false } | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $counts = @{}; $Run.Output | ForEach-Object { $counts[$_.Name] = $_.Count }
            $counts.Keys | Sort-Object | Should -Be @('Blocked', 'Registered', 'Unassociated')
            $counts['Registered'] | Should -Be 2
        }
    }
    'Get-IoTCentralDevice / Example 6: Runbook that reports devices that never connected' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null
            New-DocDevice -Id simulated-01 -Template thermostat -Simulated | Out-Null
            New-DocDevice -Id loose-01 | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'thermostat-01'
            $Run.Output[0].PSObject.Properties.Name | Should -Be @('Id', 'DisplayName', 'Template')
            $Run.Output[0].Template | Should -Be 'dtmi:contoso:thermostat;1'
        }
    }
    'Get-IoTCentralDevice / Example 7: Let the service filter and order the list' = @{
        Setup  = {
            New-DocDevice -Id sim-a -Extra @{ DisplayName = 'Alpha' } -Template thermostat -Simulated | Out-Null
            New-DocDevice -Id sim-b -Extra @{ DisplayName = 'Bravo' } -Template thermostat -Simulated | Out-Null
            New-DocDevice -Id real-c -Extra @{ DisplayName = 'Charlie' } -Template thermostat | Out-Null
            New-IoTCentralDevice -Id off-d -DisplayName 'Delta' -Simulated | Out-Null
            Set-IoTCentralDevice -Id off-d -Enabled $false
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be @('sim-b', 'sim-a')
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralDeviceComponent
    'Get-IoTCentralDeviceComponent / Example 1: List the components of a phone' = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phoneAsADevice -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Name | Should -Be @('device_info', 'sensors')
            $Run.Output.DeviceId | Should -Be @('phone-01', 'phone-01')
        }
    }
    "Get-IoTCentralDeviceComponent / Example 2: Read every component's properties" = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phoneAsADevice -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            ($Run.Output | Where-Object manufacturer).swVersion | Should -Not -BeNullOrEmpty
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralDeviceCredential
    "Get-IoTCentralDeviceCredential / Example 1: Get a device's credentials" = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 | Out-Null
            $key = (Get-IoTCentralDeviceCredential -DeviceId thermostat-01 -AsPlainText).PrimaryKey
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.DeviceId | Should -Be 'thermostat-01'
            $Run.Output.IdScope | Should -Not -BeNullOrEmpty
            $Run.Output.PrimaryKey | Should -BeOfType ([securestring])
            $Run.Text | Should -Not -Match ([regex]::Escape($key))
        }
    }
    "Get-IoTCentralDeviceCredential / Example 2: Write a device's connection settings to a file" = @{
        Setup  = { New-DocDevice -Id thermostat-01 | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $expected = Get-IoTCentralDeviceCredential -DeviceId thermostat-01 -AsPlainText
            Get-Content ./thermostat-01.env | Should -Be @("ID_SCOPE=$($expected.IdScope)", 'DEVICE_ID=thermostat-01', "DEVICE_KEY=$($expected.PrimaryKey)")
        }
    }
    'Get-IoTCentralDeviceCredential / Example 3: Credentials for all new devices' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null
            New-DocDevice -Id loose-01 | Out-Null
            $key = (Get-IoTCentralDeviceCredential -DeviceId thermostat-01 -AsPlainText).PrimaryKey
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.DeviceId | Should -Be 'thermostat-01'
            $Run.Output.PrimaryKey | Should -BeOfType ([securestring])
            $Run.Text | Should -Not -Match ([regex]::Escape($key))
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralDeviceModule
    'Get-IoTCentralDeviceModule / Example 1: List the modules of an IoT Edge device' = @{
        Setup  = { New-DocDevice -Id edge-gateway-01 -Template edge | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Name | Should -Be 'SimulatedTemperatureSensor'
            $Run.Output.DisplayName | Should -Be 'Simulated temperature sensor'
        }
    }
    "Get-IoTCentralDeviceModule / Example 2: Read each module's properties" = @{
        Setup  = {
            New-DocDevice -Id edge-gateway-01 -Template edge -Simulated | Out-Null
            Set-IoTCentralDeviceProperty -DeviceId edge-gateway-01 -Module SimulatedTemperatureSensor -Value @{ SendInterval = 15 }
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].SendInterval | Should -Be 15
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralDeviceProperty
    'Get-IoTCentralDeviceProperty / Example 1: Read the device information of a phone' = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phone -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].manufacturer | Should -Not -BeNullOrEmpty
            $Run.Output[0].swVersion | Should -Not -BeNullOrEmpty
        }
    }
    'Get-IoTCentralDeviceProperty / Example 2: Read one value' = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phone -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([string])
        }
    }
    'Get-IoTCentralDeviceProperty / Example 3: Check whether the device applied a write' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null
            Set-IoTCentralDeviceProperty -DeviceId thermostat-01 -Value @{ targetTemperature = 22 }
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Name | Should -Be 'targetTemperature'
            $Run.Output.DesiredValue | Should -Be 22
            $Run.Output.Acknowledged | Should -BeFalse
        }
    }
    'Get-IoTCentralDeviceProperty / Example 4: Report the firmware of every device of a template' = @{
        Setup  = {
            New-DocDevice -Id phone-01 -Template phone -Simulated | Out-Null
            New-DocDevice -Id phone-02 -Template phone -Simulated | Out-Null
            New-DocDevice -Id thermostat-01 -Template thermostat -Simulated | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 2
            $Run.Output[0] | Should -Match '^phone-01: \S'
            $Run.Output[1] | Should -Match '^phone-02: \S'
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralDeviceTelemetry
    'Get-IoTCentralDeviceTelemetry / Example 1: Read the accelerometer of a phone' = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phoneAsADevice -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Name | Should -Be 'accelerometer'
            $Run.Output.Value.x | Should -BeOfType ([ValueType])
            $Run.Output.Timestamp | Should -Not -BeNullOrEmpty
        }
    }
    'Get-IoTCentralDeviceTelemetry / Example 2: Read the same telemetry of every device' = @{
        Setup  = {
            New-DocDevice -Id phone-01 -Template phoneAsADevice -Simulated | Out-Null
            New-DocDevice -Id phone-02 -Template phoneAsADevice -Simulated | Out-Null
            New-DocDevice -Id phone-03 -Template phoneAsADevice | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 4
            $Run.Output | ForEach-Object { "$($_.DeviceId)/$($_.Name)" } | Sort-Object |
                Should -Be @('phone-01/accelerometer', 'phone-01/battery', 'phone-02/accelerometer', 'phone-02/battery')
        }
    }
    'Get-IoTCentralDeviceTelemetry / Example 3: Find devices that have been silent for an hour' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 -Template thermostat -Simulated | Out-Null
            New-DocDevice -Id thermostat-02 -Template thermostat | Out-Null
            New-DocDevice -Id thermostat-03 -Template thermostat | Out-Null
            Send-IoTCentralEmulatorTelemetry -DeviceId thermostat-03 -Value @{ temperature = 20 } -Timestamp ([datetimeoffset]::UtcNow.AddHours(-2))
            New-DocDevice -Id phone-01 -Template phoneAsADevice -Simulated | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.DeviceId | Sort-Object | Should -Be @('thermostat-02', 'thermostat-03')
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralDeviceTemplate
    'Get-IoTCentralDeviceTemplate / Example 1: List the templates' = @{
        Setup  = { Publish-DocTemplate thermostat | Out-Null; Publish-DocTemplate phone | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Sort-Object | Should -Be @('dtmi:contoso:phone;1', 'dtmi:contoso:thermostat;1')
        }
    }
    'Get-IoTCentralDeviceTemplate / Example 2: Get one template and list its components' = @{
        Setup  = { Publish-DocTemplate phone | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Sort-Object | Should -Be @('device_info', 'sensors') }
    }
    'Get-IoTCentralDeviceTemplate / Example 3: Find the template of a device' = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phone | Out-Null; Publish-DocTemplate thermostat | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'dtmi:contoso:phone;1' }
    }
    'Get-IoTCentralDeviceTemplate / Example 4: Let the service order the templates' = @{
        Setup  = { Publish-DocTemplate thermostat | Out-Null; Publish-DocTemplate phone | Out-Null; Publish-DocTemplate gateway | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Count | Should -Be 3
            $names = [string[]] $Run.Output.DisplayName
            $sorted = [string[]] $names.Clone(); [Array]::Sort($sorted, [StringComparer]::Ordinal)
            $names | Should -Be $sorted
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralRole
    'Get-IoTCentralRole / Example 1: List every role' = @{
        Assert = {
            Assert-NoDocError $Run
            foreach ($name in 'Administrator', 'Builder', 'Operator', 'Org Admin', 'Org Operator', 'Org Viewer') { $Run.Output.DisplayName | Should -Contain $name }
        }
    }
    'Get-IoTCentralRole / Example 2: Find roles by name with a wildcard' = @{
        Assert = { Assert-NoDocError $Run; $Run.Output.DisplayName | Should -Be 'Operator' }
    }
    'Get-IoTCentralRole / Example 3: Get one role by its id' = @{
        Assert = { Assert-NoDocError $Run; $Run.Output.DisplayName | Should -Be 'Operator' }
    }
    'Get-IoTCentralRole / Example 4: Create an API token for a role found by name' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'ops-token'
            $Run.Output.Roles.Role | Should -Be $operatorRole
            $Run.Output.Token | Should -BeOfType ([securestring])
            $Run.Text | Should -Not -Match ([regex]::Escape((ConvertFrom-SecureStringToText $Run.Output.Token)))
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralSession
    'Get-IoTCentralSession / Example 1: See where the next command will go' = @{
        Assert = {
            Assert-NoDocError $Run
            "$($Run.Output.ApplicationUrl)".TrimEnd('/') | Should -Be $DocApp.Url.TrimEnd('/')
            $Run.Output.AuthKind | Should -Be 'ApiToken'
            $Run.Text | Should -Not -Match ([regex]::Escape($DocApp.AdminTokenText))
        }
    }
    'Get-IoTCentralSession / Example 2: Sign in only when needed' = @{
        Setup  = { New-DocDevice -Id thermostat-01 | Out-Null; Disconnect-IoTCentral }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'thermostat-01'
            Get-IoTCentralSession | Should -Not -BeNullOrEmpty
        }
    }
    'Get-IoTCentralSession / Example 3: Warn before a long job outlives its token' = @{
        Setup  = {
            $shortLived = New-IoTCentralApiToken -Id short-lived -Role Operator -Expiry (Get-Date).AddMinutes(30)
            Connect-IoTCentral -ApplicationUrl $DocApp.Url -ApiToken $shortLived.Token -WarningAction SilentlyContinue | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Warnings | Should -HaveCount 1
            $Run.Warnings[0].Message | Should -BeLike 'The IoT Central credential expires at *; reconnect first.'
        }
    }

    # ---------------------------------------------------------------- Get-IoTCentralUser
    'Get-IoTCentralUser / Example 1: List every user' = @{
        Setup  = {
            New-IoTCentralUser -Email pat@contoso.com -Role Operator | Out-Null
            New-IoTCentralUser -ServicePrincipal -TenantId ([guid]::NewGuid()) -ObjectId ([guid]::NewGuid()) -Role Builder | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Type | Sort-Object | Should -Be @('Email', 'ServicePrincipal')
        }
    }
    'Get-IoTCentralUser / Example 2: Find the users of one email domain' = @{
        Setup  = {
            New-IoTCentralUser -Email pat@contoso.com -Role Operator | Out-Null
            New-IoTCentralUser -Email sam@fabrikam.com -Role Operator | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output.Email | Should -Be 'pat@contoso.com' }
    }
    'Get-IoTCentralUser / Example 3: Get one user and show role names instead of ids' = @{
        Setup  = { New-IoTCentralUser -Email pat@contoso.com -Role Operator, Builder -Id $userId | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Sort-Object | Should -Be @('Builder', 'Operator') }
    }
    'Get-IoTCentralUser / Example 4: Runbook that reports the service principals with the Administrator role' = @{
        Setup  = {
            $tenant = [guid]::NewGuid()
            New-IoTCentralUser -ServicePrincipal -TenantId $tenant -ObjectId ([guid]::NewGuid()) -Role Administrator -Id sp-admin | Out-Null
            New-IoTCentralUser -ServicePrincipal -TenantId $tenant -ObjectId ([guid]::NewGuid()) -Role Operator -Id sp-operator | Out-Null
            New-IoTCentralUser -Email pat@contoso.com -Role Administrator | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'sp-admin' }
    }

    # ---------------------------------------------------------------- Invoke-IoTCentralCommand
    'Invoke-IoTCentralCommand / Example 1: Flash the light of a phone (the REST tutorial)' = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phoneAsADevice -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeOfType ([IoTCentral.Models.DeviceCommandResult])
            $Run.Output.ResponseCode | Should -Be 200
            $Run.Output.Response.pulsesDone | Should -BeOfType ([ValueType])
        }
    }
    'Invoke-IoTCentralCommand / Example 2: Run a command of a component and wait for a device to connect' = @{
        Setup  = { New-DocDevice -Id controller-01 -Template controller -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Component | Should -Be 'thermostat1'
            $Run.Output.ConnectionTimeout | Should -Be 30
            $Run.Output.ResponseCode | Should -Be 200
            $Run.Output.Response.maxTemp | Should -BeOfType ([ValueType])
        }
    }
    'Invoke-IoTCentralCommand / Example 3: Reboot a fleet, rehearsed first' = @{
        Setup  = {
            New-DocDevice -Id gateway-01 -Template gateway -Simulated | Out-Null
            New-DocDevice -Id gateway-02 -Template gateway -Simulated | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $Run.WhatIf | Should -Be @('Performing the operation "Run command reboot" on target "device ''gateway-01''".', 'Performing the operation "Run command reboot" on target "device ''gateway-02''".')
            Get-IoTCentralCommandHistory -DeviceId gateway-01 -Name reboot | Should -BeNullOrEmpty
        }
    }
    'Invoke-IoTCentralCommand / Example 4: Reboot a fleet, eight devices at a time' = @{
        Setup  = {
            'gateway-01', 'gateway-02', 'gateway-03' | ForEach-Object { New-DocDevice -Id $_ -Template gateway -Simulated } | Out-Null
            New-DocDevice -Id gateway-04 -Template gateway | Out-Null
            Register-IoTCentralEmulatorCommandResponse -DeviceId gateway-04 -CommandName reboot -ResponseCode 500
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.DeviceId | Should -Be 'gateway-04'
            $Run.Output.ResponseCode | Should -Be 500
            'gateway-01', 'gateway-02', 'gateway-03' | ForEach-Object { (Get-IoTCentralCommandHistory -DeviceId $_ -Name reboot).ResponseCode | Should -Be 200 }
        }
    }

    # ---------------------------------------------------------------- Invoke-IoTCentralQuery
    'Invoke-IoTCentralQuery / Example 1: Query the last day of accelerometer readings (the REST tutorial)' = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phone -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            # A day of 5-second readings is more than the 10,000-row cap, which the module warns about.
            $Run.Output | Should -HaveCount 10000
            $Run.Warnings | Should -HaveCount 1
            $Run.Output[0].'$id' | Should -Be 'phone-01'
            $Run.Output[0].'sensors.accelerometer'.z | Should -BeOfType ([ValueType])
        }
    }
    'Invoke-IoTCentralQuery / Example 2: Filter and shape rows in the pipeline' = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phone -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $expected = @(Invoke-IoTCentralQuery $query | Where-Object { [math]::Abs($_.acc.z) -gt 9 })
            $Run.Output | Should -HaveCount $expected.Count
            $Run.Output | ForEach-Object { $_ | Should -Match '^phone-01 \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$' }
        }
    }
    'Invoke-IoTCentralQuery / Example 3: Average temperature in 10-minute windows' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Count | Should -BeIn 144, 145
            $Run.Output | ForEach-Object { $_.avg_temperature | Should -BeOfType ([ValueType]); $_.'$ts' | Should -Not -BeNullOrEmpty }
        }
    }
    'Invoke-IoTCentralQuery / Example 4: Runbook: report devices with outdated firmware' = @{
        Setup  = {
            New-DocDevice -Id phone-01 -Template phone -Simulated | Out-Null
            New-DocDevice -Id phone-02 -Template phone -Simulated | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Sort-Object | ForEach-Object { $_ | Should -Match '^phone-0[12] runs \S' }
            $Run.Output | Should -HaveCount 2
        }
    }

    # ---------------------------------------------------------------- Invoke-IoTCentralRestMethod
    "Invoke-IoTCentralRestMethod / Example 1: Read a device's properties" = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.targetTemperature | Should -BeOfType ([ValueType])
            $Run.Output.'$metadata'.targetTemperature.desiredValue | Should -BeNullOrEmpty
        }
    }
    'Invoke-IoTCentralRestMethod / Example 2: Change a writable property' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.'$metadata'.targetTemperature.desiredValue | Should -Be 21.5
            (Get-IoTCentralDeviceProperty -DeviceId thermostat-01).targetTemperature | Should -Be 21.5
        }
    }
    'Invoke-IoTCentralRestMethod / Example 3: Run a device command' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -Be 200
            $result.request.delay | Should -Be 5
        }
    }
    'Invoke-IoTCentralRestMethod / Example 4: Read every page of a list' = @{
        Setup  = { 'thermostat', 'controller', 'gateway', 'edge', 'phone' | ForEach-Object { Publish-DocTemplate $_ } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            # The test emulator pages by 2, so this took three pages.
            $Run.Output.'@id' | Sort-Object | Should -Be @('dtmi:contoso:edgeGateway;1', 'dtmi:contoso:gateway;1', 'dtmi:contoso:phone;1', 'dtmi:contoso:temperatureController;1', 'dtmi:contoso:thermostat;1')
        }
    }
    'Invoke-IoTCentralRestMethod / Example 5: Call a preview operation with a JSON body' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Count | Should -BeIn 720, 721
            $Run.Output | ForEach-Object { $_.'$id' | Should -Be 'thermostat-01' }
        }
    }
    'Invoke-IoTCentralRestMethod / Example 7: Stream every item of a list' = @{
        Setup  = { 'thermostat', 'controller', 'gateway', 'edge', 'phone' | ForEach-Object { Publish-DocTemplate $_ } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            # Five templates over three pages of two arrive as five strings, not as pages.
            $Run.Output | Should -HaveCount 5
            $Run.Output | ForEach-Object { $_ | Should -BeOfType ([string]) }
        }
    }
    'Invoke-IoTCentralRestMethod / Example 6: Runbook that sends a command to many devices' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 -Template thermostat -Simulated | Out-Null
            New-DocDevice -Id thermostat-02 -Template thermostat -Simulated | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.responseCode | Should -Be @(200, 200)
            Get-IoTCentralCommandHistory -DeviceId thermostat-02 -Name syncClock | Should -HaveCount 1
        }
    }

    # ---------------------------------------------------------------- New-IoTCentralApiToken
    'New-IoTCentralApiToken / Example 1: Create an operator token from a piped role' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'ops-token'
            $Run.Output.Token | Should -BeOfType ([securestring])
            $Run.Text | Should -Not -Match ([regex]::Escape((ConvertFrom-SecureStringToText $Run.Output.Token)))
        }
    }
    'New-IoTCentralApiToken / Example 2: Create a token, then sign in with it' = @{
        Setup  = { New-DocDevice -Id thermostat-01 | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'thermostat-01'
            $t.Expiry | Should -BeGreaterThan (Get-Date).AddDays(29)
            { New-IoTCentralApiToken -Id more -Role Operator -Session $operator } | Should -Throw -ErrorId 'IoTCentral.ApiTokenAccessDenied*'
            $Run.Text | Should -Not -Match ([regex]::Escape((ConvertFrom-SecureStringToText $t.Token)))
        }
    }
    'New-IoTCentralApiToken / Example 3: Several roles, limited to one organization' = @{
        Setup  = { New-IoTCentralOrganization -Id seattle | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Roles.Role | Should -Be @('b4935647-30e4-4ed3-9074-dcac66c2f8ef', '84cc62c1-dabe-49d3-b16e-8b291232b285')
            $Run.Output.Roles.Organization | Should -Be @('seattle', 'seattle')
        }
    }
    'New-IoTCentralApiToken / Example 4: Rehearse first' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -Be 'Performing the operation "Create with role(s) Builder" on target "API token ''build-pipeline''".'
            Get-IoTCentralApiToken | Should -BeNullOrEmpty
        }
    }
    'New-IoTCentralApiToken / Example 5: Runbook that rotates a token kept in an Automation variable' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $stored = $DocApp.AutomationVariables['IoTCentralOperatorToken']
            $stored | Should -BeLike 'SharedAccessSignature *'
            $Run.Text | Should -Not -Match ([regex]::Escape($stored))
            $rotated = Connect-IoTCentral -ApplicationUrl $DocApp.Url -ApiToken (ConvertTo-SecureString $stored -AsPlainText -Force)
            (Get-IoTCentralApiToken -Id $id -Session $DocApp.Admin).Roles.Role | Should -Be $operatorRole
            Get-IoTCentralDevice -Session $rotated | Should -BeNullOrEmpty
        }
    }

    # ---------------------------------------------------------------- New-IoTCentralDevice
    'New-IoTCentralDevice / Example 1: Register a device' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'thermostat-01'
            $Run.Output.DisplayName | Should -Be 'Thermostat 01'
            $Run.Output.Status | Should -Be 'Unassociated'
        }
    }
    'New-IoTCentralDevice / Example 2: Register a device of a template' = @{
        Setup  = { Publish-DocTemplate thermostat | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Template | Should -Be 'dtmi:contoso:thermostat;1'
            $Run.Output.Status | Should -Be 'Registered'
        }
    }
    'New-IoTCentralDevice / Example 3: Register devices from a CSV file' = @{
        Setup  = {
            Publish-DocTemplate thermostat | Out-Null
            @(
                'Id,DisplayName,Template'
                'thermostat-01,Thermostat 01,dtmi:contoso:thermostat;1'
                'thermostat-02,Thermostat 02,'
                'thermostat-03,Thermostat 03,dtmi:contoso:thermostat;1'
            ) | Set-Content ./devices.csv
        }
        Assert = {
            $Run.Terminating | Should -BeNullOrEmpty
            $Run.Output.Id | Should -Be @('thermostat-01', 'thermostat-03')
            $Run.Errors | Should -HaveCount 1
            # The empty Template of the second row is not a DTMI.
            $Run.Errors[0].FullyQualifiedErrorId | Should -Be 'ParameterArgumentValidationError,IoTCentral.Commands.Device.NewIoTCentralDeviceCommand'
            $Run.Errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
            Get-IoTCentralDevice -Id thermostat-02 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
    }
    'New-IoTCentralDevice / Example 4: A simulated device for a demo' = @{
        Setup  = { Publish-DocTemplate thermostat | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Simulated | Should -BeTrue
            (Get-IoTCentralDeviceTelemetry -DeviceId demo-sim-01 -Name temperature).Value | Should -BeOfType ([ValueType])
        }
    }
    'New-IoTCentralDevice / Example 5: Register a blocked device in an organization' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 1
            $Run.WhatIf[0] | Should -BeLike "*'plant-7-pump-3'*"
            Get-IoTCentralDevice | Should -BeNullOrEmpty
        }
    }

    # ---------------------------------------------------------------- New-IoTCentralDeviceKey
    'New-IoTCentralDeviceKey / Example 1: Derive the key of one device' = @{
        Setup  = {
            $groupKeyText = [Convert]::ToBase64String([byte[]](1..64))
            # Read-Host stands for the person typing the group key.
            function Read-Host([switch] $AsSecureString, [string] $Prompt) { ConvertTo-SecureString $groupKeyText -AsPlainText -Force }
            $hmac = [System.Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($groupKeyText))
            $expectedKey = [Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes('sensor-001')))
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.DeviceKey])
            $Run.Output[0].DeviceId | Should -Be 'sensor-001'
            [System.Net.NetworkCredential]::new('', $Run.Output[0].Key).Password | Should -Be $expectedKey
            $Run.Text | Should -Not -Match ([regex]::Escape($expectedKey))
        }
    }
    'New-IoTCentralDeviceKey / Example 2: Keys for a batch of devices, written for the factory' = @{
        Setup  = {
            $groupKeyText = [Convert]::ToBase64String([byte[]](64..127))
            function Read-Host([switch] $AsSecureString, [string] $Prompt) { ConvertTo-SecureString $groupKeyText -AsPlainText -Force }
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $rows = Import-Csv ./device-keys.csv
            $rows.DeviceId | Should -Be @('sensor-001', 'sensor-002', 'sensor-003')
            $hmac = [System.Security.Cryptography.HMACSHA256]::new([Convert]::FromBase64String($groupKeyText))
            foreach ($row in $rows) {
                $row.Key | Should -Be ([Convert]::ToBase64String($hmac.ComputeHash([Text.Encoding]::UTF8.GetBytes($row.DeviceId))))
            }
        }
    }
    'New-IoTCentralDeviceKey / Example 3: Check the derivation against the Device Provisioning Service documentation' = @{
        Assert = {
            Assert-NoDocError $Run
            # The derived key printed in https://learn.microsoft.com/azure/iot-dps/how-to-legacy-device-symm-key
            $Run.Output | Should -Be 'Jsm0lyGpjaVYVP2g3FnmnmG9dI/9qU24wNoykUmermc='
        }
    }

    # ---------------------------------------------------------------- New-IoTCentralDeviceTemplate
    'New-IoTCentralDeviceTemplate / Example 1: Publish the template of the tutorial' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'dtmi:contoso:phoneAsADevice;1'
            $Run.Output.DisplayName | Should -Be 'Phone as a device'
        }
    }
    'New-IoTCentralDeviceTemplate / Example 2: Publish a template built in PowerShell' = @{
        Setup  = { $DocTemplates.thermostat.capabilityModel | ConvertTo-Json -Depth 20 | Set-Content ./thermostat.json }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'dtmi:contoso:thermostatTemplate;1'
            $Run.Output.DisplayName | Should -Be 'Thermostat'
            $Run.Output.CapabilityModel.contents.name | Should -Contain 'targetTemperature'
        }
    }
    'New-IoTCentralDeviceTemplate / Example 3: Copy every template to another application' = @{
        Setup  = {
            $testApp = & $secondApplication 'contoso-test'
            $testToken = $testApp.AdminApiToken
            Publish-DocTemplate thermostat | Out-Null
            Publish-DocTemplate phone | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 2
            $Run.WhatIf | Should -BeLike '*dtmi:contoso:*'
            Get-IoTCentralDeviceTemplate -Session $target | Should -BeNullOrEmpty
        }
    }

    # ---------------------------------------------------------------- New-IoTCentralUser
    'New-IoTCentralUser / Example 1: Add a person as an operator' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Type | Should -Be 'Email'
            $Run.Output.Email | Should -Be 'pat@contoso.com'
            $Run.Output.Roles.Role | Should -Be $operatorRole
        }
    }
    "New-IoTCentralUser / Example 2: Add a service principal, with roles from the spec's example" = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'build-pipeline'
            $Run.Output.Type | Should -Be 'ServicePrincipal'
            $Run.Output.ObjectId | Should -Be '65e13aac-1443-4c49-9d49-57b87197cfff'
            $Run.Output.Roles.Role | Should -Be $builderRole
        }
    }
    'New-IoTCentralUser / Example 3: Give a Microsoft Entra group an organization role' = @{
        Setup  = { $tenantId = [guid]::NewGuid().ToString(); $groupId = [guid]::NewGuid().ToString(); New-IoTCentralOrganization -Id seattle | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Type | Should -Be 'AdGroup'
            $Run.Output.ObjectId | Should -Be $groupId
            $Run.Output.Roles.Organization | Should -Be 'seattle'
        }
    }
    'New-IoTCentralUser / Example 4: Add many people from a CSV file' = @{
        Setup  = { 'Email,Role', 'pat@contoso.com,Operator', 'sam@contoso.com,Builder' | Set-Content ./users.csv }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 2
            $Run.WhatIf[0] | Should -BeLike "*Operator*'pat@contoso.com'*"
            $Run.WhatIf[1] | Should -BeLike "*Builder*'sam@contoso.com'*"
            Get-IoTCentralUser | Should -BeNullOrEmpty
        }
    }
    'New-IoTCentralUser / Example 5: Runbook that grants a managed identity access' = @{
        Setup  = {
            $DocApp.AutomationVariables['ReportingIdentityObjectId'] = [guid]::NewGuid().ToString()
            $DocApp.AutomationVariables['TenantId'] = [guid]::NewGuid().ToString()
            New-IoTCentralOrganization -Id seattle | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.ObjectId | Should -Be $DocApp.AutomationVariables['ReportingIdentityObjectId']
            $Run.Output.Roles.Organization | Should -Be 'seattle'
            # Running it again adds nothing.
            . ([scriptblock]::Create($Run.Code)) | Should -BeNullOrEmpty
            Get-IoTCentralUser | Should -HaveCount 1
        }
    }

    # ---------------------------------------------------------------- Remove-IoTCentralApiToken
    'Remove-IoTCentralApiToken / Example 1: Revoke one token' = @{
        Setup  = { . $answerYes; New-IoTCentralApiToken -Id ops-token -Role Operator | Out-Null; New-IoTCentralApiToken -Id other -Role Operator | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            (Get-IoTCentralApiToken).Id | Should -Be 'other'
        }
    }
    'Remove-IoTCentralApiToken / Example 2: Revoke every expired token without prompting' = @{
        Setup  = {
            New-IoTCentralApiToken -Id expiring -Role Operator -Expiry (Get-Date).AddSeconds(2) | Out-Null
            New-IoTCentralApiToken -Id lasting -Role Operator | Out-Null
            Start-Sleep -Seconds 3
        }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralApiToken).Id | Should -Be 'lasting' }
    }
    'Remove-IoTCentralApiToken / Example 3: See what would be removed' = @{
        Setup  = { 'tutorial-1', 'tutorial-2', 'ops-token' | ForEach-Object { New-IoTCentralApiToken -Id $_ -Role Operator } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -Be @('Performing the operation "Remove" on target "API token ''tutorial-1''".', 'Performing the operation "Remove" on target "API token ''tutorial-2''".')
            Get-IoTCentralApiToken | Should -HaveCount 3
        }
    }

    # ---------------------------------------------------------------- Remove-IoTCentralDevice
    'Remove-IoTCentralDevice / Example 1: Delete one device' = @{
        Setup  = { . $answerYes; New-DocDevice -Id thermostat-01 | Out-Null; New-DocDevice -Id thermostat-02 | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralDevice).Id | Should -Be 'thermostat-02' }
    }
    'Remove-IoTCentralDevice / Example 2: See which devices have never provisioned and would be deleted' = @{
        Setup  = {
            New-DocDevice -Id connected-01 -Template thermostat | Out-Null
            Send-IoTCentralEmulatorTelemetry -DeviceId connected-01 -Value @{ temperature = 21 }
            New-DocDevice -Id never-01 -Template thermostat | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -Be 'Performing the operation "Remove" on target "device ''never-01''".'
            Get-IoTCentralDevice | Should -HaveCount 2
        }
    }
    'Remove-IoTCentralDevice / Example 3: Delete test devices without prompting' = @{
        Setup  = { 'test-1', 'test-2', 'prod-1' | ForEach-Object { New-DocDevice -Id $_ } | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; (Get-IoTCentralDevice).Id | Should -Be 'prod-1' }
    }
    'Remove-IoTCentralDevice / Example 4: Runbook that cleans up simulated devices every night' = @{
        Setup  = {
            New-DocDevice -Id simulated-01 -Template thermostat -Simulated | Out-Null
            New-DocDevice -Id real-01 -Template thermostat | Out-Null
        }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralDevice).Id | Should -Be 'real-01' }
    }

    # ---------------------------------------------------------------- Remove-IoTCentralDeviceTemplate
    'Remove-IoTCentralDeviceTemplate / Example 1: Delete a template' = @{
        Setup  = { . $answerYes; Publish-DocTemplate phone | Out-Null; Publish-DocTemplate thermostat | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralDeviceTemplate).Id | Should -Be 'dtmi:contoso:thermostat;1' }
    }
    'Remove-IoTCentralDeviceTemplate / Example 2: Delete the templates no device uses' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null; Publish-DocTemplate phone | Out-Null; Publish-DocTemplate gateway | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralDeviceTemplate).Id | Should -Be 'dtmi:contoso:thermostat;1' }
    }

    # ---------------------------------------------------------------- Remove-IoTCentralUser
    'Remove-IoTCentralUser / Example 1: Remove one user' = @{
        Setup  = { . $answerYes; New-IoTCentralUser -Email pat@contoso.com -Role Operator -Id $userId | Out-Null; New-IoTCentralUser -Email sam@contoso.com -Role Operator | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralUser).Email | Should -Be 'sam@contoso.com' }
    }
    'Remove-IoTCentralUser / Example 2: See which users of a former partner would be removed' = @{
        Setup  = { 'pat@fabrikam.com', 'sam@fabrikam.com', 'kim@contoso.com' | ForEach-Object { New-IoTCentralUser -Email $_ -Role Operator } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 2
            $Run.WhatIf | ForEach-Object { $_ | Should -BeLike 'Performing the operation "Remove" on target "user *' }
            Get-IoTCentralUser | Should -HaveCount 3
        }
    }
    'Remove-IoTCentralUser / Example 3: Remove them without prompting' = @{
        Setup  = { 'pat@fabrikam.com', 'sam@fabrikam.com', 'kim@contoso.com' | ForEach-Object { New-IoTCentralUser -Email $_ -Role Operator } | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralUser).Email | Should -Be 'kim@contoso.com' }
    }
    'Remove-IoTCentralUser / Example 4: Runbook that removes service principals of a retired tenant' = @{
        Setup  = {
            New-IoTCentralUser -ServicePrincipal -TenantId 027fdad7-cf0f-470a-a26a-272197813322 -ObjectId ([guid]::NewGuid()) -Role Operator -Id retired | Out-Null
            New-IoTCentralUser -ServicePrincipal -TenantId ([guid]::NewGuid()) -ObjectId ([guid]::NewGuid()) -Role Operator -Id current | Out-Null
        }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralUser).Id | Should -Be 'current' }
    }

    # ---------------------------------------------------------------- Send-IoTCentralEmulatorTelemetry
    'Send-IoTCentralEmulatorTelemetry / Example 1: Send a temperature and read it back' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].Name | Should -Be 'temperature'
            $Run.Output[0].Value | Should -Be 21.5
            $Run.Output[0].Timestamp | Should -BeGreaterThan ([datetimeoffset]::UtcNow.AddMinutes(-10))
            # The device's key signed the message; neither it nor the signature shows anywhere.
            $key = (Get-IoTCentralDeviceCredential -DeviceId thermostat-01 -AsPlainText).PrimaryKey
            $Run.Text | Should -Not -Match ([regex]::Escape($key))
            $Run.Text | Should -Not -Match 'sig='
            (Get-IoTCentralDevice -Id thermostat-01).Provisioned | Should -BeTrue
        }
    }
    'Send-IoTCentralEmulatorTelemetry / Example 2: Send a reading of two hours ago' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $last = Get-IoTCentralDeviceTelemetry -DeviceId thermostat-01 -Name temperature
            $last.Value | Should -Be 17
            $last.Timestamp | Should -BeLessThan ([datetimeoffset]::UtcNow.AddHours(-1))
        }
    }
    'Send-IoTCentralEmulatorTelemetry / Example 3: Send telemetry of a component' = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phoneAsADevice | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $values = Get-IoTCentralDeviceTelemetry -DeviceId phone-01 -Component sensors -Name battery, accelerometer
            ($values | Where-Object Name -eq battery).Value | Should -Be 42
            ($values | Where-Object Name -eq accelerometer).Value.z | Should -Be 9.8
        }
    }
    'Send-IoTCentralEmulatorTelemetry / Example 4: Feed every device of a template' = @{
        Setup  = {
            'thermostat-01', 'thermostat-02' | ForEach-Object { New-DocDevice -Id $_ -Template thermostat } | Out-Null
            New-DocDevice -Id phone-01 -Template phoneAsADevice | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 2
            $Run.Output | ForEach-Object { $_ | Should -BeOfType ([IoTCentral.Models.EmulatorDeviceMessage]) }
            $Run.Output.DeviceId | Sort-Object | Should -Be @('thermostat-01', 'thermostat-02')
            $Run.Output.Kind | Select-Object -Unique | Should -Be 'Telemetry'
            'thermostat-01', 'thermostat-02' | ForEach-Object { (Get-IoTCentralDeviceTelemetry -DeviceId $_ -Name temperature).Value | Should -Be 19 }
        }
    }

    # ---------------------------------------------------------------- Send-IoTCentralEmulatorProperty
    'Send-IoTCentralEmulatorProperty / Example 1: Apply a desired temperature as the thermostat' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $state = $Run.Output | Where-Object Name -eq targetTemperature
            $state | Should -HaveCount 1
            $state.DesiredValue | Should -Be 22
            $state.Acknowledged | Should -BeTrue
            $state.AckCode | Should -Be 200
            (Get-IoTCentralDeviceProperty -DeviceId thermostat-01).targetTemperature | Should -Be 22
        }
    }
    'Send-IoTCentralEmulatorProperty / Example 2: Refuse a desired value' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null
            Set-IoTCentralDeviceProperty -DeviceId thermostat-01 -Value @{ targetTemperature = 18 }
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $properties = Get-IoTCentralDeviceProperty -DeviceId thermostat-01
            $state = $properties.'$metadata' | Where-Object Name -eq targetTemperature
            $state.AckCode | Should -Be 400
            $state.AckDescription | Should -Be 'Below the allowed range'
            $properties.targetTemperature | Should -Be 18
        }
    }
    'Send-IoTCentralEmulatorProperty / Example 3: Report the device information of a phone' = @{
        Setup  = { New-DocDevice -Id phone-01 -Template phoneAsADevice | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.EmulatorDeviceMessage])
            $Run.Output[0].Kind | Should -Be 'Property'
            $Run.Output[0].Component | Should -Be 'device_info'
            $info = Get-IoTCentralDeviceProperty -DeviceId phone-01 -Component device_info
            $info.manufacturer | Should -Be 'Contoso'
            $info.swVersion | Should -Be '2.4.1'
        }
    }

    # ---------------------------------------------------------------- Register-IoTCentralEmulatorCommandResponse
    'Register-IoTCentralEmulatorCommandResponse / Example 1: Answer a reboot as the thermostat' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].ResponseCode | Should -Be 200
            $Run.Output[0].Response | Should -BeNullOrEmpty
            (Get-IoTCentralCommandHistory -DeviceId thermostat-01 -Name reboot).ResponseCode | Should -Be 200
            $key = (Get-IoTCentralDeviceCredential -DeviceId thermostat-01 -AsPlainText).PrimaryKey
            $Run.Text | Should -Not -Match ([regex]::Escape($key))
            $Run.Text | Should -Not -Match 'sig='
        }
    }
    'Register-IoTCentralEmulatorCommandResponse / Example 2: Answer a component''s command with a report' = @{
        Setup  = { New-DocDevice -Id controller-01 -Template controller | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].maxTemp | Should -Be 24.5
            $Run.Output[0].minTemp | Should -Be 18.2
        }
    }
    'Register-IoTCentralEmulatorCommandResponse / Example 3: Make a fleet fail a command' = @{
        Setup  = {
            'gateway-01', 'gateway-02' | ForEach-Object { New-DocDevice -Id $_ -Template gateway } | Out-Null
            New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 2
            $Run.Output | ForEach-Object { $_ | Should -BeOfType ([IoTCentral.Models.EmulatorCommandResponse]) }
            ($Run.Output.DeviceId | Sort-Object) | Should -Be @('gateway-01', 'gateway-02')
            $Run.Output.ResponseCode | Should -Be @(500, 500)
            'gateway-01', 'gateway-02' | ForEach-Object { (Invoke-IoTCentralCommand -DeviceId $_ -Name reboot).ResponseCode | Should -Be 500 }
        }
    }

    # ---------------------------------------------------------------- Unregister-IoTCentralEmulatorCommandResponse
    'Unregister-IoTCentralEmulatorCommandResponse / Example 1: Test what happens when a device stops responding' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null
            Register-IoTCentralEmulatorCommandResponse -DeviceId thermostat-01 -CommandName reboot
            (Invoke-IoTCentralCommand -DeviceId thermostat-01 -Name reboot -Request @{ delay = 5 }).ResponseCode | Should -Be 200
        }
        Assert = {
            # The failed run is silenced as the example asks; it shows in $failed.
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -Match '^IoTCentral\.DeviceRequestFailed,'
        }
    }
    'Unregister-IoTCentralEmulatorCommandResponse / Example 2: Stop every gateway answering' = @{
        Setup  = {
            'gateway-01', 'gateway-02' | ForEach-Object { New-DocDevice -Id $_ -Template gateway } | Register-IoTCentralEmulatorCommandResponse -CommandName reboot
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 2
            $Run.Output.Registered | Should -Be @($false, $false)
            Invoke-IoTCentralCommand -DeviceId gateway-01 -Name reboot -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
            $failed[0].FullyQualifiedErrorId | Should -Match '^IoTCentral\.DeviceRequestFailed,'
        }
    }

    # ---------------------------------------------------------------- Connect-IoTCentralEmulatorDevice
    'Connect-IoTCentralEmulatorDevice / Example 1: Bring a new device online' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -Be @($true) }
    }
    'Connect-IoTCentralEmulatorDevice / Example 2: Connect every device of a template' = @{
        Setup  = {
            'thermostat-01', 'thermostat-02' | ForEach-Object { New-DocDevice -Id $_ -Template thermostat } | Out-Null
            New-DocDevice -Id gateway-01 -Template gateway | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 2
            $Run.Output.Kind | Should -Be @('Connect', 'Connect')
            ($Run.Output.DeviceId | Sort-Object) | Should -Be @('thermostat-01', 'thermostat-02')
            (Get-IoTCentralDevice -Id thermostat-02).Provisioned | Should -BeTrue
            (Get-IoTCentralDevice -Id gateway-01).Provisioned | Should -BeFalse
        }
    }

    # ---------------------------------------------------------------- Disconnect-IoTCentralEmulatorDevice
    'Disconnect-IoTCentralEmulatorDevice / Example 1: Take a device offline to test a connectivity export' = @{
        # The export is made after the device connected, so the only connectivity message it gets is the disconnect;
        # the webhook's port is closed, so that delivery fails and the export shows the error.
        Setup  = {
            New-DocDevice -Id thermostat-01 -Template thermostat | Connect-IoTCentralEmulatorDevice
            New-DocExportDestination
            New-IoTCentralExport -Id store-connectivity -Source deviceConnectivity -Destination store-webhook | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ((Get-IoTCentralExport -Id store-connectivity).Status -ne 'error' -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 250 }
            (Get-IoTCentralExport -Id store-connectivity).Status | Should -Be 'error'
        }
    }
    'Disconnect-IoTCentralEmulatorDevice / Example 2: Disconnect a list of devices' = @{
        Setup  = { 'thermostat-01', 'thermostat-02' | ForEach-Object { New-DocDevice -Id $_ -Template thermostat } | Connect-IoTCentralEmulatorDevice }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 2
            $Run.Output.Kind | Should -Be @('Disconnect', 'Disconnect')
            $Run.Output.DeviceId | Should -Be @('thermostat-01', 'thermostat-02')
        }
    }

    # ---------------------------------------------------------------- Set-IoTCentralDevice
    'Set-IoTCentralDevice / Example 1: Rename a device' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Extra @{ DisplayName = 'Thermostat 01' } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            (Get-IoTCentralDevice -Id thermostat-01).DisplayName | Should -Be 'Lobby thermostat'
        }
    }
    'Set-IoTCentralDevice / Example 2: Block every simulated device and show the result' = @{
        Setup  = {
            New-DocDevice -Id simulated-01 -Template thermostat -Simulated | Out-Null
            New-DocDevice -Id real-01 -Template thermostat | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'simulated-01'
            $Run.Output.Status | Should -Be 'Blocked'
            (Get-IoTCentralDevice -Id real-01).Enabled | Should -BeTrue
        }
    }
    'Set-IoTCentralDevice / Example 3: Associate unassociated devices with a template' = @{
        Setup  = { Publish-DocTemplate thermostat | Out-Null; 'loose-01', 'loose-02' | ForEach-Object { New-DocDevice -Id $_ } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 2
            $Run.WhatIf[0] | Should -BeLike "*'loose-01'*"
            (Get-IoTCentralDevice).Status | Should -Be @('Unassociated', 'Unassociated')
        }
    }
    'Set-IoTCentralDevice / Example 4: Runbook that unblocks devices listed in an Automation variable' = @{
        Setup  = {
            'blocked-01', 'blocked-02' | ForEach-Object { New-DocDevice -Id $_ -Extra @{ Enabled = $false } } | Out-Null
            $DocApp.AutomationVariables['DevicesToUnblock'] = 'blocked-01, missing-01,blocked-02'
        }
        Assert = {
            $Run.Terminating | Should -BeNullOrEmpty
            (Get-IoTCentralDevice).Enabled | Should -Be @($true, $true)
            $Run.Errors | Should -HaveCount 1
            $Run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'IoTCentral.DeviceNotFound,*'
            $Run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $Run.Errors[0].TargetObject | Should -Be 'missing-01'
        }
    }

    # ---------------------------------------------------------------- Set-IoTCentralDeviceProperty
    'Set-IoTCentralDeviceProperty / Example 1: Set a writable property' = @{
        Setup  = { New-DocDevice -Id thermostat-01 -Template thermostat -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $state = $Run.Output | Where-Object Name -eq targetTemperature
            $state.DesiredValue | Should -Be 21.5
            $state.Acknowledged | Should -BeTrue
        }
    }
    'Set-IoTCentralDeviceProperty / Example 2: Set properties of a component' = @{
        Setup  = { New-DocDevice -Id controller-01 -Template controller -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            (Get-IoTCentralDeviceProperty -DeviceId controller-01 -Component thermostat1).targetTemperature | Should -Be 19
        }
    }
    'Set-IoTCentralDeviceProperty / Example 3: Replace the properties of a module' = @{
        Setup  = { New-DocDevice -Id edge-01 -Template edge -Simulated | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $module = Get-IoTCentralDeviceProperty -DeviceId edge-01 -Module SimulatedTemperatureSensor
            $module.SendInterval | Should -Be 20
            $module.SendData | Should -BeTrue
        }
    }
    'Set-IoTCentralDeviceProperty / Example 4: Rehearse a change on many devices' = @{
        Setup  = { 'thermostat-01', 'thermostat-02' | ForEach-Object { New-DocDevice -Id $_ -Template thermostat } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 2
            $Run.WhatIf | ForEach-Object { $_ | Should -BeLike '*targetTemperature*' }
            (Get-IoTCentralDeviceProperty -DeviceId thermostat-01).'$metadata' | Should -BeNullOrEmpty
        }
    }
    'Set-IoTCentralDeviceProperty / Example 5: Change a property across a fleet, sixteen devices at a time' = @{
        Setup  = { 1..20 | ForEach-Object { New-DocDevice -Id ('thermostat-{0:D2}' -f $_) -Template thermostat -Simulated } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            1..20 | ForEach-Object { (Get-IoTCentralDeviceProperty -DeviceId ('thermostat-{0:D2}' -f $_)).targetTemperature | Should -Be 18 }
        }
    }

    # ---------------------------------------------------------------- Set-IoTCentralDeviceTemplate
    'Set-IoTCentralDeviceTemplate / Example 1: Rename a template' = @{
        Setup  = { Publish-DocTemplate phone | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.DisplayName | Should -Be 'Phone (field test)'
            (Get-IoTCentralDeviceTemplate -Id 'dtmi:contoso:phone;1').DisplayName | Should -Be 'Phone (field test)'
        }
    }
    'Set-IoTCentralDeviceTemplate / Example 2: Rename every template that starts with Test' = @{
        Setup  = {
            Publish-DocTemplate thermostat | Out-Null
            Set-IoTCentralDeviceTemplate -Id 'dtmi:contoso:thermostat;1' -DisplayName 'Test thermostat'
            Publish-DocTemplate phone | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 1
            $Run.WhatIf[0] | Should -BeLike "*'dtmi:contoso:thermostat;1'*"
            (Get-IoTCentralDeviceTemplate -Id 'dtmi:contoso:thermostat;1').Description | Should -BeNullOrEmpty
        }
    }

    # ---------------------------------------------------------------- Set-IoTCentralUser
    'Set-IoTCentralUser / Example 1: Make a user a builder' = @{
        Setup  = { New-IoTCentralUser -Email pat@contoso.com -Role Operator -Id $userId | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output.Roles.Role | Should -Be $builderRole }
    }
    'Set-IoTCentralUser / Example 2: Demote every administrator of a domain to operator, rehearsing first' = @{
        Setup  = {
            New-IoTCentralUser -Email pat@fabrikam.com -Role Administrator -Id pat | Out-Null
            New-IoTCentralUser -Email sam@fabrikam.com -Role Operator -Id sam | Out-Null
            New-IoTCentralUser -Email kim@contoso.com -Role Administrator -Id kim | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 1
            $Run.WhatIf[0] | Should -BeLike "*'pat'*"
            (Get-IoTCentralUser -Id pat).Roles.Role | Should -Be $adminRole
        }
    }
    "Set-IoTCentralUser / Example 3: Move a user's roles into an organization" = @{
        Setup  = {
            New-IoTCentralOrganization -Id seattle | Out-Null
            New-IoTCentralUser -ServicePrincipal -TenantId ([guid]::NewGuid()) -ObjectId ([guid]::NewGuid()) -Role Builder -Id build-pipeline | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $roles = (Get-IoTCentralUser -Id build-pipeline).Roles
            $roles.Role | Should -Be $builderRole
            $roles.Organization | Should -Be 'seattle'
        }
    }
    'Set-IoTCentralUser / Example 4: Runbook that corrects an email address after a rename' = @{
        Setup  = { $user = New-IoTCentralUser -Email pat.old@contoso.com -Role Operator }
        Assert = {
            Assert-NoDocError $Run
            (Get-IoTCentralUser -Email pat.new@contoso.com).Id | Should -Be $user.Id
            Get-IoTCentralUser -Email pat.old@contoso.com | Should -BeNullOrEmpty
        }
    }

    # ---------------------------------------------------------------- Start-/Stop-IoTCentralEmulator
    'Start-IoTCentralEmulator / Example 1: Start the emulator and sign in to it' = @{
        Setup  = { Use-EmulatorTool }
        Assert = {
            Assert-NoDocError $Run
            ($Run.Output | Where-Object { $_ -is [IoTCentral.Models.Device] }).Id | Should -Be @('thermostat-01', 'thermostat-01')
            "$($emulator.ApplicationUrl)" | Should -Not -Be $DocApp.Url
            Get-Process -Id $emulator.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $Run.Text | Should -Not -Match 'SharedAccessSignature'
        }
    }
    'Start-IoTCentralEmulator / Example 2: Test a script with Pester' = @{
        PesterFile = $true
        Setup      = { Use-EmulatorTool }
        Assert     = {
            $Run.Terminating | Should -BeNullOrEmpty
            $Run.Output[0].Result | Should -Be 'Passed'
            $Run.Output[0].Passed | Should -Be 1
            $Run.Output[0].Failed + $Run.Output[0].FailedBlocks + $Run.Output[0].FailedContainers | Should -Be 0
        }
    }
    'Start-IoTCentralEmulator / Example 3: Run a build of the emulator and sign in with its token' = @{
        Assert = {
            try {
                Assert-NoDocError $Run
                ($Run.Output | Where-Object { $_ -is [IoTCentral.Models.Role] }).DisplayName | Should -Contain 'Operator'
                $admin.AuthKind | Should -Be 'ApiToken'
                "$($admin.ApplicationUrl)" | Should -Be "$($emulator.ApplicationUrl)"
                $Run.Text | Should -Not -Match 'SharedAccessSignature'
            }
            finally { $emulator | Stop-IoTCentralEmulator }
        }
    }
    'Start-IoTCentralEmulator / Example 4: Serve https and keep the state' = @{
        Setup  = { Use-EmulatorTool }
        Assert = {
            try {
                Assert-NoDocError $Run
                $Run.Output[0] | Should -Match '^[0-9A-F]{40}$'
                "$($Run.Output[1])" | Should -BeLike 'https://127.0.0.1:*'
                "$($emulator.ApplicationUrl)" | Should -BeLike 'https://*'
                (Get-IoTCentralRole -Name Operator -Session $emulator.Session).DisplayName | Should -Be 'Operator'
                Test-Path ./emulator-state | Should -BeTrue
            }
            finally { $emulator | Stop-IoTCentralEmulator }
        }
    }
    'Stop-IoTCentralEmulator / Example 1: Stop the emulator from the pipeline' = @{
        Setup  = { Use-EmulatorTool }
        Assert = {
            Assert-NoDocError $Run
            ($Run.Output | Where-Object { $_ -is [IoTCentral.Models.Role] }).DisplayName | Should -Contain 'Administrator'
            Get-Process -Id $emulator.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            "$((Get-IoTCentralSession).ApplicationUrl)" | Should -Not -Be "$($emulator.ApplicationUrl)"
        }
    }
    'Stop-IoTCentralEmulator / Example 2: Always stop it after Pester tests' = @{
        PesterFile = $true
        Setup      = { Use-EmulatorTool }
        Assert     = {
            # A file with setup and teardown and no tests: both blocks must run without failing.
            $Run.Terminating | Should -BeNullOrEmpty
            $Run.Output[0].FailedBlocks + $Run.Output[0].FailedContainers | Should -Be 0
        }
    }
    'Stop-IoTCentralEmulator / Example 3: Stop by process id' = @{
        Assert = {
            $Run.Terminating | Should -BeNullOrEmpty
            if (Get-Process -Id 48213 -ErrorAction SilentlyContinue) {
                # Some other process has that id here: the cmdlet must leave it alone.
                $Run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'IoTCentral.EmulatorNotStartedHere,*'
            }
            else {
                $Run.Errors | Should -BeNullOrEmpty
                $Run.Verbose.Message | Should -Contain 'The IoT Central emulator (process 48213) is not running; nothing to stop.'
            }
        }
    }

    # ---------------------------------------------------------------- Applications (Azure Resource Manager)
    'Connect-IoTCentral / Example 12: Create an application and sign in to it' = @{
        Setup  = { Initialize-DocManagement $DocApp }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.IoTCentralManagementSession])
            $Run.Output[0].AuthKind | Should -Be 'ServicePrincipal'
            $app.Name | Should -Be 'contoso-fleet'
            $Run.Output[-1] | Should -BeOfType ([IoTCentral.Models.IoTCentralSession])
            $Run.Output[-1].ApplicationUrl | Should -Be $app.ApplicationUrl
            (Get-IoTCentralUser -Session $Run.Output[-1]).Type | Should -Be 'ServicePrincipal'
        }
    }
    'Get-IoTCentralApplication / Example 1: List the applications of the subscription' = @{
        Setup  = { Initialize-DocManagement $DocApp -Application contoso-fleet/iot, contoso-lab/lab }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Name | Should -Be @('contoso-fleet', 'contoso-lab')
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.IoTCentralApplication])
            $Run.Output[1].ResourceGroup | Should -Be 'lab'
        }
    }
    'Get-IoTCentralApplication / Example 2: Sign in to an application found by name' = @{
        Setup  = { Initialize-DocManagement $DocApp -Application contoso-fleet/iot }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.IoTCentralSession])
            (Get-IoTCentralSession).ApplicationUrl | Should -Be (Get-IoTCentralApplication -Name contoso-fleet -ResourceGroup iot).ApplicationUrl
        }
    }
    'Get-IoTCentralApplication / Example 3: Find applications by a pattern' = @{
        Setup  = { Initialize-DocManagement $DocApp -Application contoso-fleet/iot, fabrikam-one/iot }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Name | Should -Be 'contoso-fleet'
            $Run.Output[0].Sku | Should -Be 'ST2'
        }
    }
    'New-IoTCentralApplication / Example 1: Create an application and sign in to it' = @{
        Setup  = { Initialize-DocManagement $DocApp }
        Assert = {
            Assert-NoDocError $Run
            $app.Sku | Should -Be 'ST1'
            $app.DisplayName | Should -Be 'Contoso fleet'
            $session.ApplicationUrl | Should -Be $app.ApplicationUrl
            $Run.Output[-1] | Should -BeOfType ([IoTCentral.Models.ApiToken])
            $Run.Output[-1].Token | Should -BeOfType ([securestring])
            $Run.Text | Should -Not -Match ([regex]::Escape((ConvertFrom-SecureStringToText $Run.Output[-1].Token)))
        }
    }
    'New-IoTCentralApplication / Example 2: Start the creation now and wait for it later' = @{
        Setup  = { Initialize-DocManagement $DocApp }
        Assert = {
            Assert-NoDocError $Run
            $operation.Action | Should -Be 'Create'
            $operation.Status | Should -Be 'Succeeded'
            $app.Name | Should -Be 'contoso-lab'
            $app.Subdomain | Should -Be 'contoso-lab'
            $app.Location | Should -Be 'eastus'
        }
    }
    'Set-IoTCentralApplication / Example 1: Rename an application and change its plan' = @{
        Setup  = { Initialize-DocManagement $DocApp -Application contoso-fleet/iot }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $changed = Get-IoTCentralApplication -Name contoso-fleet -ResourceGroup iot
            $changed.DisplayName | Should -Be 'Contoso fleet (EU)'
            $changed.Sku | Should -Be 'ST2'
        }
    }
    'Set-IoTCentralApplication / Example 2: Tag every application of a resource group' = @{
        Setup  = { Initialize-DocManagement $DocApp -Application contoso-fleet/iot, contoso-lab/iot, other-app/lab }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Name | Should -Be @('contoso-fleet', 'contoso-lab')
            $Run.Output | ForEach-Object { $_.Tags['costCenter'] | Should -Be '4711' }
            (Get-IoTCentralApplication -Name other-app -ResourceGroup lab).Tags.Count | Should -Be 0
        }
    }
    'Remove-IoTCentralApplication / Example 1: Delete an application' = @{
        Setup  = { Initialize-DocManagement $DocApp -Application contoso-lab/iot }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            Get-IoTCentralApplication | Should -BeNullOrEmpty
        }
    }
    'Remove-IoTCentralApplication / Example 2: See which test applications would be deleted' = @{
        Setup  = { Initialize-DocManagement $DocApp -Application test-one/lab, test-two/lab }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 2
            $Run.WhatIf[0] | Should -BeLike "Performing the operation ""Remove"" on target ""IoT Central application 'test-one'*"
            @(Get-IoTCentralApplication).Count | Should -Be 2
        }
    }
    'Remove-IoTCentralApplication / Example 3: Delete without waiting' = @{
        Setup  = { Initialize-DocManagement $DocApp -Application contoso-lab/iot }
        Assert = {
            Assert-NoDocError $Run
            $operation.Action | Should -Be 'Delete'
            $operation.Status | Should -Be 'Succeeded'
            Get-IoTCentralApplication | Should -BeNullOrEmpty
        }
    }
    'Test-IoTCentralApplicationName / Example 1: Check a name and a subdomain before creating an application' = @{
        Setup  = { Initialize-DocManagement $DocApp -Application contoso-fleet/iot }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Kind | Should -Be @('Name', 'Subdomain')
            $Run.Output.Available | Should -Be @($false, $false)
            $Run.Output[0].Reason | Should -Be 'AlreadyExists'
        }
    }
    'Test-IoTCentralApplicationName / Example 2: Create the application only when both are free' = @{
        Setup  = { Initialize-DocManagement $DocApp }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Name | Should -Be 'contoso-fleet'
            (Get-IoTCentralApplication).Name | Should -Be 'contoso-fleet'
        }
    }
    'Get-IoTCentralApplicationTemplate / Example 1: List the templates' = @{
        Setup  = { Initialize-DocManagement $DocApp }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.TemplateId | Should -Contain 'iotc-pnp-preview@1.0.0'
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.IoTCentralApplicationTemplate])
        }
    }
    'Get-IoTCentralApplicationTemplate / Example 2: Create an application from a template offered in a region' = @{
        Setup  = { Initialize-DocManagement $DocApp }
        Assert = {
            Assert-NoDocError $Run
            $template.TemplateId | Should -Be 'iotc-meter@1.0.0'
            $Run.Output.Template | Should -Be 'iotc-meter@1.0.0'
        }
    }
    'Wait-IoTCentralApplicationOperation / Example 1: Create two applications side by side' = @{
        Setup  = { Initialize-DocManagement $DocApp }
        Assert = {
            Assert-NoDocError $Run
            $operations.Status | Should -Be @('Succeeded', 'Succeeded')
            $Run.Output.Name | Should -Be @('contoso-eu', 'contoso-us')
        }
    }

    # ---------------------------------------------------------------- README
    'README / Using it from PowerShell' = @{
        Assert = {
            Assert-NoDocError $Run
            ($Run.Output | Where-Object { $_ -is [IoTCentral.Models.Role] }).DisplayName | Should -Contain 'Operator'
            ($Run.Output | Where-Object { $_ -is [IoTCentral.Models.Device] }).Id | Should -Be 'thermostat-01'
            $credential = $Run.Output | Where-Object { $_ -is [IoTCentral.Models.DeviceCredential] }
            $credential.PrimaryKey | Should -BeOfType ([securestring])
            $Run.WhatIf | Should -Be 'Performing the operation "Remove" on target "device ''thermostat-01''".'
            (Get-IoTCentralSession).SessionId | Should -Be $operator.SessionId
            $Run.Text | Should -Not -Match ([regex]::Escape((ConvertFrom-SecureStringToText $token.Token)))
            $Run.Text | Should -Not -Match ([regex]::Escape((Get-IoTCentralDeviceCredential -DeviceId thermostat-01 -AsPlainText).PrimaryKey))
        }
    }
    'README / Sign in (2)' = @{
        Setup  = { . $enterEntraApplication }
        Assert = {
            try { Assert-DocTokenCredentialSignIn $Run $entraApp }
            finally { . $leaveEntraApplication }
        }
    }
    'README / Sign in (3)' = @{
        Setup  = { Use-EmulatorTool }
        Assert = {
            Assert-NoDocError $Run
            $session = $Run.Output | Where-Object { $_ -is [IoTCentral.Models.IoTCentralSession] }
            $session.AuthKind | Should -Be 'ServicePrincipal'
            $session.Identity | Should -Be $sp.clientId
            $session.TenantId | Should -Be $tenant
            ($Run.Output | Where-Object { $_ -is [IoTCentral.Models.Role] }).DisplayName | Should -Be 'Operator'
            Get-Process -Id $emulator.ProcessId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $Run.Text | Should -Not -Match 'emulator-only-secret|eyJ'
        }
    }
    'README / Query and control devices' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Where-Object { $_ -is [string] } | Should -Not -BeNullOrEmpty
            $state = $Run.Output | Where-Object { $_ -is [IoTCentral.Models.DevicePropertyState] -and $_.Name -eq 'telemetryInterval' }
            $state.DesiredValue | Should -Be 10
            ($Run.Output | Where-Object { $_ -is [IoTCentral.Models.DeviceCommandResult] }).ResponseCode | Should -Be 200
            ($Run.Output | Where-Object { $_ -is [IoTCentral.Models.DeviceTelemetryValue] }).Name | Should -Be 'battery'
            $Run.Output | Where-Object { $_.PSObject.TypeNames[0] -eq 'IoTCentral.QueryRow' } | ForEach-Object { $_.'sensors.accelerometer'.z | Should -BeGreaterThan 9 }
        }
    }

    # ---------------------------------------------------------------- Device relationships
    'Get-IoTCentralDeviceRelationship / Example 1: List the downstream devices of a gateway' = @{
        Setup  = {
            'gateway-01', 'sensor-01', 'sensor-02' | ForEach-Object { New-DocDevice -Id $_ | Out-Null }
            New-IoTCentralDeviceRelationship -DeviceId gateway-01 -Name link-a -Target sensor-01 | Out-Null
            New-IoTCentralDeviceRelationship -DeviceId gateway-01 -Name link-b -Target sensor-02 | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.DeviceRelationship])
            $Run.Output.Target | Should -Be @('sensor-01', 'sensor-02')
            $Run.Output.DeviceId | Should -Be @('gateway-01', 'gateway-01')
        }
    }
    'Get-IoTCentralDeviceRelationship / Example 2: Get one relationship by name' = @{
        Setup  = {
            'gateway-01', 'sensor-01' | ForEach-Object { New-DocDevice -Id $_ | Out-Null }
            New-IoTCentralDeviceRelationship -DeviceId gateway-01 -Name sensor-link -Target sensor-01 | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output.Name | Should -Be 'sensor-link'; $Run.Output.Target | Should -Be 'sensor-01' }
    }
    'Get-IoTCentralDeviceRelationship / Example 3: List the relationships of every simulated device' = @{
        Setup  = {
            New-DocDevice -Id sim-gateway -Simulated | Out-Null
            'real-gateway', 'sensor-01' | ForEach-Object { New-DocDevice -Id $_ | Out-Null }
            New-IoTCentralDeviceRelationship -DeviceId sim-gateway -Name sim-link -Target sensor-01 | Out-Null
            New-IoTCentralDeviceRelationship -DeviceId real-gateway -Name real-link -Target sensor-01 | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output.Name | Should -Be 'sim-link' }
    }
    'New-IoTCentralDeviceRelationship / Example 1: Attach a downstream device to its gateway' = @{
        Setup  = { 'gateway-01', 'sensor-01' | ForEach-Object { New-DocDevice -Id $_ | Out-Null } }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Name | Should -Be 'sensor-link'
            (Get-IoTCentralDeviceRelationship -DeviceId gateway-01 -Name sensor-link).Target | Should -Be 'sensor-01'
        }
    }
    'New-IoTCentralDeviceRelationship / Example 2: Create relationships from a CSV file' = @{
        Setup  = {
            'gateway-01', 'gateway-02', 'sensor-01', 'sensor-02' | ForEach-Object { New-DocDevice -Id $_ | Out-Null }
            @(
                'DeviceId,Name,Target'
                'gateway-01,link-1,sensor-01'
                'gateway-02,link-2,sensor-02'
            ) | Set-Content ./relationships.csv
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Name | Should -Be @('link-1', 'link-2')
            (Get-IoTCentralDeviceRelationship -DeviceId gateway-02).Target | Should -Be 'sensor-02'
        }
    }
    'Set-IoTCentralDeviceRelationship / Example 1: Move a relationship to a replacement device' = @{
        Setup  = {
            'gateway-01', 'sensor-01', 'sensor-02' | ForEach-Object { New-DocDevice -Id $_ | Out-Null }
            New-IoTCentralDeviceRelationship -DeviceId gateway-01 -Name sensor-link -Target sensor-01 | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Target | Should -Be 'sensor-02'
            (Get-IoTCentralDeviceRelationship -DeviceId gateway-01 -Name sensor-link).Target | Should -Be 'sensor-02'
        }
    }
    'Remove-IoTCentralDeviceRelationship / Example 1: Detach a downstream device' = @{
        Setup  = {
            'gateway-01', 'sensor-01' | ForEach-Object { New-DocDevice -Id $_ | Out-Null }
            New-IoTCentralDeviceRelationship -DeviceId gateway-01 -Name sensor-link -Target sensor-01 | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            Get-IoTCentralDeviceRelationship -DeviceId gateway-01 | Should -BeNullOrEmpty
            (Get-IoTCentralDevice -Id sensor-01).Id | Should -Be 'sensor-01'
        }
    }
    'Remove-IoTCentralDeviceRelationship / Example 2: Remove every relationship of a gateway' = @{
        Setup  = {
            'gateway-01', 'sensor-01', 'sensor-02' | ForEach-Object { New-DocDevice -Id $_ | Out-Null }
            New-IoTCentralDeviceRelationship -DeviceId gateway-01 -Name link-a -Target sensor-01 | Out-Null
            New-IoTCentralDeviceRelationship -DeviceId gateway-01 -Name link-b -Target sensor-02 | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; Get-IoTCentralDeviceRelationship -DeviceId gateway-01 | Should -BeNullOrEmpty }
    }
    # ---------------------------------------------------------------- Device attestations
    'Get-IoTCentralDeviceAttestation / Example 1: Get a device''s attestation' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 | Out-Null
            $key = ConvertTo-SecureString ([Convert]::ToBase64String([byte[]](1..32))) -AsPlainText -Force
            Set-IoTCentralDeviceAttestation -DeviceId thermostat-01 -PrimaryKey $key -SecondaryKey $key
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.DeviceAttestation])
            $Run.Output[0].Type | Should -Be 'symmetricKey'
            $Run.Output[0].PrimaryKey | Should -BeOfType ([securestring])
            $Run.Text | Should -Not -Match ([regex]::Escape([Convert]::ToBase64String([byte[]](1..32))))
        }
    }
    'Get-IoTCentralDeviceAttestation / Example 2: Read the primary key as plain text' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 | Out-Null
            $key = ConvertTo-SecureString ([Convert]::ToBase64String([byte[]](1..32))) -AsPlainText -Force
            Set-IoTCentralDeviceAttestation -DeviceId thermostat-01 -PrimaryKey $key -SecondaryKey $key
        }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -Be ([Convert]::ToBase64String([byte[]](1..32))) }
    }
    'Set-IoTCentralDeviceAttestation / Example 1: Give a device its own symmetric keys' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 | Out-Null
            # Read-Host stands for the person typing each key.
            function Read-Host([switch] $AsSecureString, [string] $Prompt) {
                ConvertTo-SecureString ([Convert]::ToBase64String([byte[]]((1..32) | ForEach-Object { $_ + $Prompt.Length }))) -AsPlainText -Force
            }
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $plain = Get-IoTCentralDeviceAttestation -DeviceId thermostat-01 -AsPlainText
            $plain.Type | Should -Be 'symmetricKey'
            $plain.PrimaryKey | Should -Not -Be $plain.SecondaryKey
            $Run.Text | Should -Not -Match ([regex]::Escape($plain.PrimaryKey))
        }
    }
    'Set-IoTCentralDeviceAttestation / Example 2: Rotate the secondary key' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 | Out-Null
            $old = ConvertTo-SecureString ([Convert]::ToBase64String([byte[]](1..32))) -AsPlainText -Force
            Set-IoTCentralDeviceAttestation -DeviceId thermostat-01 -PrimaryKey $old -SecondaryKey $old
        }
        Assert = {
            Assert-NoDocError $Run
            $plain = Get-IoTCentralDeviceAttestation -DeviceId thermostat-01 -AsPlainText
            $plain.PrimaryKey | Should -Be ([Convert]::ToBase64String([byte[]](1..32)))
            $plain.SecondaryKey | Should -Be ([Convert]::ToBase64String($bytes))
        }
    }
    'Set-IoTCentralDeviceAttestation / Example 3: Use an X.509 certificate from a file' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 | Out-Null
            $request = [Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=thermostat-01', [Security.Cryptography.ECDsa]::Create(), 'SHA256')
            $docCertificate = $request.CreateSelfSigned([datetimeoffset]::UtcNow, [datetimeoffset]::UtcNow.AddDays(30))
            [IO.File]::WriteAllText("$PWD/thermostat-01.cer", $docCertificate.ExportCertificatePem())
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Type | Should -Be 'x509'
            $Run.Output.PrimaryThumbprint | Should -Be $docCertificate.Thumbprint
        }
    }
    'Set-IoTCentralDeviceAttestation / Example 4: Add a secondary certificate from an X509Certificate2' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 | Out-Null
            $make = { param($name) [Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=$name", [Security.Cryptography.ECDsa]::Create(), 'SHA256').CreateSelfSigned([datetimeoffset]::UtcNow, [datetimeoffset]::UtcNow.AddDays(30)) }
            $first = & $make thermostat-01
            $next = & $make thermostat-01-next
            [IO.File]::WriteAllBytes("$PWD/thermostat-01-next.cer", $next.RawData)
            Set-IoTCentralDeviceAttestation -DeviceId thermostat-01 -PrimaryCertificate $first
        }
        Assert = {
            Assert-NoDocError $Run
            $attestation = Get-IoTCentralDeviceAttestation -DeviceId thermostat-01
            $attestation.PrimaryThumbprint | Should -Be $first.Thumbprint
            $attestation.SecondaryThumbprint | Should -Be $next.Thumbprint
        }
    }
    'Set-IoTCentralDeviceAttestation / Example 5: Register a TPM device' = @{
        Setup  = {
            New-DocDevice -Id sensor-01 | Out-Null
            $docEndorsementKey = [Convert]::ToBase64String([byte[]](1..200))
            Set-Content ./sensor-01-ek.txt $docEndorsementKey
        }
        Assert = {
            Assert-NoDocError $Run
            $attestation = Get-IoTCentralDeviceAttestation -DeviceId sensor-01
            $attestation.Type | Should -Be 'tpm'
            $attestation.TpmEndorsementKey | Should -Be $docEndorsementKey
        }
    }
    'Remove-IoTCentralDeviceAttestation / Example 1: Remove the attestation of one device' = @{
        Setup  = {
            New-DocDevice -Id thermostat-01 | Out-Null
            Set-IoTCentralDeviceAttestation -DeviceId thermostat-01 -EndorsementKey ([Convert]::ToBase64String([byte[]](1..200)))
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            Get-IoTCentralDeviceAttestation -DeviceId thermostat-01 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            (Get-IoTCentralDevice -Id thermostat-01).Id | Should -Be 'thermostat-01'
        }
    }
    # ---------------------------------------------------------------- Organizations
    'Get-IoTCentralOrganization / Example 1: List every organization' = @{
        Setup  = { New-IoTCentralOrganization -Id washington | Out-Null; New-IoTCentralOrganization -Id seattle -Parent washington | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 2
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.Organization])
            ($Run.Output | Where-Object Id -eq seattle).Parent | Should -Be 'washington'
        }
    }
    'Get-IoTCentralOrganization / Example 2: Walk the tree below one organization' = @{
        Setup  = {
            New-IoTCentralOrganization -Id washington | Out-Null
            New-IoTCentralOrganization -Id seattle -Parent washington | Out-Null
            New-IoTCentralOrganization -Id ballard -Parent seattle | Out-Null
            New-IoTCentralOrganization -Id redmond -Parent washington | Out-Null
            New-IoTCentralOrganization -Id oregon | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be @('redmond', 'seattle', 'ballard') }
    }
    'Get-IoTCentralOrganization / Example 3: Get one organization by id' = @{
        Setup  = { New-IoTCentralOrganization -Id seattle -DisplayName Seattle | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output.DisplayName | Should -Be 'Seattle' }
    }
    'New-IoTCentralOrganization / Example 1: Create a small tree' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be @('washington', 'seattle')
            (Get-IoTCentralOrganization -Id seattle).Parent | Should -Be 'washington'
        }
    }
    'New-IoTCentralOrganization / Example 2: Create organizations from a CSV file' = @{
        Setup  = { 'Id,DisplayName,Parent', 'washington,Washington,', 'seattle,Seattle,washington', 'redmond,Redmond,washington' | Set-Content ./organizations.csv }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 3
            (Get-IoTCentralOrganization -Parent washington).Id | Should -Be @('redmond', 'seattle')
            (Get-IoTCentralOrganization -Id washington).Parent | Should -BeNullOrEmpty
        }
    }
    'New-IoTCentralOrganization / Example 3: Rehearse first' = @{
        Setup  = { New-IoTCentralOrganization -Id washington | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 1
            $Run.WhatIf[0] | Should -BeLike "*organization 'redmond'*"
            (Get-IoTCentralOrganization).Id | Should -Be 'washington'
        }
    }
    'Set-IoTCentralOrganization / Example 1: Rename an organization' = @{
        Setup  = { New-IoTCentralOrganization -Id washington | Out-Null; New-IoTCentralOrganization -Id seattle -Parent washington | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $o = Get-IoTCentralOrganization -Id seattle
            $o.DisplayName | Should -Be 'Seattle HQ'
            $o.Parent | Should -Be 'washington'
        }
    }
    'Set-IoTCentralOrganization / Example 2: Move an organization under another parent' = @{
        Setup  = { 'washington', 'oregon' | New-IoTCentralOrganization | Out-Null; New-IoTCentralOrganization -Id seattle -Parent washington | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output.Parent | Should -Be 'oregon' }
    }
    'Set-IoTCentralOrganization / Example 3: Make an organization top-level' = @{
        Setup  = { New-IoTCentralOrganization -Id washington | Out-Null; New-IoTCentralOrganization -Id seattle -Parent washington | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralOrganization -Id seattle).Parent | Should -BeNullOrEmpty }
    }
    'Remove-IoTCentralOrganization / Example 1: Remove one organization' = @{
        Setup  = { . $answerYes; New-IoTCentralOrganization -Id seattle | Out-Null; New-IoTCentralOrganization -Id redmond | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralOrganization).Id | Should -Be 'redmond' }
    }
    'Remove-IoTCentralOrganization / Example 2: Remove a whole tree, leaves first' = @{
        Setup  = {
            New-IoTCentralOrganization -Id washington | Out-Null
            New-IoTCentralOrganization -Id seattle -Parent washington | Out-Null
            New-IoTCentralOrganization -Id ballard -Parent seattle | Out-Null
            New-IoTCentralOrganization -Id redmond -Parent washington | Out-Null
            New-IoTCentralOrganization -Id oregon | Out-Null
        }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralOrganization).Id | Should -Be 'oregon' }
    }
    'Remove-IoTCentralOrganization / Example 3: See what would be removed' = @{
        Setup  = { New-IoTCentralOrganization -Id washington | Out-Null; 'seattle', 'redmond' | ForEach-Object { New-IoTCentralOrganization -Id $_ -Parent washington } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 2
            $Run.WhatIf | ForEach-Object { $_ | Should -BeLike 'Performing the operation "Remove" on target "organization *' }
            Get-IoTCentralOrganization | Should -HaveCount 3
        }
    }

    # ---------------------------------------------------------------- Device groups
    'Get-IoTCentralDeviceGroup / Example 1: List every device group' = @{
        Setup  = { New-IoTCentralDeviceGroup -Id thermostats -DisplayName Thermostats -Filter '$template = "dtmi:contoso:thermostat;1"' | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'thermostats'; $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.DeviceGroup]) }
    }
    'Get-IoTCentralDeviceGroup / Example 2: Show one group''s filter' = @{
        Setup  = { New-IoTCentralDeviceGroup -Id thermostats -DisplayName Thermostats -Filter '$simulated = true' | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -Be 'SELECT * FROM devices WHERE $simulated = true' }
    }
    'Get-IoTCentralDeviceGroup / Example 3: Let the service filter and order the groups' = @{
        Setup  = {
            New-IoTCentralDeviceGroup -Id all -DisplayName 'All devices' -Filter 'SELECT * FROM devices' | Out-Null
            New-IoTCentralDeviceGroup -Id thermostats -DisplayName Thermostats -Filter '$template = "dtmi:contoso:thermostat;1"' | Out-Null
            New-IoTCentralDeviceGroup -Id simulated -DisplayName Simulated -Filter '$simulated = true' | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be @('thermostats', 'simulated') }
    }
    'New-IoTCentralDeviceGroup / Example 1: Group the simulated thermostats' = @{
        Setup  = { New-DocDevice -Id sim-01 -Template thermostat -Simulated | Out-Null; New-DocDevice -Id real-01 -Template thermostat | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'thermostats'
            (Get-IoTCentralDeviceGroupDevice -Id thermostats).Id | Should -Be 'sim-01'
        }
    }
    'New-IoTCentralDeviceGroup / Example 2: Give only the condition, in an organization' = @{
        Setup  = { New-IoTCentralOrganization -Id seattle | Out-Null; New-DocDevice -Id in-seattle -Extra @{ Organization = 'seattle' } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Filter | Should -Be 'SELECT * FROM devices WHERE $provisioned = true'
            $Run.Output.Organizations | Should -Be 'seattle'
            $Run.Output.Id -as [guid] | Should -Not -BeNullOrEmpty
            @($Run.Output | Get-IoTCentralDeviceGroupDevice) | Should -HaveCount 0
        }
    }
    'New-IoTCentralDeviceGroup / Example 3: Runbook that makes sure a group exists' = @{
        Assert = {
            Assert-NoDocError $Run
            (Get-IoTCentralDeviceGroup).Id | Should -Be 'blocked-devices'
            . ([scriptblock]::Create($Run.Code)) | Should -BeNullOrEmpty
            Get-IoTCentralDeviceGroup | Should -HaveCount 1
        }
    }
    'Set-IoTCentralDeviceGroup / Example 1: Widen a group''s filter' = @{
        Setup  = {
            New-DocDevice -Id sim-01 -Template thermostat -Simulated | Out-Null; New-DocDevice -Id real-01 -Template thermostat | Out-Null
            New-IoTCentralDeviceGroup -Id thermostats -DisplayName Thermostats -Filter '$template = "dtmi:contoso:thermostat;1" AND $simulated = true' | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; (Get-IoTCentralDeviceGroupDevice -Id thermostats).Id | Should -Be @('real-01', 'sim-01') }
    }
    'Set-IoTCentralDeviceGroup / Example 2: Change a group only if nobody else has' = @{
        Setup  = { New-IoTCentralDeviceGroup -Id thermostats -DisplayName Thermostats -Filter '$simulated = true' | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.DisplayName | Should -Be 'All thermostats'
            { Set-IoTCentralDeviceGroup -Id thermostats -DisplayName again -ETag $group.ETag -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.DeviceGroupPreconditionFailed*'
        }
    }
    'Remove-IoTCentralDeviceGroup / Example 1: Remove one group' = @{
        Setup  = { . $answerYes; New-IoTCentralDeviceGroup -Id thermostats -DisplayName T -Filter '$simulated = true' | Out-Null; New-IoTCentralDeviceGroup -Id kept -DisplayName K -Filter '$simulated = false' | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralDeviceGroup).Id | Should -Be 'kept' }
    }
    'Remove-IoTCentralDeviceGroup / Example 2: See which test groups would be removed' = @{
        Setup  = { 'Test A', 'Test B', 'Production' | ForEach-Object { New-IoTCentralDeviceGroup -DisplayName $_ -Filter '$simulated = true' } | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 2
            Get-IoTCentralDeviceGroup | Should -HaveCount 3
        }
    }
    'Get-IoTCentralDeviceGroupDevice / Example 1: List a group''s devices' = @{
        Setup  = {
            New-DocDevice -Id sim-01 -Template thermostat -Simulated | Out-Null; New-DocDevice -Id real-01 -Template thermostat | Out-Null
            New-IoTCentralDeviceGroup -Id thermostats -DisplayName T -Filter '$simulated = true' | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'sim-01'; $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.Device]) }
    }
    'Get-IoTCentralDeviceGroupDevice / Example 2: Block every device of a group, after a rehearsal' = @{
        Setup  = {
            New-DocDevice -Id sim-01 -Template thermostat -Simulated | Out-Null; New-DocDevice -Id sim-02 -Template thermostat -Simulated | Out-Null
            New-IoTCentralDeviceGroup -Id thermostats -DisplayName T -Filter '$simulated = true' | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 2
            (Get-IoTCentralDevice).Enabled | Should -Be @($true, $true)
        }
    }
    'Get-IoTCentralDeviceGroupDevice / Example 3: Count the devices of every group' = @{
        Setup  = {
            New-DocDevice -Id sim-01 -Template thermostat -Simulated | Out-Null; New-DocDevice -Id real-01 -Template thermostat | Out-Null
            New-IoTCentralDeviceGroup -Id all -DisplayName All -Filter 'SELECT * FROM devices' | Out-Null
            New-IoTCentralDeviceGroup -Id simulated -DisplayName Simulated -Filter '$simulated = true' | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            ($Run.Output | Where-Object Group -eq All).Devices | Should -Be 2
            ($Run.Output | Where-Object Group -eq Simulated).Devices | Should -Be 1
        }
    }

    # ---------------------------------------------------------------- Jobs
    'New-IoTCentralJob / Example 1: Set a property on every device of a group and wait for it' = @{
        Setup  = { New-DocThermostatGroup }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.Job])
            $Run.Output[0].Status | Should -Be 'completed'
            $Run.Output[0].Progress.Completed | Should -Be 2
            (Get-IoTCentralDeviceProperty -DeviceId sim-01).targetTemperature | Should -Be 21.5
        }
    }
    'New-IoTCentralJob / Example 2: Run a command in batches, stopping if too many devices fail' = @{
        Setup  = { New-DocThermostatGroup -Count 4 }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Batch.ToString() | Should -Be '25%'
            $Run.Output.CancellationThreshold.Percentage | Should -BeTrue
            ($Run.Output | Wait-IoTCentralJob -PollInterval 0.2 -Timeout 120).Status | Should -Be 'completed'
            (Get-IoTCentralCommandHistory -DeviceId sim-03 -Name reboot).Request.delay | Should -Be 5
        }
    }
    'New-IoTCentralJob / Example 3: Move devices to a new version of their template' = @{
        Setup  = { New-DocThermostatGroup }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'thermostat-v2'
            Wait-IoTCentralJob -Id thermostat-v2 -PollInterval 0.2 -Timeout 120 | Out-Null
            (Get-IoTCentralDevice -Id sim-02).Template | Should -Be 'dtmi:contoso:thermostat;2'
        }
    }
    'New-IoTCentralJob / Example 4: Several changes in one job' = @{
        Setup  = { New-DocThermostatGroup }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Data.Type | Should -Be @('property', 'command')
            ($Run.Output | Wait-IoTCentralJob -PollInterval 0.2 -Timeout 120).Status | Should -Be 'completed'
            (Get-IoTCentralDeviceProperty -DeviceId sim-02).targetTemperature | Should -Be 19
        }
    }
    'New-IoTCentralJob / Example 5: Run a job again on the devices where it failed' = @{
        Setup  = { New-DocThermostatGroup -Offline; New-DocJob }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'winter-setting-retry'
            (Get-IoTCentralJobDevice -Id winter-setting-retry).DeviceId | Should -Be 'offline-01'
        }
    }
    'Get-IoTCentralJob / Example 1: List every job' = @{
        Setup  = { New-DocThermostatGroup; New-DocJob -Id nightly }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Contain 'nightly'; $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.Job]) }
    }
    'Get-IoTCentralJob / Example 2: Find the jobs that are still running' = @{
        Setup  = { New-DocThermostatGroup -Count 10; New-DocJob -Id still-running -Running }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Contain 'still-running'; $Run.Output.Status | Should -Not -Contain 'completed' }
    }
    'Get-IoTCentralJob / Example 3: Check one job''s progress' = @{
        Setup  = { New-DocThermostatGroup -Offline; New-DocJob }
        Assert = { Assert-NoDocError $Run; $Run.Output.Total | Should -Be 3; $Run.Output.Failed | Should -Be 1; $Run.Output.Pending | Should -Be 0 }
    }
    'Stop-IoTCentralJob / Example 1: Stop a job' = @{
        Setup  = { New-DocThermostatGroup -Count 10; New-DocJob -Running }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; (Get-IoTCentralJob -Id winter-setting).Status | Should -Be 'stopped' }
    }
    'Stop-IoTCentralJob / Example 2: See which running jobs would be stopped' = @{
        Setup  = { New-DocThermostatGroup -Count 10; New-DocJob -Id long-running -Running }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -HaveCount 1
            $Run.WhatIf[0] | Should -BeLike "*Stop*job 'long-running'*"
            (Get-IoTCentralJob -Id long-running).Status | Should -Be 'running'
        }
    }
    'Resume-IoTCentralJob / Example 1: Resume a job and show it' = @{
        Setup  = { New-DocThermostatGroup -Count 10; New-DocJob -Running; Stop-IoTCentralJob -Id winter-setting }
        Assert = { Assert-NoDocError $Run; $Run.Output.Status | Should -Be 'running' }
    }
    'Resume-IoTCentralJob / Example 2: Resume every stopped job' = @{
        Setup  = { New-DocThermostatGroup -Count 10; New-DocJob -Id paused -Running; Stop-IoTCentralJob -Id paused }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; (Get-IoTCentralJob -Id paused).Status | Should -Not -Be 'stopped' }
    }
    'Wait-IoTCentralJob / Example 1: Start a job and wait for it' = @{
        Setup  = { New-DocThermostatGroup }
        Assert = { Assert-NoDocError $Run; $Run.Output.Status | Should -Be 'completed'; $Run.Output.IsFinished | Should -BeTrue }
    }
    'Wait-IoTCentralJob / Example 2: Wait at most ten minutes, then list the devices that failed' = @{
        Setup  = { New-DocThermostatGroup -Offline; New-DocJob -Running }
        Assert = { Assert-NoDocError $Run; $Run.Output.DeviceId | Should -Be 'offline-01'; $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.JobDeviceStatus]) }
    }
    'Get-IoTCentralJobDevice / Example 1: List every device of a job' = @{
        Setup  = { New-DocThermostatGroup -Offline; New-DocJob }
        Assert = { Assert-NoDocError $Run; $Run.Output.DeviceId | Should -Be @('offline-01', 'sim-01', 'sim-02'); $Run.Output.Status | Should -Be @('failed', 'completed', 'completed') }
    }
    'Get-IoTCentralJobDevice / Example 2: Show the devices where a job failed' = @{
        Setup  = { New-DocThermostatGroup -Offline; New-DocJob }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'offline-01'; $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.Device]) }
    }
    'Get-IoTCentralScheduledJob / Example 1: List every scheduled job' = @{
        Setup  = { New-DocThermostatGroup; New-DocScheduledJob | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'nightly-reset'; $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.ScheduledJob]) }
    }
    'Get-IoTCentralScheduledJob / Example 2: Show when a scheduled job runs' = @{
        Setup  = { New-DocThermostatGroup; New-DocScheduledJob | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output.Recurrence | Should -Be 'daily'; $Run.Output.Start | Should -BeGreaterThan ([DateTimeOffset]::UtcNow) }
    }
    'Get-IoTCentralScheduledJob / Example 3: Find the scheduled jobs that are still to run' = @{
        Setup  = { New-DocThermostatGroup; New-DocScheduledJob | Out-Null; New-DocScheduledJob -Id paused -Disabled | Out-Null; New-DocScheduledJob -Id done -Now -Once | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'nightly-reset' }
    }
    'Get-IoTCentralScheduledJobRun / Example 1: List the runs of a scheduled job' = @{
        Setup  = { New-DocThermostatGroup; New-DocScheduledJob -Now | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -HaveCount 1; $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.Job]); $Run.Output[0].ScheduledJobId | Should -Be 'nightly-reset'; $Run.Output[0].DisplayName | Should -Be 'nightly-reset - 1' }
    }
    'Get-IoTCentralScheduledJobRun / Example 2: Show the runs that failed on some device' = @{
        Setup  = { New-DocThermostatGroup -Offline; New-DocScheduledJob -Now | Out-Null; Get-IoTCentralScheduledJobRun -Id nightly-reset | Wait-IoTCentralJob -PollInterval 0.2 -Timeout 120 | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -HaveCount 1; $Run.Output[0].Progress.Failed | Should -Be 1 }
    }
    'Remove-IoTCentralScheduledJob / Example 1: Remove a scheduled job' = @{
        Setup  = { New-DocThermostatGroup; New-DocScheduledJob | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; Get-IoTCentralScheduledJob | Should -BeNullOrEmpty }
    }
    'Remove-IoTCentralScheduledJob / Example 2: Remove every scheduled job whose schedule has ended' = @{
        Setup  = { New-DocThermostatGroup; New-DocScheduledJob | Out-Null; New-DocScheduledJob -Id done -Now -Once | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralScheduledJob).Id | Should -Be 'nightly-reset' }
    }
    'Set-IoTCentralScheduledJob / Example 1: Pause a scheduled job' = @{
        Setup  = { New-DocThermostatGroup; New-DocScheduledJob | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; (Get-IoTCentralScheduledJob -Id nightly-reset).Enabled | Should -BeFalse }
    }
    'Set-IoTCentralScheduledJob / Example 2: Run weekly for ten weeks and show the result' = @{
        Setup  = { New-DocThermostatGroup; New-DocScheduledJob | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output.Schedule.Recurrence | Should -Be 'weekly'; $Run.Output.Schedule.EndOccurrences | Should -Be 10 }
    }
    'Set-IoTCentralScheduledJob / Example 3: Change only if nobody else did' = @{
        Setup  = { New-DocThermostatGroup; New-DocScheduledJob | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralScheduledJob -Id nightly-reset).DisplayName | Should -Be 'Nightly reset (v2)' }
    }
    'New-IoTCentralScheduledJob / Example 1: Reboot every night at two' = @{
        Setup  = { New-DocThermostatGroup }
        Assert = { Assert-NoDocError $Run; $Run.Output.Schedule.Recurrence | Should -Be 'daily'; $Run.Output.Data[0].Type | Should -Be 'command'; $Run.Output.Enabled | Should -BeTrue }
    }
    'New-IoTCentralScheduledJob / Example 2: Set a property every Monday for four weeks' = @{
        Setup  = { New-DocThermostatGroup }
        Assert = { Assert-NoDocError $Run; $Run.Output.Schedule.EndOccurrences | Should -Be 4; $Run.Output.Schedule.Start.LocalDateTime.DayOfWeek | Should -Be 'Monday' }
    }
    'New-IoTCentralScheduledJob / Example 3: Run once, now, and see the job it produced' = @{
        Setup  = { New-DocThermostatGroup }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -HaveCount 1; $Run.Output[0].ScheduledJobId | Should -Be 'once-now' }
    }
    # ---------------------------------------------------------------- Enrollment groups
    'Get-IoTCentralEnrollmentGroup / Example 1: List the enrollment groups' = @{
        Setup  = { New-IoTCentralEnrollmentGroup -Id thermostats -DisplayName 'Thermostats' | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.EnrollmentGroup])
            $Run.Output[0].Id | Should -Be 'thermostats'
            $Run.Output[0].PrimaryKey | Should -BeOfType ([securestring])
            $Run.Text | Should -Not -Match ([regex]::Escape((Get-IoTCentralEnrollmentGroup -Id thermostats -AsPlainText).PrimaryKey))
        }
    }
    'Get-IoTCentralEnrollmentGroup / Example 2: Read a group''s primary key as plain text' = @{
        Setup  = {
            $docKey = [Convert]::ToBase64String([byte[]](1..32))
            New-IoTCentralEnrollmentGroup -Id thermostats -DisplayName 'Thermostats' -PrimaryKey (ConvertTo-SecureString $docKey -AsPlainText -Force) | Out-Null
        }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -Be $docKey }
    }
    'New-IoTCentralEnrollmentGroup / Example 1: Create a symmetric key group for IoT devices' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output[0].Id | Should -Be 'thermostats'
            $Run.Output[0].AttestationType | Should -Be 'symmetricKey'
            $Run.Output[0].Type | Should -Be 'iot'
            $Run.Output[0].SecondaryKey | Should -BeOfType ([securestring])
        }
    }
    'New-IoTCentralEnrollmentGroup / Example 2: Create an X.509 group for IoT Edge devices from a CA certificate' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output[0].AttestationType | Should -Be 'x509'
            $Run.Output[0].Type | Should -Be 'iotEdge'
            $Run.Output[0].PrimaryCertificate.Thumbprint | Should -Be $ca.Thumbprint
            $Run.Output[0].PrimaryCertificate.Verified | Should -BeFalse
        }
    }
    'Set-IoTCentralEnrollmentGroup / Example 1: Disable a group' = @{
        Setup  = { New-IoTCentralEnrollmentGroup -Id thermostats -DisplayName 'Thermostats' | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; (Get-IoTCentralEnrollmentGroup -Id thermostats).Enabled | Should -BeFalse }
    }
    'Set-IoTCentralEnrollmentGroup / Example 2: Rotate the secondary key' = @{
        Setup  = {
            $docKey = [Convert]::ToBase64String([byte[]](1..32))
            New-IoTCentralEnrollmentGroup -Id thermostats -DisplayName 'Thermostats' -PrimaryKey (ConvertTo-SecureString $docKey -AsPlainText -Force) | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $plain = Get-IoTCentralEnrollmentGroup -Id thermostats -AsPlainText
            $plain.PrimaryKey | Should -Be $docKey
            $plain.SecondaryKey | Should -Be ([Convert]::ToBase64String($bytes))
            $Run.Text | Should -Not -Match ([regex]::Escape($plain.SecondaryKey))
        }
    }
    'Remove-IoTCentralEnrollmentGroup / Example 1: Remove one group' = @{
        Setup  = { New-IoTCentralEnrollmentGroup -Id thermostats -DisplayName 'Thermostats' | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; Get-IoTCentralEnrollmentGroup | Should -BeNullOrEmpty }
    }
    'Remove-IoTCentralEnrollmentGroup / Example 2: Remove every disabled group' = @{
        Setup  = {
            New-IoTCentralEnrollmentGroup -Id thermostats -DisplayName 'Thermostats' | Out-Null
            New-IoTCentralEnrollmentGroup -Id retired -DisplayName 'Retired' -Enabled $false | Out-Null
        }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralEnrollmentGroup).Id | Should -Be 'thermostats' }
    }
    'Get-IoTCentralEnrollmentGroupCertificate / Example 1: See whether a group''s certificates are verified' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.EnrollmentGroupCertificate])
            $Run.Output[0].Entry | Should -Be 'Primary'
            $Run.Output[0].Thumbprint | Should -Be $ca.Thumbprint
            $Run.Output[0].Verified | Should -BeFalse
        }
    }
    'Set-IoTCentralEnrollmentGroupCertificate / Example 1: Add a secondary CA certificate from a file' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].Entry | Should -Be 'Secondary'
            $Run.Output[0].Thumbprint | Should -Be $ca.Thumbprint
            (Get-IoTCentralEnrollmentGroup -Id edge-gateways).SecondaryCertificate.Thumbprint | Should -Be $ca.Thumbprint
        }
    }
    'Remove-IoTCentralEnrollmentGroupCertificate / Example 1: Retire the secondary CA' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $group = Get-IoTCentralEnrollmentGroup -Id edge-gateways
            $group.SecondaryCertificate | Should -BeNullOrEmpty
            $group.AttestationType | Should -Be 'x509'
        }
    }
    'New-IoTCentralEnrollmentGroupVerificationCode / Example 1: Get a code to sign with an offline CA' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -Match '^[0-9A-F]{16,}$'
            $code | Should -BeOfType ([IoTCentral.Models.EnrollmentGroupVerificationCode])
            $code.Entry | Should -Be 'Primary'
        }
    }
    'Confirm-IoTCentralEnrollmentGroupCertificate / Example 1: Verify a CA certificate in one call' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].Verified | Should -BeTrue
            $Run.Output[0].Thumbprint | Should -Be $ca.Thumbprint
        }
    }
    'Confirm-IoTCentralEnrollmentGroupCertificate / Example 2: Send a verification certificate signed elsewhere' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            (Get-IoTCentralEnrollmentGroupCertificate -Id edge-gateways -Entry Primary).Verified | Should -BeTrue
        }
    }
    # ---------------------------------------------------------------- File uploads
    'Get-IoTCentralFileUpload / Example 1: Show the file upload configuration' = @{
        Setup  = { New-IoTCentralFileUpload -ConnectionString (New-DocStorageConnection) -Container uploads -Wait | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.FileUpload])
            $Run.Output[0].Container | Should -Be 'uploads'
            $Run.Output[0].State | Should -Be 'succeeded'
            $Run.Text | Should -Not -Match ([regex]::Escape($DocStorageKey))
        }
    }
    'Get-IoTCentralFileUpload / Example 2: Wait until a change has been provisioned' = @{
        Setup  = { New-IoTCentralFileUpload -ConnectionString (New-DocStorageConnection) -Container uploads | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -HaveCount 1; $Run.Output[0].State | Should -Be 'succeeded' }
    }
    'New-IoTCentralFileUpload / Example 1: Configure file uploads and wait until they work' = @{
        # Read-Host stands for the person typing the connection string.
        Setup  = { function Read-Host([switch] $AsSecureString, [string] $Prompt) { New-DocStorageConnection } }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].State | Should -Be 'succeeded'
            $Run.Output[0].SasTtl | Should -Be ([timespan]::FromHours(1))
            $Run.Output[0].PSObject.Properties.Name | Should -Not -Contain 'ConnectionString'
            $Run.Text | Should -Not -Match ([regex]::Escape($DocStorageKey))
        }
    }
    'New-IoTCentralFileUpload / Example 2: Let operators open uploaded files in the portal' = @{
        Setup  = { $connection = New-DocStorageConnection }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output[0].ReadAccess | Should -BeTrue
            $Run.Output[0].Account | Should -Be 'contosostorage'
            $Run.Output[0].State | Should -Be 'pending'
        }
    }
    'Set-IoTCentralFileUpload / Example 1: Move uploads to another container' = @{
        Setup  = { New-IoTCentralFileUpload -ConnectionString (New-DocStorageConnection) -Container uploads -Wait | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -HaveCount 1; $Run.Output[0].Container | Should -Be 'archive'; $Run.Output[0].State | Should -Be 'succeeded' }
    }
    'Set-IoTCentralFileUpload / Example 2: Turn off read access on the configuration you read' = @{
        Setup  = { New-IoTCentralFileUpload -ConnectionString (New-DocStorageConnection) -Container uploads -ReadAccess -Wait | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; (Get-IoTCentralFileUpload).ReadAccess | Should -BeFalse }
    }
    'Remove-IoTCentralFileUpload / Example 1: Stop file uploads' = @{
        Setup  = { New-IoTCentralFileUpload -ConnectionString (New-DocStorageConnection) -Container uploads -Wait | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            Get-IoTCentralFileUpload -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
            $missing[0].FullyQualifiedErrorId | Should -BeLike 'IoTCentral.FileUploadNotFound,*'
        }
    }
    # ---------------------------------------------------------------- Data export
    'Get-IoTCentralExportDestination / Example 1: List the destinations and their health' = @{
        Setup  = { New-DocExportDestination }
        Assert = {
            Assert-NoDocError $Run
            $text = $Run.Output | Out-String
            $text | Should -Match 'store-webhook'
            $text | Should -Match 'notDelivered'
            Assert-NoDocExportSecret $Run
        }
    }
    'Get-IoTCentralExportDestination / Example 2: Show where an export sends its data' = @{
        Setup  = { New-DocExportDestination -Export }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'store-webhook'; $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.ExportDestination]); Assert-NoDocExportSecret $Run }
    }
    'New-IoTCentralExportDestination / Example 1: A webhook with a header authorization' = @{
        Setup  = { function Read-Host([switch] $AsSecureString, [string] $Prompt) { ConvertTo-SecureString $DocExportSecret -AsPlainText -Force } }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'store-webhook'
            $Run.Output.AuthorizationType | Should -Be 'header'
            $Run.Output.HeaderNames | Should -Be @('x-store')
            Assert-NoDocExportSecret $Run
        }
    }
    'New-IoTCentralExportDestination / Example 2: Event Hubs by connection string' = @{
        Setup  = { function Read-Host([switch] $AsSecureString, [string] $Prompt) { ConvertTo-SecureString $DocExportSecret -AsPlainText -Force } }
        Assert = { Assert-NoDocError $Run; $Run.Output.Type | Should -Be 'eventhubs@v1'; $Run.Output.Status | Should -Be 'notDelivered'; Assert-NoDocExportSecret $Run }
    }
    'New-IoTCentralExportDestination / Example 3: Blob Storage with the application''s managed identity' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.AuthorizationType | Should -Be 'systemAssignedManagedIdentity'
            $Run.Output.Settings.containerName | Should -Be 'telemetry'
            $Run.Output.Status | Should -Be 'notDelivered'
        }
    }
    'New-IoTCentralExportDestination / Example 4: Blob Storage by connection string, such as Azurite on this machine' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Type | Should -Be 'blobstorage@v1'
            $Run.Output.AuthorizationType | Should -Be 'connectionString'
            $Run.Output.Settings.containerName | Should -Be 'telemetry'
            # Delivered to (nothing exported yet), unlike the managed-identity kind; the connection string is never shown.
            $Run.Output.Status | Should -Be 'healthy'
            ($Run.Output | Format-List * | Out-String) | Should -Not -Match 'UseDevelopmentStorage'
        }
    }
    'Set-IoTCentralExportDestination / Example 1: Rotate a webhook''s authorization' = @{
        Setup  = { New-DocExportDestination; function Read-Host([switch] $AsSecureString, [string] $Prompt) { ConvertTo-SecureString $DocExportSecret -AsPlainText -Force } }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'store-webhook'; Assert-NoDocExportSecret $Run }
    }
    'Remove-IoTCentralExportDestination / Example 1: Remove a destination' = @{
        Setup  = { New-DocExportDestination }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralExportDestination).Id | Should -Not -Contain 'store-hub' }
    }
    'Get-IoTCentralExport / Example 1: Show the exports that have problems' = @{
        # The webhook's port is closed, so a delivery fails: a simulated phone's telemetry makes the export unhealthy.
        Setup  = {
            New-DocExportDestination -Export
            New-DocDevice -Id phone-01 -Template phone -Simulated | Out-Null
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ((Get-IoTCentralExport -Id store-telemetry).Status -ne 'error' -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 250 }
        }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'store-telemetry'; $Run.Output.Error | Should -Match 'store-webhook' }
    }
    'Get-IoTCentralExport / Example 2: Which exports use a destination' = @{
        Setup  = { New-DocExportDestination -Export }
        Assert = { Assert-NoDocError $Run; $Run.Output.Id | Should -Be 'store-telemetry'; $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.DataExport]) }
    }
    'New-IoTCentralExport / Example 1: Send low-battery telemetry to a webhook' = @{
        Setup  = { New-DocExportDestination }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Source | Should -Be 'telemetry'
            $Run.Output.Filter | Should -Match 'battery < 20'
            $Run.Output.Enrichments.Name | Should -Be 'store'
            $Run.Output.Destinations.Id | Should -Be 'store-webhook'
            $Run.Output.Status | Should -Be 'healthy'
        }
    }
    'New-IoTCentralExport / Example 2: Reshape each message for its destination' = @{
        Setup  = { New-DocExportDestination }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.Id | Should -Be 'store-temperatures'
            $Run.Output.Destinations.Id | Should -Be 'store-webhook'
            $Run.Output.Destinations.Transform | Should -Be '{ device: .device.id, temperature: .telemetry.temperature, at: .enqueuedTime }'
            # The same export with a transform that is not jq is refused before anything is stored.
            New-IoTCentralExport -Id broken -Source telemetry -Destination @{ Id = 'store-webhook'; Transform = '{ device: ' } -ErrorAction SilentlyContinue -ErrorVariable refused | Out-Null
            $refused | Should -HaveCount 1
            $refused[0].Exception.Message | Should -Match 'destinations\[0\]\.transform'
            Get-IoTCentralExport -Id broken -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
    }
    'Set-IoTCentralExport / Example 1: Stop an export for a while' = @{
        Setup  = { New-DocExportDestination -Export }
        Assert = { Assert-NoDocError $Run; $Run.Output.Enabled | Should -BeFalse; $Run.Output.Status | Should -Be 'disabled' }
    }
    'Remove-IoTCentralExport / Example 1: Remove every disabled export' = @{
        Setup  = { New-DocExportDestination -Export; New-IoTCentralExport -Id paused -Source properties -Destination store-hub -Enabled $false | Out-Null }
        Assert = { Assert-NoDocError $Run; (Get-IoTCentralExport).Id | Should -Be 'store-telemetry' }
    }
    # ---------------------------------------------------------------- Dashboards
    'Get-IoTCentralDashboard / Example 1: List the dashboards' = @{
        Setup  = { New-DocDashboard | Out-Null; New-DocDashboard -Id night -DisplayName 'Night shift' | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 2
            $Run.Output | ForEach-Object { $_ | Should -BeOfType ([IoTCentral.Models.Dashboard]) }
            ($Run.Output.Id | Sort-Object) | Should -Be @('night', 'operations')
            $Run.Output.TileCount | Should -Be @(1, 1)
        }
    }
    'Get-IoTCentralDashboard / Example 2: Save a dashboard as a JSON file' = @{
        Setup  = { New-DocDashboard | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $saved = Get-Content ./operations.json -Raw | ConvertFrom-Json
            $saved.displayName | Should -Be 'Operations'
            $saved.tiles[0].configuration.type | Should -Be 'markdown'
        }
    }
    'Get-IoTCentralDashboard / Example 3: Let the service filter and order the dashboards' = @{
        Setup  = {
            New-DocDashboard | Out-Null
            foreach ($name in 'Zone B', 'Alarms') {
                $tile = @{ displayName = 'Note'; x = 0; y = 0; width = 1; height = 1; configuration = @{ type = 'markdown'; description = $name } }
                New-IoTCentralDashboard -Id ($name -replace ' ').ToLower() -DisplayName $name -Definition @{ favorite = $true; tiles = @($tile) } | Out-Null
            }
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output.DisplayName | Should -Be @('Alarms', 'Zone B')
            $Run.Output.Favorite | Should -Be @($true, $true)
        }
    }
    'New-IoTCentralDashboard / Example 1: Create a dashboard from a JSON file' = @{
        Setup  = {
            New-DocDashboard | Out-Null
            (Get-IoTCentralDashboard -Id operations).Definition | ConvertTo-Json -Depth 20 | Set-Content ./operations.json
            Remove-IoTCentralDashboard -Id operations -Force
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.Dashboard])
            $Run.Output[0].DisplayName | Should -Be 'Operations'
            $Run.Output[0].Tiles[0].displayName | Should -Be 'Runbook'
        }
    }
    'New-IoTCentralDashboard / Example 2: Create a dashboard with a markdown tile' = @{
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].TileCount | Should -Be 1
            $Run.Output[0].Tiles[0].configuration.type | Should -Be 'markdown'
            $Run.Output[0].Tiles[0].id | Should -Not -BeNullOrEmpty
        }
    }
    'New-IoTCentralDashboard / Example 3: Copy a dashboard under another id' = @{
        Setup  = { New-DocDashboard | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output[0].Id | Should -Be 'operationsNight'
            $Run.Output[0].DisplayName | Should -Be 'Operations (night shift)'
            $Run.Output[0].Tiles[0].displayName | Should -Be 'Runbook'
            @(Get-IoTCentralDashboard) | Should -HaveCount 2
        }
    }
    'Set-IoTCentralDashboard / Example 1: Rename a dashboard and mark it a favorite' = @{
        Setup  = { New-DocDashboard | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $dashboard = Get-IoTCentralDashboard -Id operations
            $dashboard.DisplayName | Should -Be 'Plant operations'
            $dashboard.Favorite | Should -BeTrue
            $dashboard.TileCount | Should -Be 1
        }
    }
    'Set-IoTCentralDashboard / Example 2: Widen a tile of the dashboard you read' = @{
        Setup  = { New-DocDashboard | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].Tiles[0].width | Should -Be 4
            $Run.Output[0].Tiles[0].id | Should -Be $dashboard.Tiles[0].id
        }
    }
    'Remove-IoTCentralDashboard / Example 1: Remove a dashboard without asking' = @{
        Setup  = { New-DocDashboard | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; Get-IoTCentralDashboard | Should -BeNullOrEmpty }
    }
    'Remove-IoTCentralDashboard / Example 2: Preview removing every dashboard of an organization' = @{
        Setup  = {
            New-IoTCentralOrganization -Id plant-berlin | Out-Null
            New-DocDashboard -Id berlin -DisplayName 'Berlin' -Organization plant-berlin | Out-Null
            New-DocDashboard | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -Be 'Performing the operation "Remove" on target "dashboard ''berlin''".'
            @(Get-IoTCentralDashboard) | Should -HaveCount 2
        }
    }

    # ---------------------------------------------------------------- Deployment manifests
    'Get-IoTCentralDeploymentManifest / Example 1: List the deployment manifests' = @{
        Setup  = { New-DocManifest | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.DeploymentManifest])
            $Run.Output[0].Id | Should -Be 'sensor'
            ($Run.Output | Format-Table | Out-String) | Should -Match 'SimulatedTemperatureSensor'
        }
    }
    'Get-IoTCentralDeploymentManifest / Example 2: Show the modules a manifest deploys' = @{
        Setup  = { New-DocManifest | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -Be 'SimulatedTemperatureSensor' }
    }
    'Get-IoTCentralDeploymentManifest / Example 3: Let the service filter the manifests' = @{
        Setup  = {
            New-DocManifest | Out-Null
            foreach ($id in 1..12) { New-IoTCentralDeploymentManifest -Id "gateway$id" -DisplayName 'Gateway modules' -Definition (New-DocDeployment) | Out-Null }
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 12
            $Run.Output.DisplayName | Sort-Object -Unique | Should -Be 'Gateway modules'
        }
    }
    'New-IoTCentralDeploymentManifest / Example 1: Create a manifest from a deployment.json file' = @{
        Setup  = { New-DocDeployment | ConvertTo-Json -Depth 20 | Set-Content ./deployment.json }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].DisplayName | Should -Be 'Temperature sensor'
            $Run.Output[0].Data.modulesContent.'$edgeHub'.'properties.desired'.schemaVersion | Should -Be '1.1'
        }
    }
    'New-IoTCentralDeploymentManifest / Example 2: Create a manifest for one organization' = @{
        Setup  = { New-IoTCentralOrganization -Id plant-berlin | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output[0].Organizations | Should -Be 'plant-berlin'
            $Run.Output[0].Data.modulesContent.'$edgeAgent'.'properties.desired'.modules.SimulatedTemperatureSensor.type | Should -Be 'docker'
        }
    }
    'Set-IoTCentralDeploymentManifest / Example 1: Rename a manifest' = @{
        Setup  = { New-DocManifest | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            (Get-IoTCentralDeploymentManifest -Id sensor).DisplayName | Should -Be 'Temperature sensor v2'
        }
    }
    'Set-IoTCentralDeploymentManifest / Example 2: Change the image of a module in the manifest you read' = @{
        Setup  = { New-DocManifest | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0].Data.modulesContent.'$edgeAgent'.'properties.desired'.modules.SimulatedTemperatureSensor.settings.image | Should -BeLike '*:1.5'
        }
    }
    'Remove-IoTCentralDeploymentManifest / Example 1: Remove a manifest without asking' = @{
        Setup  = { New-DocManifest | Out-Null }
        Assert = { Assert-NoDocError $Run; $Run.Output | Should -BeNullOrEmpty; Get-IoTCentralDeploymentManifest | Should -BeNullOrEmpty }
    }
    'Publish-IoTCentralDeploymentManifest / Example 1: Apply a manifest to an edge device' = @{
        Setup  = { New-DocManifest | Out-Null; New-DocDevice -Id edge-gateway-01 -Template edge | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -BeNullOrEmpty
            $device = Invoke-IoTCentralRestMethod -Method GET -Path /devices/edge-gateway-01 -ApiVersion 2022-10-31-preview
            $device.deploymentManifest.id | Should -Be 'sensor'
        }
    }
    'Publish-IoTCentralDeploymentManifest / Example 2: Apply a manifest to every device of an edge template' = @{
        Setup  = {
            New-DocManifest | Out-Null
            'edge-gateway-01', 'edge-gateway-02' | ForEach-Object { New-DocDevice -Id $_ -Template edge | Out-Null }
            New-DocDevice -Id thermostat-01 -Template thermostat | Out-Null
        }
        Assert = {
            Assert-NoDocError $Run
            $Run.WhatIf | Should -Be @(
                'Performing the operation "Apply deployment manifest ''sensor''" on target "device ''edge-gateway-01''".'
                'Performing the operation "Apply deployment manifest ''sensor''" on target "device ''edge-gateway-02''".')
            (Invoke-IoTCentralRestMethod -Method GET -Path /devices/edge-gateway-01 -ApiVersion 2022-10-31-preview).deploymentManifest | Should -BeNullOrEmpty
        }
    }
    'Publish-IoTCentralDeploymentManifest / Example 3: Apply a manifest you read' = @{
        Setup  = { New-DocManifest | Out-Null; New-DocDevice -Id edge-gateway-01 -Template edge | Out-Null }
        Assert = {
            Assert-NoDocError $Run
            $Run.Output | Should -HaveCount 1
            $Run.Output[0] | Should -BeOfType ([IoTCentral.Models.DeploymentManifest])
            $Run.Output[0].Id | Should -Be 'sensor'
        }
    }
}
