#Requires -Modules Pester
# The application itself, against the emulator's management endpoint: the whole REST tutorial from creating the
# application to deleting it, the -Identity pipeline, long-running operations without waiting, isolation between
# applications, and the failure paths. Run: dotnet build IoTCentral.sln -c Release; Invoke-Pester ./tests/Pester

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1') -Force

    $script:tenant = '6a1f0c55-0000-4000-8000-0000000000b2'
    # A managed identity allowed to manage applications, and a service principal that is not. The identity is
    # user-assigned, named by client id: Azure.Identity caches managed-identity tokens per process and identity, and
    # a system-assigned one would hand this emulator's tokens to later test files.
    $script:mi = @{ clientId = [guid]::NewGuid().Guid; objectId = [guid]::NewGuid().Guid }
    $script:sp = @{ clientId = [guid]::NewGuid().Guid; objectId = [guid]::NewGuid().Guid; secret = 'pester-' + [guid]::NewGuid().ToString('N') }
    $identities = Join-Path ([System.IO.Path]::GetTempPath()) ('iotc-identities-' + [guid]::NewGuid().ToString('N') + '.json')
    @{
        servicePrincipals = @(@{ tenantId = $tenant; clientId = $sp.clientId; objectId = $sp.objectId; clientSecret = $sp.secret })
        managedIdentities = @(@{ clientId = $mi.clientId; objectId = $mi.objectId; systemAssigned = $false; tenantId = $tenant })
        managementAccess  = @($mi.objectId)
    } | ConvertTo-Json -Depth 5 | Set-Content $identities

    $script:emulator = Start-TestEmulator -IdentitiesFile $identities
    $script:management = Connect-IoTCentral -Management -Emulator -ManagementUrl $emulator.ManagementUrl
    $script:template = Join-Path $PSScriptRoot '../../docs/examples/templates/phone-as-a-device.json'
    function script:NewName { 'pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8) }
}

AfterAll {
    Disconnect-IoTCentral -ErrorAction SilentlyContinue
    if ($script:emulator) { Stop-TestEmulator $script:emulator }
}

Describe 'The REST tutorial from creating the application to deleting it' {
    It 'creates the application, uses it as the tutorial does, and deletes it' {
        $management.AuthKind | Should -Be 'ServicePrincipal'
        $management.SubscriptionId | Should -Be $emulator.SubscriptionId
        $name = NewName

        # Create: the name and subdomain are free, the template is offered, and the application comes back ready.
        (Test-IoTCentralApplicationName -Name $name -Subdomain $name).Available | Should -Be @($true, $true)
        (Get-IoTCentralApplicationTemplate -Name iotc-pnp-preview).TemplateId | Should -Be 'iotc-pnp-preview@1.0.0'
        $app = New-IoTCentralApplication -Name $name -ResourceGroup tutorial -Location westeurope -Subdomain $name -Sku ST1 -Template iotc-pnp-preview -DisplayName 'REST tutorial' -Tag @{ purpose = 'pester' }
        $app | Should -BeOfType [IoTCentral.Models.IoTCentralApplication]
        $app.Sku | Should -Be 'ST1'
        $app.State | Should -Be 'created'
        $app.Tags['purpose'] | Should -Be 'pester'
        $app.ApplicationUrl.Scheme | Should -Be 'https'
        $app.ApplicationUrl.IsLoopback | Should -BeTrue
        (Get-IoTCentralApplication -Name $name -ResourceGroup tutorial).ApplicationId | Should -Be $app.ApplicationId

        # Connect as the creator, who administers the new application.
        $creator = $app | Connect-IoTCentral
        $creator.ApplicationUrl | Should -Be $app.ApplicationUrl
        (Get-IoTCentralUser -Session $creator).ObjectId | Should -Be '4a2481f7-0000-4000-8000-0000000000bd'

        # Administrator and operator API tokens, each a session of its own.
        $adminToken = New-IoTCentralApiToken -Id tutorial-admin -Role Administrator -Expiry ([datetime]::UtcNow.AddDays(30)) -Session $creator
        $operatorToken = New-IoTCentralApiToken -Id tutorial-operator -Role Operator -Expiry ([datetime]::UtcNow.AddDays(30)) -Session $creator
        $trust = @{ ApplicationUrl = $app.ApplicationUrl; TrustedServerCertificate = $management.TrustedServerCertificate }
        $admin = Connect-IoTCentral @trust -ApiToken $adminToken.Token
        $operator = Connect-IoTCentral @trust -ApiToken $operatorToken.Token

        # The phone: template published by the administrator, device registered by the operator, its credentials.
        $published = New-IoTCentralDeviceTemplate -Path $template -Session $admin
        $published.Id | Should -Be 'dtmi:contoso:phoneAsADevice;1'
        $device = New-IoTCentralDevice -Id phone -DisplayName 'Tutorial phone' -Template $published.Id -Simulated -Session $operator
        $device.Template | Should -Be $published.Id
        $credential = Get-IoTCentralDeviceCredential -DeviceId phone -Session $operator
        $credential.IdScope | Should -Match '^0ne[0-9A-F]{8}$'
        $credential.PrimaryKey | Should -BeOfType [securestring]
        { New-IoTCentralDeviceTemplate -Path $template -Session $operator -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.DeviceTemplateAccessDenied*'

        # Telemetry, properties and the lightOn command.
        $query = "SELECT TOP 5 `$id, `$ts, sensors.accelerometer FROM $($published.Id) WHERE WITHIN_WINDOW(P1D) AND `$id = 'phone' ORDER BY `$ts DESC"
        $readings = @(Invoke-IoTCentralQuery $query -Session $operator)
        $readings.Count | Should -Be 5
        $readings[0].'sensors.accelerometer'.x | Should -BeOfType [double]
        (Get-IoTCentralDeviceProperty -DeviceId phone -Component device_info -Session $operator).manufacturer | Should -Not -BeNullOrEmpty
        $lightOn = Invoke-IoTCentralCommand -DeviceId phone -Name lightOn -Request @{ duration = 3; delay = 1; pulses = 2 } -Session $operator
        $lightOn.ResponseCode | Should -Be 200

        # Delete: the application and everything in it are gone, its tokens with it.
        Remove-IoTCentralApplication -Name $name -ResourceGroup tutorial -Force
        Get-IoTCentralApplication -Name $name -ResourceGroup tutorial -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -Be 'IoTCentral.ApplicationNotFound,IoTCentral.Commands.Application.GetIoTCentralApplicationCommand'
        { Get-IoTCentralDevice -Session $admin -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.DeviceUnreachable*'
        (Test-IoTCentralApplicationName -Name $name).Available | Should -BeTrue
    }

    It 'runs docs/examples/tutorial-application-lifecycle.ps1 start to finish' {
        $summary = & (Join-Path $PSScriptRoot '../../docs/examples/tutorial-application-lifecycle.ps1') -ManagementUrl $emulator.ManagementUrl -WarningAction SilentlyContinue
        $summary.Sku | Should -Be 'ST2'
        $summary.TemplateId | Should -Be 'dtmi:contoso:phoneAsADevice;1'
        $summary.IdScope | Should -Not -BeNullOrEmpty
        $summary.Readings | Should -BeGreaterThan 0
        $summary.LightOnResponseCode | Should -Be 200
        $summary.Deleted | Should -BeTrue
        Get-IoTCentralApplication -Name $summary.Application -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'Application lifecycle details' {
    It 'signs in with a managed identity, which then administers the application it created' {
        $saved = $env:IDENTITY_ENDPOINT, $env:IDENTITY_HEADER
        try {
            $env:IDENTITY_ENDPOINT = $emulator.ManagedIdentityEndpoint
            $env:IDENTITY_HEADER = $emulator.ManagedIdentityHeader
            $identity = Connect-IoTCentral -Management -Identity -ClientId $mi.clientId -ManagementUrl $emulator.ManagementUrl -SubscriptionId $emulator.SubscriptionId -TrustedServerCertificate $management.TrustedServerCertificate
            $identity.AuthKind | Should -Be 'ManagedIdentity'
            $name = NewName
            $session = New-IoTCentralApplication -Name $name -ResourceGroup identity -Location eastus -IdentityType SystemAssigned -Session $identity |
                Connect-IoTCentral -Identity -ClientId $mi.clientId -TrustedServerCertificate $management.TrustedServerCertificate
            $session.AuthKind | Should -Be 'ManagedIdentity'
            (Get-IoTCentralUser -Session $session).ObjectId | Should -Be $mi.objectId
            (Get-IoTCentralApplication -Name $name -Session $identity).IdentityType | Should -Be 'SystemAssigned'
            Remove-IoTCentralApplication -Name $name -ResourceGroup identity -Force -Session $identity
        }
        finally {
            $env:IDENTITY_ENDPOINT, $env:IDENTITY_HEADER = $saved
        }
    }

    It 'returns an operation with -NoWait, and waits for it later' {
        $name = NewName
        $operation = New-IoTCentralApplication -Name $name -ResourceGroup nowait -Location westus -NoWait
        $operation | Should -BeOfType [IoTCentral.Models.IoTCentralApplicationOperation]
        $operation.Action | Should -Be 'Create'
        $operation.Status | Should -Be 'InProgress'
        $operation.StatusUrl.AbsolutePath | Should -Match '/operationStatuses/'
        $app = $operation | Wait-IoTCentralApplicationOperation
        $app.Name | Should -Be $name
        $operation.Status | Should -Be 'Succeeded'

        $app | Set-IoTCentralApplication -DisplayName Renamed -Sku ST0 -Tag @{ stage = 'two' }
        $changed = $app | Set-IoTCentralApplication -Subdomain "$name-b" -PassThru
        $changed.DisplayName | Should -Be Renamed
        $changed.Sku | Should -Be ST0
        $changed.Subdomain | Should -Be "$name-b"
        $changed.Tags['stage'] | Should -Be 'two'

        $removal = $changed | Remove-IoTCentralApplication -Force -NoWait
        $removal.Action | Should -Be 'Delete'
        $removal | Wait-IoTCentralApplicationOperation | Should -BeNullOrEmpty
        Get-IoTCentralApplication -Name $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'keeps applications apart: a token of one is refused by another' {
        $one = New-IoTCentralApplication -Name (NewName) -ResourceGroup isolation -Location westeurope
        $two = New-IoTCentralApplication -Name (NewName) -ResourceGroup isolation -Location westeurope
        $one.ApplicationUrl | Should -Not -Be $two.ApplicationUrl
        $token = New-IoTCentralApiToken -Id only-one -Role Administrator -Session ($one | Connect-IoTCentral)
        New-IoTCentralDevice -Id in-one -Session ($one | Connect-IoTCentral) | Out-Null
        @(Get-IoTCentralDevice -Session ($two | Connect-IoTCentral)).Count | Should -Be 0
        { Connect-IoTCentral -ApplicationUrl $two.ApplicationUrl -ApiToken $token.Token -TrustedServerCertificate $management.TrustedServerCertificate -ErrorAction Stop } |
            Should -Throw -ErrorId 'IoTCentral.ApplicationUnauthorized*'
        @(Get-IoTCentralApplication -ResourceGroup isolation).Count | Should -Be 2
        Get-IoTCentralApplication -ResourceGroup isolation | Remove-IoTCentralApplication -Force
        Get-IoTCentralApplication -ResourceGroup isolation -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'shows -WhatIf without creating or deleting anything' {
        $name = NewName
        New-IoTCentralApplication -Name $name -ResourceGroup whatif -Location westus -WhatIf
        (Test-IoTCentralApplicationName -Name $name).Available | Should -BeTrue
    }
}

Describe 'Application failure paths' {
    BeforeAll {
        $script:taken = New-IoTCentralApplication -Name (NewName) -ResourceGroup failures -Location westeurope
    }

    AfterAll {
        $taken | Remove-IoTCentralApplication -Force
    }

    It 'refuses a name that is taken, with Azure Resource Manager''s code and target' {
        (Test-IoTCentralApplicationName -Name $taken.Name).Reason | Should -Be 'AlreadyExists'
        New-IoTCentralApplication -Name $taken.Name -ResourceGroup elsewhere -Location westeurope -Subdomain (NewName) -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'IoTCentral.NameNotAvailable,IoTCentral.Commands.Application.NewIoTCentralApplicationCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failure[0].Exception.Target | Should -Be 'name'
        $failure[0].ErrorDetails.Message | Should -Match 'status 409, code NameNotAvailable'
    }

    It 'refuses to create an application that already exists in the resource group' {
        New-IoTCentralApplication -Name $taken.Name -ResourceGroup failures -Location westeurope -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'IoTCentral.ApplicationAlreadyExists,IoTCentral.Commands.Application.NewIoTCentralApplicationCommand'
    }

    It 'refuses a subdomain that is taken' {
        (Test-IoTCentralApplicationName -Subdomain $taken.Subdomain).Available | Should -BeFalse
        New-IoTCentralApplication -Name (NewName) -ResourceGroup failures -Location westeurope -Subdomain $taken.Subdomain -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'IoTCentral.SubdomainNotAvailable,IoTCentral.Commands.Application.NewIoTCentralApplicationCommand'
        $failure[0].Exception.Target | Should -Be 'properties.subdomain'
    }

    It 'refuses a bad SKU before sending anything' {
        { New-IoTCentralApplication -Name (NewName) -ResourceGroup failures -Location westeurope -Sku ST9 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IoTCentral.Commands.Application.NewIoTCentralApplicationCommand'
    }

    It 'refuses a region where IoT Central is not offered' {
        New-IoTCentralApplication -Name (NewName) -ResourceGroup failures -Location antarctica -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'IoTCentral.LocationNotAvailableForResourceType,IoTCentral.Commands.Application.NewIoTCentralApplicationCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].Exception.Target | Should -Be 'location'
    }

    It 'stops a caller without rights on the subscription' {
        $credential = [pscredential]::new($sp.clientId, (ConvertTo-SecureString $sp.secret -AsPlainText -Force))
        $outsider = Connect-IoTCentral -Management -ServicePrincipal -TenantId $tenant -Credential $credential -AuthorityHost $emulator.AuthorityHost -ManagementUrl $emulator.ManagementUrl -SubscriptionId $emulator.SubscriptionId -TrustedServerCertificate $management.TrustedServerCertificate
        { New-IoTCentralApplication -Name (NewName) -ResourceGroup failures -Location westeurope -Session $outsider } |
            Should -Throw -ErrorId 'IoTCentral.AuthorizationFailed,IoTCentral.Commands.Application.NewIoTCentralApplicationCommand'
        { Get-IoTCentralApplication -Session $outsider } | Should -Throw -ErrorId 'IoTCentral.AuthorizationFailed*'
        Connect-IoTCentral -Management -Emulator -ManagementUrl $emulator.ManagementUrl | Out-Null
    }

    It 'reports deleting an application that does not exist' {
        Remove-IoTCentralApplication -Name no-such-application -ResourceGroup failures -Force -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'IoTCentral.ApplicationNotFound,IoTCentral.Commands.Application.RemoveIoTCentralApplicationCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'says that an API token cannot manage applications' {
        { Connect-IoTCentral -Management -ApiToken $emulator.AdminApiToken } |
            Should -Throw -ErrorId 'IoTCentral.ApiTokenCannotManage,IoTCentral.Commands.Session.ConnectIoTCentralCommand'
    }
}
