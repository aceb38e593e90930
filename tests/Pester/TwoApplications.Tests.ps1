#Requires -Modules Pester
# Two applications at once: what is read from one and piped on acts there, never on the default session.
# Run: dotnet build IoTCentral.sln -c Release; Invoke-Pester ./tests/Pester

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/IoTCentral/IoTCentral.psd1') -Force
    $script:emulatorA = Start-TestEmulator
    $script:emulatorB = Start-TestEmulator
    $script:b = Connect-IoTCentral -ApplicationUrl $emulatorB.ApplicationUrl -ApiToken $emulatorB.AdminApiToken
    $script:a = Connect-IoTCentral -ApplicationUrl $emulatorA.ApplicationUrl -ApiToken $emulatorA.AdminApiToken
    function script:New-DeviceInBoth {
        $id = 'dev-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        New-IoTCentralDevice -Id $id -DisplayName A -Session $a | Out-Null
        New-IoTCentralDevice -Id $id -DisplayName B -Session $b | Out-Null
        $id
    }
    function script:Find-Device([string] $Id, $Session) { Get-IoTCentralDevice -Session $Session | Where-Object Id -eq $Id }
}

AfterAll {
    Disconnect-IoTCentral -Session $script:b -ErrorAction SilentlyContinue
    Disconnect-IoTCentral -ErrorAction SilentlyContinue
    if ($script:emulatorA) { Stop-TestEmulator $script:emulatorA }
    if ($script:emulatorB) { Stop-TestEmulator $script:emulatorB }
}

Describe 'Objects remember their application' {
    It 'removes devices listed from the second application there, not from the default one' {
        $id = New-DeviceInBoth
        (Get-IoTCentralSession).ApplicationUrl | Should -Be $a.ApplicationUrl

        Get-IoTCentralDevice -Session $b | Where-Object Id -eq $id | Remove-IoTCentralDevice -Confirm:$false

        Find-Device $id $b | Should -BeNullOrEmpty
        (Find-Device $id $a).DisplayName | Should -Be 'A'
    }

    It 'sends each object of a mixed pipeline to its own application' {
        $id = New-DeviceInBoth
        $updated = @(Get-IoTCentralDevice -Session $a -Id $id; Get-IoTCentralDevice -Session $b -Id $id) |
            Set-IoTCentralDevice -DisplayName 'renamed' -PassThru

        $updated.ApplicationUrl | Should -Be @($a.ApplicationUrl, $b.ApplicationUrl)
        (Find-Device $id $a).DisplayName | Should -Be 'renamed'
        (Find-Device $id $b).DisplayName | Should -Be 'renamed'
    }

    It 'refuses an explicit -Session for another application, object by object' {
        $id = New-DeviceInBoth
        $errors = $null
        Get-IoTCentralDevice -Session $b -Id $id | Remove-IoTCentralDevice -Session $a -Force -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'IoTCentral.SessionMismatch*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Find-Device $id $a).DisplayName | Should -Be 'A'
        (Find-Device $id $b).DisplayName | Should -Be 'B'
    }

    It 'keeps the application through Export-Csv and Import-Csv, and writes no session or secret' {
        $id = New-DeviceInBoth
        $csv = Join-Path ([System.IO.Path]::GetTempPath()) ("iotc-$id.csv")
        try {
            Get-IoTCentralDevice -Session $b -Id $id | Export-Csv -Path $csv -NoTypeInformation
            $row = Import-Csv -Path $csv
            $row.ApplicationUrl | Should -Be $b.ApplicationUrl.ToString()

            $row | Set-IoTCentralDevice -DisplayName 'from csv'

            (Find-Device $id $b).DisplayName | Should -Be 'from csv'
            (Find-Device $id $a).DisplayName | Should -Be 'A'
        }
        finally {
            Remove-Item $csv -ErrorAction SilentlyContinue
        }

        $json = Get-IoTCentralDevice -Session $b -Id $id | ConvertTo-Json -Depth 5
        ($json | ConvertFrom-Json).ApplicationUrl | Should -Not -BeNullOrEmpty
        $json | Should -Not -Match 'Session|SharedAccessSignature'
    }

    It 'edits devices in bulk from CSV rows with True/False text' {
        $id = New-DeviceInBoth
        $csv = Join-Path ([System.IO.Path]::GetTempPath()) ("iotc-bulk-$id.csv")
        try {
            "Id,DisplayName,Enabled`n$id,Bulk renamed,False" | Set-Content -Path $csv
            Import-Csv -Path $csv | Set-IoTCentralDevice -Session $a

            $device = Find-Device $id $a
            $device.DisplayName | Should -Be 'Bulk renamed'
            $device.Enabled | Should -BeFalse
            (Find-Device $id $b).DisplayName | Should -Be 'B'
        }
        finally {
            Remove-Item $csv -ErrorAction SilentlyContinue
        }
    }

    It 'acts on the application a fake names through its constructor' {
        $id = New-DeviceInBoth
        $fake = [IoTCentral.Models.Device]::new($b.ApplicationUrl)
        $fake.Id = $id

        $fake | Remove-IoTCentralDevice -Force

        Find-Device $id $b | Should -BeNullOrEmpty
        (Find-Device $id $a).DisplayName | Should -Be 'A'
    }
}
