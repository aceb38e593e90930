namespace IoTCentral.Engine;

/// <summary>
/// Receives diagnostics about requests. Called on whatever thread the request runs on, so an implementation
/// that writes to PowerShell streams must queue the messages and drain them on the pipeline thread.
/// </summary>
public interface IRequestLogSink
{
    void WriteVerbose(string message);

    void WriteDebug(string message);

    void WriteWarning(string message);
}
