# A small admin script: block the devices a CSV lists (columns DeviceId, Reason), for example devices reported
# lost or stolen. Dot-source it (. ./Disable-ListedDevice.ps1) and run Disable-ListedDevice -Path blocked.csv.
# Its tests: Disable-ListedDevice.Tests.ps1 (against the emulator) and Disable-ListedDevice.Mocked.Tests.ps1.

function Disable-ListedDevice {
    [CmdletBinding(SupportsShouldProcess)]
    [OutputType([pscustomobject])]
    param(
        # A CSV file with a DeviceId column and, optionally, a Reason column.
        [Parameter(Mandatory)]
        [string] $Path,

        # The application; the default session from Connect-IoTCentral otherwise.
        [IoTCentral.Models.IoTCentralSession] $Session
    )

    $target = @{}
    if ($Session) { $target.Session = $Session }

    # One listing instead of one request per row: a long CSV stays within the service's request limits.
    $devices = @{}
    Get-IoTCentralDevice @target | ForEach-Object { $devices[$_.Id] = $_ }

    foreach ($row in Import-Csv -Path $Path) {
        $id = "$($row.DeviceId)".Trim()
        if (-not $id) { continue }
        $device = $devices[$id]
        $result = if (-not $device) {
            Write-Warning "Device '$id' is not in the application."
            'NotFound'
        }
        elseif (-not $device.Enabled) {
            'AlreadyDisabled'
        }
        elseif ($PSCmdlet.ShouldProcess($id, "Block device ($($row.Reason))")) {
            Set-IoTCentralDevice -Id $id -Enabled $false @target
            'Disabled'
        }
        else {
            'Skipped'
        }

        [pscustomobject]@{ DeviceId = $id; Reason = $row.Reason; Result = $result }
    }
}
