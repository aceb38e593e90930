#Requires -Modules Pester
# The second half of the IoT Central REST tutorial against the emulator, as the xunit QueryAndControl*Tests run it:
# publish the phone template, make a simulated device, query its accelerometer, read device_info, run lightOn.
# Run: dotnet build IoTCentral.sln -c Release; Invoke-Pester ./tests/Pester

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1') -Force
    $script:emulator = Start-TestEmulator
    $script:url = $emulator.ApplicationUrl
    $script:admin = Connect-IoTCentral -ApplicationUrl $url -ApiToken $emulator.AdminApiToken
    $script:templatePath = Join-Path $PSScriptRoot '../../docs/examples/templates/phone-as-a-device.json'
    $script:template = New-IoTCentralDeviceTemplate -Path $templatePath -Session $admin
    $script:deviceId = 'pester-phone-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    New-IoTCentralDevice -Id $deviceId -Template $template.Id -Simulated -Session $admin | Out-Null
}

AfterAll {
    Disconnect-IoTCentral -ErrorAction SilentlyContinue
    if ($script:emulator) { Stop-TestEmulator $script:emulator }
}

Describe 'Query and control tutorial' {
    It 'publishes the phone template with its components' {
        $template.Id | Should -Be 'dtmi:contoso:phoneAsADevice;1'
        $template | Should -BeOfType ([IoTCentral.Models.DeviceTemplate])
        Get-IoTCentralDeviceComponent -DeviceId $deviceId -Session $admin | ForEach-Object Name | Should -Be @('device_info', 'sensors')
    }

    It 'queries the accelerometer readings of the last day' {
        $query = "SELECT TOP 20 `$id, `$ts, sensors.accelerometer FROM $($template.Id) WHERE WITHIN_WINDOW(P1D) AND `$id = '$deviceId'"
        $rows = @(Invoke-IoTCentralQuery $query -Session $admin)
        $rows.Count | Should -Be 20
        $rows[0].PSObject.TypeNames[0] | Should -Be 'IoTCentral.QueryRow'
        $rows | ForEach-Object {
            $_.'$id' | Should -Be $deviceId
            $_.'$ts' | Should -BeOfType ([datetimeoffset])
            $_.'sensors.accelerometer'.x | Should -BeOfType ([ValueType])
        }
    }

    It 'warns when a result reaches the 10,000-row cap' {
        $query = "SELECT `$id, `$ts, sensors.accelerometer FROM $($template.Id) WHERE WITHIN_WINDOW(P1D) AND `$id = '$deviceId'"
        $rows = @(Invoke-IoTCentralQuery $query -Session $admin -WarningVariable capped -WarningAction SilentlyContinue)
        $rows.Count | Should -Be 10000
        $capped | Should -HaveCount 1
    }

    It 'reads the device_info properties as object properties' {
        $info = Get-IoTCentralDeviceProperty -DeviceId $deviceId -Component device_info -Session $admin
        $info.manufacturer | Should -Not -BeNullOrEmpty
        $info.'$metadata' | Where-Object Name -eq manufacturer | Should -Not -BeNullOrEmpty
    }

    It 'runs lightOn with the tutorial request and gets response code 200' {
        $result = Invoke-IoTCentralCommand -DeviceId $deviceId -Name lightOn -Request @{ duration = 3; delay = 1; pulses = 2 } -Session $admin
        $result | Should -BeOfType ([IoTCentral.Models.DeviceCommandResult])
        $result.ResponseCode | Should -Be 200
        $result.Response | Should -Not -BeNullOrEmpty
        Get-IoTCentralCommandHistory -DeviceId $deviceId -Name lightOn -Session $admin | Should -Not -BeNullOrEmpty
    }

    It 'shows the desired value and acknowledgement of a property write' {
        # -PassThru writes one state per property of the answer, device_info's reported values included.
        $states = Set-IoTCentralDeviceProperty -DeviceId $deviceId -Value @{ telemetryInterval = 10 } -PassThru -Session $admin
        $state = $states | Where-Object { $_.Name -eq 'telemetryInterval' -and -not $_.Component }
        $state | Should -HaveCount 1
        $state.DesiredValue | Should -Be 10
        $state.Acknowledged | Should -BeTrue
        ($states | Where-Object Component -eq 'device_info').Name | Should -Contain 'manufacturer'
    }

    It 'pipes devices into telemetry by their id' {
        $values = Get-IoTCentralDevice -Session $admin | Where-Object Id -eq $deviceId |
            Get-IoTCentralDeviceTelemetry -Component sensors -Name accelerometer -Session $admin
        $values.DeviceId | Should -Be $deviceId
        $values.Timestamp | Should -Not -BeNullOrEmpty
    }

    It 'checks the query limits and template files before sending anything' {
        { Invoke-IoTCentralQuery "SELECT * FROM $($template.Id)" -Session $admin -ErrorAction Stop } |
            Should -Throw -ErrorId 'IoTCentral.InvalidQuery,IoTCentral.Commands.Query.InvokeIoTCentralQueryCommand'
        { Invoke-IoTCentralCommand -DeviceId $deviceId -Name lightOn -ResponseTimeout 31 -Session $admin } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,IoTCentral.Commands.Command.InvokeIoTCentralCommandCommand'
        $bad = Join-Path ([System.IO.Path]::GetTempPath()) ('template-' + [guid]::NewGuid().ToString('N') + '.json')
        Set-Content -Path $bad -Value '{"@type": ["ModelDefinition", "DeviceModel"], "capabilityModel": {}}'
        { New-IoTCentralDeviceTemplate -Path $bad -Session $admin -ErrorAction Stop } |
            Should -Throw -ErrorId 'IoTCentral.InvalidDeviceTemplate,IoTCentral.Commands.DeviceTemplate.NewIoTCentralDeviceTemplateCommand'
        Remove-Item $bad
    }

    It 'reports an unknown device as ObjectNotFound with the id as target' {
        Get-IoTCentralDeviceTelemetry -DeviceId 'no-such-device' -Name battery -Session $admin -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].FullyQualifiedErrorId | Should -Be 'IoTCentral.DeviceNotFound,IoTCentral.Commands.DeviceTelemetry.GetIoTCentralDeviceTelemetryCommand'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject | Should -Be 'no-such-device'
    }

    It 'sends nothing under -WhatIf' {
        Invoke-IoTCentralCommand -DeviceId $deviceId -Name lightOn -WhatIf -Session $admin
        Set-IoTCentralDeviceTemplate -Id $template.Id -DisplayName 'Changed' -WhatIf -Session $admin
        (Get-IoTCentralDeviceTemplate -Id $template.Id -Session $admin).DisplayName | Should -Be 'Phone as a device'
    }

    It 'lists no modules for a device that is not an IoT Edge device' {
        @(Get-IoTCentralDeviceModule -DeviceId $deviceId -Session $admin).Count | Should -Be 0
    }

    It 'removes an unused template, and refuses to remove one that devices use' {
        $copy = Get-Content $templatePath -Raw | ConvertFrom-Json -AsHashtable
        $copy['@id'] = 'dtmi:contoso:pesterRemovable;1'
        $removable = New-IoTCentralDeviceTemplate -InputObject $copy -Session $admin
        Remove-IoTCentralDeviceTemplate -Id $removable.Id -WhatIf -Session $admin
        (Get-IoTCentralDeviceTemplate -Id $removable.Id -Session $admin).Id | Should -Be $removable.Id
        Remove-IoTCentralDeviceTemplate -Id $removable.Id -Force -Session $admin
        { Get-IoTCentralDeviceTemplate -Id $removable.Id -Session $admin -ErrorAction Stop } | Should -Throw -ErrorId 'IoTCentral.DeviceTemplateNotFound*'

        Remove-IoTCentralDeviceTemplate -Id $template.Id -Force -Session $admin -ErrorVariable inUse -ErrorAction SilentlyContinue
        $inUse[0].FullyQualifiedErrorId | Should -BeLike 'IoTCentral.DeviceTemplateInUse,*'
        $inUse[0].CategoryInfo.Category | Should -Be 'ResourceBusy'
    }

    It 'runs the query-and-control example script' {
        $summary = & (Join-Path $PSScriptRoot '../../docs/examples/tutorial-query-and-control.ps1') -ApplicationUrl $url -ApiToken $emulator.AdminApiToken -Cleanup
        $summary.Readings | Should -BeGreaterThan 0
        $summary.Manufacturer | Should -Not -BeNullOrEmpty
        $summary.LightOnResponseCode | Should -Be 200
        $summary.CleanedUp | Should -BeTrue
    }
}
