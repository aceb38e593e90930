using System.Runtime.CompilerServices;

// The query language's lexer, parser and evaluator are internal; their unit tests live in their own project.
[assembly: InternalsVisibleTo("IoTCentral.Emulator.QueryTests")]
