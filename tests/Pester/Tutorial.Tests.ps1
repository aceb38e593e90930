#Requires -Modules Pester
# The first half of the IoT Central REST tutorial against the emulator, as the xunit TutorialTests run it.
# Run: dotnet build IoTCentral.sln -c Release; Invoke-Pester ./tests/Pester

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:url = $emulator.ApplicationUrl
    $script:admin = Connect-IoTCentral -ApplicationUrl $url -ApiToken $emulator.AdminApiToken
}

AfterAll {
    Disconnect-IoTCentral -ErrorAction SilentlyContinue
    if ($script:emulator) { Stop-TestEmulator $script:emulator }
}

Describe 'Tokens and devices tutorial' {
    It 'lists the built-in roles with their real ids' {
        $roles = Get-IoTCentralRole -Session $admin
        ($roles | Where-Object DisplayName -eq 'Administrator').Id | Should -Be 'ca310b8d-2f4a-44e0-a36e-957c202cd8d4'
        ($roles | Where-Object DisplayName -eq 'Builder').Id | Should -Be '344138e9-8de4-4497-8c54-5237e96d6aaf'
        ($roles | Where-Object DisplayName -eq 'Operator').Id | Should -Be 'ae2c9854-393b-4f97-8c42-479d70ce626e'
    }

    It 'creates an operator token from a piped role, registers a device with it and reads the credentials' {
        $suffix = [guid]::NewGuid().ToString('N').Substring(0, 8)
        $token = Get-IoTCentralRole -Name Operator -Session $admin | New-IoTCentralApiToken -Id "ops-$suffix" -Session $admin
        $token.Token | Should -BeOfType [securestring]

        $operator = Connect-IoTCentral -ApplicationUrl $url -ApiToken $token.Token
        $device = New-IoTCentralDevice -Id "thermostat-$suffix" -DisplayName Thermostat -Session $operator
        $device.Provisioned | Should -BeFalse

        $credential = Get-IoTCentralDeviceCredential -DeviceId $device.Id -Session $operator
        $credential.IdScope | Should -Not -BeNullOrEmpty
        $credential.PrimaryKey | Should -BeOfType [securestring]

        { New-IoTCentralApiToken -Id "no-$suffix" -Role Operator -Session $operator -ErrorAction Stop } |
            Should -Throw -ErrorId 'IoTCentral.ApiTokenAccessDenied,IoTCentral.Commands.ApiToken.NewIoTCentralApiTokenCommand'
    }

    It 'lists API tokens without their values and revokes one' {
        $id = 'revoke-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $token = New-IoTCentralApiToken -Id $id -Role Operator -Session $admin
        $listed = Get-IoTCentralApiToken -Session $admin | Where-Object Id -eq $id
        $listed.Token | Should -BeNullOrEmpty
        (Get-IoTCentralApiToken -Id $id -Session $admin).Roles[0].Role | Should -Be 'ae2c9854-393b-4f97-8c42-479d70ce626e'

        Remove-IoTCentralApiToken -Id $id -WhatIf -Session $admin
        Get-IoTCentralApiToken -Id $id -Session $admin | Should -Not -BeNullOrEmpty
        Remove-IoTCentralApiToken -Id $id -Force -Session $admin
        { Connect-IoTCentral -ApplicationUrl $url -ApiToken $token.Token -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.ApplicationUnauthorized*'
        $revoked = Connect-IoTCentral -ApplicationUrl $url -ApiToken $token.Token -SkipValidation
        { Get-IoTCentralDevice -Session $revoked -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.DeviceUnauthorized*'
    }

    It 'reports a missing device as ObjectNotFound with the id as target' {
        Get-IoTCentralDevice -Id 'no-such-device' -Session $admin -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'IoTCentral.DeviceNotFound,IoTCentral.Commands.Device.GetIoTCentralDeviceCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject | Should -Be 'no-such-device'
    }

    It 'removes nothing under -WhatIf' {
        $id = 'whatif-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        New-IoTCentralDevice -Id $id -Session $admin | Out-Null
        Get-IoTCentralDevice -Session $admin | Where-Object { -not $_.Provisioned -and $_.Id -eq $id } | Remove-IoTCentralDevice -WhatIf -Session $admin
        (Get-IoTCentralDevice -Id $id -Session $admin).Id | Should -Be $id
    }

    It 'keeps every token and key out of verbose and debug output' {
        $id = 'secret-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $plain = New-IoTCentralApiToken -Id $id -Role Operator -AsPlainText -Session $admin
        $all = & {
            Connect-IoTCentral -ApplicationUrl $url -ApiToken (ConvertTo-SecureString $plain.Token -AsPlainText -Force) -Verbose -Debug
            New-IoTCentralDevice -Id $id -Verbose -Debug
            Get-IoTCentralDeviceCredential -DeviceId $id -Verbose -Debug
        } 4>&1 5>&1 3>&1 2>&1 | Out-String
        $all | Should -Not -Match ([regex]::Escape($plain.Token))
        $key = (Get-IoTCentralDeviceCredential -DeviceId $id -AsPlainText -Session $admin).PrimaryKey
        $all | Should -Not -Match ([regex]::Escape($key))
    }

    It 'reaches any operation through Invoke-IoTCentralRestMethod, and -WhatIf sends nothing' {
        (Invoke-IoTCentralRestMethod GET '/roles/ae2c9854-393b-4f97-8c42-479d70ce626e' -Session $admin).displayName | Should -Be 'Operator'
        $id = 'rest-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        Invoke-IoTCentralRestMethod PUT "/devices/$id" -Body @{ displayName = 'never' } -WhatIf -Session $admin
        { Get-IoTCentralDevice -Id $id -Session $admin -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.DeviceNotFound*'
        (Invoke-IoTCentralRestMethod PUT "/devices/$id" -Body @{ displayName = 'From REST' } -Session $admin).displayName | Should -Be 'From REST'
    }

    It 'names method and path but never the body in the -WhatIf text of every changing method' {
        $secret = 'HostName=x;SharedAccessKey=' + [guid]::NewGuid().ToString('N')
        $transcript = Join-Path ([IO.Path]::GetTempPath()) ("whatif-" + [guid]::NewGuid().ToString('N') + '.txt')
        Start-Transcript -Path $transcript -UseMinimalHeader | Out-Null
        try {
            foreach ($method in 'PUT', 'PATCH', 'POST', 'DELETE') {
                Invoke-IoTCentralRestMethod $method '/dataExport/destinations/dest-whatif' -Body @{ connectionString = $secret } -WhatIf -Session $admin
            }
        }
        finally {
            Stop-Transcript | Out-Null
        }
        $text = Get-Content -Raw $transcript
        Remove-Item $transcript
        foreach ($method in 'PUT', 'PATCH', 'POST', 'DELETE') {
            $text | Should -Match ('What if: .*"' + $method + '" on target "/dataExport/destinations/dest-whatif"')
        }
        $text | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'keeps the default session per runspace and forgets it on disconnect' {
        $session = Connect-IoTCentral -ApplicationUrl $url -ApiToken $emulator.AdminApiToken
        (Get-IoTCentralSession).SessionId | Should -Be $session.SessionId
        Disconnect-IoTCentral
        Get-IoTCentralSession | Should -BeNullOrEmpty
        { Get-IoTCentralRole -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.NotConnected*'
        { Get-IoTCentralRole -Session $session -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.NotConnected*'
    }

    It 'runs the tutorial example script' {
        $summary = & (Join-Path $PSScriptRoot '../../docs/examples/tutorial-tokens-and-devices.ps1') -ApplicationUrl $url -ApiToken $emulator.AdminApiToken -Cleanup
        $summary.Roles | Should -Contain 'Operator'
        $summary.IdScope | Should -Not -BeNullOrEmpty
        $summary.CleanedUp | Should -BeTrue
    }
}
