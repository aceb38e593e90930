using System;
using System.Collections.Generic;

namespace IoTCentral.Engine.Tests.Support;

public sealed record RecordedRequest(
    string Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    string? ContentType,
    DateTimeOffset At);
