using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IoTCentral.Emulator.Features.DataExport.Transforms;

namespace IoTCentral.Emulator.Tests;

/// <summary>
/// The jq interpreter behind data-export transforms: each case is a query, an input and the expected outputs (a JSON
/// array of them), as jq 1.7 answers; the doc cases run IoT Central's published example transforms on its sample
/// messages (howto-transform-data-internally).
/// </summary>
public sealed class TransformQueryTests
{
    // The shape of the telemetry message in IoT Central's transformation article.
    private const string DocMessage = """
        {"applicationId":"6c0e5a1f-2b7d-4e39-9a84-3f51d2c7b0e6",
         "device":{"id":"e2b94d07-85c1-4f6a-b3de-19a7c0f6d553","name":"Test brace","cloudProperties":[],
           "properties":{"reported":[{"id":"urn:smartKneeBrace:FirmwareVersion:1","name":"FirmwareVersion","value":1.0}]},
           "templateId":"urn:kneelab1:modelDefinition:braceone","templateName":"Knee Brace"},
         "telemetry":[{"id":"urn:cpm:Acceleration:1","name":"Acceleration","value":{"x":19.212770659918583,"y":20.596296675217335,"z":54.04859440697045}},
                      {"id":"urn:cpm:RangeOfMotion:1","name":"RangeOfMotion","value":110}],
         "enqueuedTime":"2021-03-23T19:55:56.971Z","enrichments":{"your-enrichment-key":"enrichment-value"},
         "messageProperties":{"prop1":"prop-value"},"messageSource":"telemetry"}
        """;

    // The article's scenarios 1-4 use messages like these.
    private const string AdxMessage = """
        {"applicationId":"4be1a0c2","enqueuedTime":"1933-01-26T03:10:44.480001324Z","messageSource":"telemetry",
         "telemetry":[{"id":"dtmi:t1;1","name":"t1","value":1.1889838348731093e+308},{"id":"dtmi:t2;1","name":"t2","value":1.4347093391531383e+308},
                      {"id":"dtmi:t3;1","name":"t3","value":2.9700885230380616e+307}],
         "device":{"id":"pump7west042","name":"west pump","templateId":"dtmi:modelDefinition:contosoa:pumpmodel","templateName":"pumpsensors","simulated":true}}
        """;

    private const string SubdeviceMessage = """
        {"applicationId":"d81f36e4","enqueuedTime":"1909-10-10T07:11:56.078161042Z","messageSource":"telemetry",
         "telemetry":[{"id":"dtmi:sample1:data;1","name":"data","value":[{"id":"subdevice1","values":{"running":true,"cycleCount":2315}},
                                                                       {"id":"subdevice2","values":{"running":false,"cycleCount":824567}}]},
                      {"id":"dtmi:sample1:parentStatus;1","name":"parentStatus","value":"healthy"}],
         "device":{"id":"vent3north19","name":"north vent","templateId":"dtmi:contosolab1:ventpatchv2","templateName":"Vent Monitor","simulated":true}}
        """;

    private const string VitalsMessage = """
        {"applicationId":"d81f36e4","enqueuedTime":"1909-10-10T07:11:56.078161042Z","messageSource":"telemetry",
         "telemetry":[{"name":"HeartRate","value":-633994413},{"name":"RespiratoryRate","value":1582211310},
                      {"name":"HeartRateVariability","value":-37514094},{"name":"BloodPressure","value":{"Diastolic":161438124,"Systolic":-966387879}}],
         "device":{"id":"vent3north19","name":"north vent","templateId":"dtmi:contosolab1:ventpatchv2","templateName":"Vent Monitor","simulated":true}}
        """;

    public static TheoryData<string, string, string> DocExamples => new()
    {
        { ".", """{"a":1}""", """[{"a":1}]""" },
        { ".telemetry[]", DocMessage, """[{"id":"urn:cpm:Acceleration:1","name":"Acceleration","value":{"x":19.212770659918583,"y":20.596296675217335,"z":54.04859440697045}},{"id":"urn:cpm:RangeOfMotion:1","name":"RangeOfMotion","value":110}]""" },
        { ".telemetry | map({ key: .name, value: .value }) | from_entries", DocMessage, """[{"Acceleration":{"x":19.212770659918583,"y":20.596296675217335,"z":54.04859440697045},"RangeOfMotion":110}]""" },
        { """
          import "iotc" as iotc;
          {
            rangeOfMotion: (
              .telemetry
              | iotc::find(.name == "RangeOfMotion").value
              | . * 3.14159265358979323846 / 180
            )
          }
          """, DocMessage, """[{"rangeOfMotion":1.9198621771937625}]""" },
        // The article's output shows a device id here, but its sample message has no top-level deviceId: jq gives null.
        { """
          import "iotc" as iotc;
          { deviceId: .deviceId, timestamp: .enqueuedTime, rangeOfMotion: .telemetry | iotc::find(.name == "RangeOfMotion").value }
          """, DocMessage, """[{"deviceId":null,"timestamp":"2021-03-23T19:55:56.971Z","rangeOfMotion":110}]""" },
        { """.telemetry | iotc::find(.name == "RangeOfMotion")""".Insert(0, "import \"iotc\" as iotc; "), DocMessage, """[{"id":"urn:cpm:RangeOfMotion:1","name":"RangeOfMotion","value":110}]""" },
        { """
          import "iotc" as iotc;
          {
            deviceId: .device.id,
            Timestamp: .enqueuedTime,
            T1: .telemetry | iotc::find(.name == "t1").value,
            T2: .telemetry | iotc::find(.name == "t2").value,
            T3: .telemetry | iotc::find(.name == "t3").value,
          }
          """, AdxMessage, """[{"deviceId":"pump7west042","Timestamp":"1933-01-26T03:10:44.480001324Z","T1":1.1889838348731093e+308,"T2":1.4347093391531383e+308,"T3":2.9700885230380616e+307}]""" },
        { """
          import "iotc" as iotc;
          {
              enqueuedTime: .enqueuedTime,
              deviceId: .device.id,
              parentStatus: .telemetry | iotc::find(.name == "parentStatus").value
          } + (
              .telemetry
              | iotc::find(.name == "data").value[]
              | {
                  subdeviceId: .id,
                  running: .values.running,
                  cycleCount: .values.cycleCount
              }
          )
          """, SubdeviceMessage, """
          [{"enqueuedTime":"1909-10-10T07:11:56.078161042Z","deviceId":"vent3north19","parentStatus":"healthy","subdeviceId":"subdevice1","running":true,"cycleCount":2315},
           {"enqueuedTime":"1909-10-10T07:11:56.078161042Z","deviceId":"vent3north19","parentStatus":"healthy","subdeviceId":"subdevice2","running":false,"cycleCount":824567}]
          """ },
        { """
          import "iotc" as iotc;
          if .device.templateId == "dtmi:contosolab1:ventpatchv2" then
              {
                  deviceId: .device.id,
                  timestamp: .enqueuedTime,
                  deviceName: .device.name,
                  bloodPressureSystolic: .telemetry | iotc::find(.name == "BloodPressure").value.Systolic,
                  bloodPressureDiastolic: .telemetry | iotc::find(.name == "BloodPressure").value.Diastolic,
                  heartRate: .telemetry | iotc::find(.name == "HeartRate").value,
                  heartRateVariability: .telemetry | iotc::find(.name == "HeartRateVariability").value,
                  respiratoryRate: .telemetry | iotc::find(.name == "RespiratoryRate").value
              }
          else
              empty
          end
          """, VitalsMessage, """
          [{"deviceId":"vent3north19","timestamp":"1909-10-10T07:11:56.078161042Z","deviceName":"north vent","bloodPressureSystolic":-966387879,
            "bloodPressureDiastolic":161438124,"heartRate":-633994413,"heartRateVariability":-37514094,"respiratoryRate":1582211310}]
          """ },
        { """import "iotc" as iotc; if .device.templateId == "other" then {id: .device.id} else empty end""", VitalsMessage, "[]" },
        { """
          . as $in | .telemetry[] | {
            EnqueuedTime: $in.enqueuedTime,
            Message: $in.messageId,
            Application: $in.applicationId,
            Device: $in.device.id,
            Simulated: $in.device.simulated,
            Template: ($in.device.templateName // ""),
            Module: ($in.module // ""),
            Component: ($in.component // ""),
            Capability: .name,
            Value: .value
          }
          """, AdxMessage, """
          [{"EnqueuedTime":"1933-01-26T03:10:44.480001324Z","Message":null,"Application":"4be1a0c2","Device":"pump7west042","Simulated":true,"Template":"pumpsensors","Module":"","Component":"","Capability":"t1","Value":1.1889838348731093e+308},
           {"EnqueuedTime":"1933-01-26T03:10:44.480001324Z","Message":null,"Application":"4be1a0c2","Device":"pump7west042","Simulated":true,"Template":"pumpsensors","Module":"","Component":"","Capability":"t2","Value":1.4347093391531383e+308},
           {"EnqueuedTime":"1933-01-26T03:10:44.480001324Z","Message":null,"Application":"4be1a0c2","Device":"pump7west042","Simulated":true,"Template":"pumpsensors","Module":"","Component":"","Capability":"t3","Value":2.9700885230380616e+307}]
          """ },
        { ".telemetry", DocMessage, """[[{"id":"urn:cpm:Acceleration:1","name":"Acceleration","value":{"x":19.212770659918583,"y":20.596296675217335,"z":54.04859440697045}},{"id":"urn:cpm:RangeOfMotion:1","name":"RangeOfMotion","value":110}]]""" },
    };

    public static TheoryData<string, string, string> Language => new()
    {
        { ".a", """{"a":1}""", "[1]" },
        { ".a.b", """{"a":{"b":2}}""", "[2]" },
        { ".a.b", "null", "[null]" },
        { """."a b" """, """{"a b":3}""", "[3]" },
        { """.["a"]""", """{"a":4}""", "[4]" },
        { """.a."b c".d""", """{"a":{"b c":{"d":5}}}""", "[5]" },
        { ".[1]", "[1,2,3]", "[2]" },
        { ".[-1]", "[1,2,3]", "[3]" },
        { ".[5]", "[1,2,3]", "[null]" },
        { ".[1:]", "[1,2,3]", "[[2,3]]" },
        { ".[:-1]", "[1,2,3]", "[[1,2]]" },
        { ".[1:2]", "\"abc\"", "[\"b\"]" },
        { ".[]", "[1,[2]]", "[1,[2]]" },
        { ".[]", """{"a":1,"b":2}""", "[1,2]" },
        { ".a[]?", """{"a":5}""", "[]" },
        { ".a?", "[1]", "[]" },
        { "[..]", "[[1]]", "[[[[1]],[1],1]]" },
        { ".a, .b", """{"a":1,"b":2}""", "[1,2]" },
        { "(.a, .b) | . * 10", """{"a":1,"b":2}""", "[10,20]" },
        { "1, 2.5, -3, 1e3", "null", "[1,2.5,-3,1000]" },
        { "\"tab\\t\\u00e9 \\\"q\\\"\"", "null", "[\"tab\\t\u00e9 \\\"q\\\"\"]" },
        { "\"n=\\(.n + 1) s=\\(.s) o=\\(.o)\"", """{"n":1,"s":"x","o":{"k":[1]}}""", """["n=2 s=x o={\"k\":[1]}"]""" },
        { "\"\\(\"in\\(1)ner\")\"", "null", """["in1ner"]""" },
        { "true, false, null", "null", "[true,false,null]" },
        { "[.[] | . * 2]", "[1,2]", "[[2,4]]" },
        { "[]", "null", "[[]]" },
        { "{a}", """{"a":1,"b":2}""", """[{"a":1}]""" },
        { "{\"a\": .b, c: 3}", """{"b":2}""", """[{"a":2,"c":3}]""" },
        { "{(.k): .v}", """{"k":"x","v":1}""", """[{"x":1}]""" },
        { ".v as $v | {$v}", """{"v":7}""", """[{"v":7}]""" },
        { "{a: (1, 2), b: (3, 4)}", "null", """[{"a":1,"b":3},{"a":1,"b":4},{"a":2,"b":3},{"a":2,"b":4}]""" },
        { "{(\"x\",\"y\"): 1}", "null", """[{"x":1},{"y":1}]""" },
        { "{if: 1, \"s\\(1)\": 2}", "null", """[{"if":1,"s1":2}]""" },
        { "null + 1, 1 + null, 1 + 2", "null", "[1,1,3]" },
        { "\"a\" + \"b\", [1] + [2], {a:1} + {b:2, a:3}", "null", """["ab",[1,2],{"a":3,"b":2}]""" },
        { "[1,2,3,2] - [2], 5 - 7", "null", "[[1,3],-2]" },
        { "{a:{b:1,c:2}} * {a:{b:3}}, 2 * 3, \"ab\" * 2, \"x\" * 0, \"ab\" * 1.5, \"x\" * 0.5", "null", """[{"a":{"b":3,"c":2}},6,"abab",null,"ab",null]""" },
        { ".[1.7]", "[1,2,3]", "[2]" },
        { "\"a,b,c\" / \",\", 7 / 2, 7 % 3, -7 % 3, 5 % -2", "null", """[["a","b","c"],3.5,1,-1,1]""" },
        { "1 == 1.0, 1 != 2, 1 < 2, \"a\" < \"b\", null < false, [1] < [1,0], {} < [], 2 >= 2, 3 <= 2", "null", "[true,true,true,true,true,true,false,true,false]" },
        { "true and false, true or false, (null | not), (1 | not)", "null", "[false,true,true,false]" },
        { "(false, true) and (true, false)", "null", "[false,true,false]" },
        { ".a // \"d\", .b // \"d\", (false, null, 1) // 2, (empty // 3)", """{"a":0}""", """[0,"d",1,3]""" },
        { "if . > 1 then \"big\" elif . == 1 then \"one\" else \"small\" end", "1", "[\"one\"]" },
        { "if . then \"yes\" end", "false", "[false]" },
        { "if (true, false) then 1 else 2 end", "null", "[1,2]" },
        { ". as $x | $x + 1", "1", "[2]" },
        { ".[] as $x | $x * 2", "[1,2]", "[2,4]" },
        { "reduce .[] as $x (0; . + $x)", "[1,2,3]", "[6]" },
        { "[foreach .[] as $x (0; . + $x)]", "[1,2,3]", "[[1,3,6]]" },
        { "[foreach .[] as $x (0; . + $x; [$x, .])]", "[1,2]", "[[[1,1],[2,3]]]" },
        { "try error(\"boom\") catch .", "null", "[\"boom\"]" },
        { "[.[] | try (if . == 2 then error(\"x\") else . end)]", "[1,2,3]", "[[1,3]]" },
        { "try (1, error(\"stop\"), 3) catch \"caught\"", "null", "[1,\"caught\"]" },
        { "try error({code: 1}) catch .code", "null", "[1]" },
        { ".a = 1", "{}", """[{"a":1}]""" },
        { ".a |= . + 1 | .b += 2", """{"a":1,"b":1}""", """[{"a":2,"b":3}]""" },
        { ".[] |= . * 2", "[1,2]", "[[2,4]]" },
        { ".a //= 5", "{}", """[{"a":5}]""" },
        { "- .a", """{"a":3}""", "[-3]" },
        { "# a comment\n.a # trailing\n", """{"a":1}""", "[1]" },
    };

    public static TheoryData<string, string, string> Builtins => new()
    {
        { "length", "\"héllo\"", "[5]" },
        { "[.[] | length]", """[[1,2],{"a":1},null,-5,"ab"]""", "[[2,1,0,5,2]]" },
        { "utf8bytelength", "\"é\"", "[2]" },
        { "keys, keys_unsorted", """{"b":1,"a":2}""", """[["a","b"],["b","a"]]""" },
        { "keys", "[5,6]", "[[0,1]]" },
        { "[.[] | values]", "[1,null,2]", "[[1,2]]" },
        { "has(\"a\"), has(\"z\")", """{"a":null}""", "[true,false]" },
        { "has(1), has(3)", "[1,2]", "[true,false]" },
        { "[\"a\",\"z\"] | map(in({\"a\":1}))", "null", "[[true,false]]" },
        { "map(. + 1)", "[1,2]", "[[2,3]]" },
        { "map_values(. * 10)", """{"a":1,"b":2}""", """[{"a":10,"b":20}]""" },
        { "map_values(empty)", """{"a":1}""", "[{}]" },
        { "map(select(. > 1))", "[1,2,3]", "[[2,3]]" },
        { "[.[] | select(.ok)] | length", """[{"ok":true},{"ok":false},{}]""", "[1]" },
        { "[empty], [1, empty, 2]", "null", "[[],[1,2]]" },
        { "to_entries", """{"a":1,"b":2}""", """[[{"key":"a","value":1},{"key":"b","value":2}]]""" },
        { "from_entries", """[{"key":"a","value":1},{"k":"b","v":2},{"name":"c","value":3},{"Name":"d","value":4},{"key":1,"value":5},{"key":true,"value":6}]""", """[{"a":1,"b":2,"c":3,"d":4,"1":5,"true":6}]""" },
        { "with_entries(.value += 1)", """{"a":1,"b":2}""", """[{"a":2,"b":3}]""" },
        { "with_entries(select(.key != \"b\"))", """{"a":1,"b":2}""", """[{"a":1}]""" },
        { "add", "[1,2,3]", "[6]" },
        { "add", "[\"a\",\"b\"]", "[\"ab\"]" },
        { "add", "[]", "[null]" },
        { "add(.[].a)", """[{"a":1},{"a":2}]""", "[3]" },
        { "any, all", "[true,false]", "[true,false]" },
        { "any(. > 2), all(. > 0)", "[1,2,3]", "[true,true]" },
        { "[range(3)], [range(1; 3)], [range(0; 10; 4)], [range(3; 0; -1)]", "null", "[[0,1,2],[1,2],[0,4,8],[3,2,1]]" },
        { "[.[] | floor], [.[] | ceil], [.[] | round]", "[1.5,-1.5,2.4]", "[[1,-2,2],[2,-1,3],[2,-2,2]]" },
        { "sqrt, (-4 | fabs), (-4 | abs), pow(2; 10), (1 | log), (2.7 | trunc)", "16", "[4,4,4,1024,0,2]" },
        { "min, max", "[3,1,2]", "[1,3]" },
        { "min, max", "[]", "[null,null]" },
        { "min_by(.a), max_by(.a)", """[{"a":2},{"a":1},{"a":3}]""", """[{"a":1},{"a":3}]""" },
        { "sort", """[3,"a",null,true,false,[1],{"a":1},1]""", """[[null,false,true,1,3,"a",[1],{"a":1}]]""" },
        { "sort_by(.n)", """[{"n":2,"i":0},{"n":1,"i":1},{"n":2,"i":2}]""", """[[{"n":1,"i":1},{"n":2,"i":0},{"n":2,"i":2}]]""" },
        { "group_by(.k) | map(length)", """[{"k":"b"},{"k":"a"},{"k":"b"}]""", "[[1,2]]" },
        { "unique, unique_by(length)", """["bb","a","bb","c"]""", """[["a","bb","c"],["a","bb"]]""" },
        { "reverse", "[1,2,3]", "[[3,2,1]]" },
        { "reverse", "\"abc\"", "[\"cba\"]" },
        { "contains(\"bar\"), contains(\"baz\")", "\"foobar\"", "[true,false]" },
        { "contains([\"ba\"]), contains([\"x\"])", """["foobar"]""", "[true,false]" },
        { "contains({a:[1]})", """{"a":[1,2],"b":3}""", "[true]" },
        { "inside(\"foobar\")", "\"bar\"", "[true]" },
        { "startswith(\"ab\"), endswith(\"bc\"), ltrimstr(\"a\"), rtrimstr(\"c\"), ltrimstr(\"z\")", "\"abc\"", """[true,true,"bc","ab","abc"]""" },
        { "ltrimstr(\"a\")", "1", "[1]" },
        { "split(\", \")", "\"a, b, c\"", """[["a","b","c"]]""" },
        { "join(\"-\")", """["a",1,null,true]""", "[\"a-1--true\"]" },
        { "ascii_downcase, ascii_upcase", "\"aBc-É\"", """["abc-É","ABC-É"]""" },
        { "[.[] | tostring]", """[1,"a",[1],{"a":null}]""", """[["1","a","[1]","{\"a\":null}"]]""" },
        { "[.[] | tonumber]", """["1.5",2," 3 "]""", "[[1.5,2,3]]" },
        { "[.[] | type]", """[null,true,1,"a",[],{}]""", """[["null","boolean","number","string","array","object"]]""" },
        { "first, last, nth(1)", "[1,2,3]", "[1,3,2]" },
        { "first(.[] | select(. > 1)), last(range(5)), [limit(2; .[])], nth(1; .[])", "[1,2,3]", "[2,4,[1,2],2]" },
        { "[limit(0; 1, 2)], isempty(empty), isempty(1)", "null", "[[],true,false]" },
        { "flatten, flatten(1)", "[1,[2,[3]]]", "[[1,2,3],[1,2,[3]]]" },
        { "tojson, (tojson | fromjson)", """{"a":[1,"x"]}""", """["{\"a\":[1,\"x\"]}",{"a":[1,"x"]}]""" },
        { "test(\"a.c\"), test(\"A\"; \"i\"), test(\"z\")", "\"abc\"", "[true,true,false]" },
        { "capture(\"(?<temp>[0-9]+)C\")", "\"t=21C\"", """[{"temp":"21"}]""" },
        { "[capture(\"(?<d>[0-9])\"; \"g\")]", "\"a1b2\"", """[[{"d":"1"},{"d":"2"}]]""" },
        { "sub(\"o\"; \"0\"), gsub(\"o\"; \"0\"), gsub(\"(?<l>[a-z])\"; \"<\\(.l)>\"), gsub(\"O\"; \"_\"; \"i\")", "\"foo\"", """["f0o","f00","<f><o><o>","f__"]""" },
        { "[.[] | arrays], [.[] | objects], [.[] | iterables], [.[] | booleans], [.[] | numbers], [.[] | strings], [.[] | nulls], [.[] | scalars]",
          """[[],{},true,1,"s",null]""", """[[[]],[{}],[[],{}],[true],[1],["s"],[null],[true,1,"s",null]]""" },
        { "[paths]", """{"a":{"b":1},"c":[2]}""", """[[["a"],["a","b"],["c"],["c",0]]]""" },
        { "[paths(type == \"number\")], [leaf_paths]", """{"a":{"b":1},"c":"x"}""", """[[["a","b"]],[["a","b"],["c"]]]""" },
        { "path(.a[0].b), [path(..)]", """{"a":[{"b":1}]}""", """[["a",0,"b"],[[],["a"],["a",0],["a",0,"b"]]]""" },
        { "del(.a), del(.b.c), del(.[\"b\"])", """{"a":1,"b":{"c":2,"d":3}}""", """[{"b":{"c":2,"d":3}},{"a":1,"b":{"d":3}},{"a":1}]""" },
        { "del(.[0, 2]), del(.[] | select(. == 2))", "[1,2,3]", "[[2],[1,3]]" },
        { "del(.telemetry[] | select(.name == \"RangeOfMotion\")) | .telemetry | map(.name)", DocMessage, """[["Acceleration"]]""" },
        { "getpath([\"a\",\"b\"]), getpath([\"x\",\"y\"]), setpath([\"a\",\"c\"]; 5), delpaths([[\"a\"]])", """{"a":{"b":1}}""", """[1,null,{"a":{"b":1,"c":5}},{}]""" },
        { "todate, (todate | fromdate)", "1616529356", """["2021-03-23T19:55:56Z",1616529356]""" },
        { "fromdateiso8601, fromdate", "\"2021-03-23T19:55:56.971Z\"", "[1616529356.971,1616529356.971]" },
        { "fromdate | todateiso8601", "\"1909-10-10T07:11:56.078161042Z\"", "[\"1909-10-10T07:11:56Z\"]" },
        { "now | type", "null", "[\"number\"]" },
        { "walk(if type == \"number\" then . + 1 else . end)", """{"a":[1,{"b":2}]}""", """[{"a":[2,{"b":3}]}]""" },
        { "indices(\", \"), index(\"b\"), rindex(\"b\")", "\"a, b, b\"", "[[1,4],3,6]" },
        { "indices(1)", "[0,1,2,1]", "[[1,3]]" },
        { "explode, (explode | implode)", "\"AB\"", """[[65,66],"AB"]""" },
        { "transpose", "[[1,2],[3]]", "[[[1,3],[2,null]]]" },
        { "[recurse(if . < 3 then . + 1 else empty end)]", "0", "[[0,1,2,3]]" },
        { "@base64, (@base64 | @base64d), @uri, @html, @json", "\"a b<&>\"", """["YSBiPCY+","a b<&>","a%20b%3C%26%3E","a b&lt;&amp;&gt;","\"a b<&>\""]""" },
        { "@csv, @tsv", """[1,"a\"b",null]""", """["1,\"a\"\"b\",","1\ta\"b\t"]""" },
        { "@base64 \"v=\\(.)\"", "\"x\"", "[\"v=eA==\"]" },
        { "[while(. < 8; . * 2)], until(. > 100; . * 2)", "1", "[[1,2,4],128]" },
        { "[splits(\", *\")]", "\"a, b,c\"", """[["a","b","c"]]""" },
    };

    [Theory]
    [MemberData(nameof(DocExamples))]
    [MemberData(nameof(Language))]
    [MemberData(nameof(Builtins))]
    public void Query_GivesJqsOutputs(string query, string input, string expected)
    {
        var outputs = JqQuery.Parse(query).Run(JsonNode.Parse(input));

        Assert.Equal(Canonical(JsonNode.Parse(expected)), Canonical(new JsonArray(outputs.ToArray())));
    }

    public static TheoryData<string, int, string> ParseErrors => new()
    {
        { ".a |", 4, "unexpected end of the query" },
        { "{a: 1", 5, "expected '}'" },
        { "[1, 2", 5, "expected ']'" },
        { "if . then 1", 11, "expected 'end'" },
        { "foo(1)", 0, "foo/1 is not defined" },
        { ".a | frobnicate", 5, "frobnicate/0 is not defined" },
        { "map", 0, "map/0 is not defined" },
        { "$nope", 0, "$nope is not defined" },
        { "\"abc", 0, "unterminated string" },
        { "\"\\q\"", 1, "invalid escape" },
        { ".a ^ 1", 3, "unexpected character '^'" },
        { "def f: .; f", 0, "def" },
        { "import \"other\" as o; .", 7, "module \"other\" is not available" },
        { "iotc::find(.a)", 0, "no module imported as iotc" },
        { "1 == 2 == 3", 7, "cannot be chained" },
        { "@nope", 0, "@nope is not a valid format" },
        { "{(1): 2", 7, "expected '}'" },
        { "\"x\\(.a | nope)\"", 9, "nope/0 is not defined" },
        { ". as [$a] | $a", 5, "destructuring" },
    };

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public void BadQuery_IsAParseErrorWithItsPosition(string query, int position, string problem)
    {
        var error = Assert.Throws<JqParseException>(() => JqQuery.Parse(query));

        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Message);
        Assert.Contains($"at position {position}", error.Message);
    }

    public static TheoryData<string, string, string> RuntimeErrors => new()
    {
        { ".a", "5", "Cannot index number with \"a\"" },
        { ".a", "[1]", "Cannot index array with \"a\"" },
        { ".[0]", "{}", "Cannot index object with number" },
        { ".[]", "5", "Cannot iterate over number (5)" },
        { ".[]", "null", "Cannot iterate over null (null)" },
        { ". + 1", "\"a\"", "string (\"a\") and number (1) cannot be added" },
        { "{} - 1", "null", "object ({}) and number (1) cannot be subtracted" },
        { "1 / 0", "null", "number (1) and number (0) cannot be divided because the divisor is zero" },
        { "length", "true", "boolean (true) has no length" },
        { "keys", "1", "number (1) has no keys" },
        { "error(\"custom\")", "null", "custom" },
        { "error", "\"from input\"", "from input" },
        { "{(.): 1}", "1", "Object keys must be strings" },
        { "tonumber", "\"x\"", "Cannot parse string (\"x\") as a number" },
        { "fromdate", "\"yesterday\"", "does not match format" },
        { "test(\"(\")", "\"a\"", "is not a valid regex" },
        { "path(1)", "null", "Invalid path expression with result 1" },
        { "sort", "{}", "cannot be sorted, as it is not an array" },
        { "contains({a: 1})", "[1]", "cannot have their containment checked" },
        { "range(1e15)", "null", "more than 10000 outputs" },
        { "last(range(1e15))", "null", "longer than its time limit" },
        { ".a.b", """{"a":"long string here"}""", "Cannot index string with \"b\"" },
    };

    [Theory]
    [MemberData(nameof(RuntimeErrors))]
    public void RuntimeError_HasJqsMessage(string query, string input, string message)
    {
        var parsed = JqQuery.Parse(query);

        var error = Assert.Throws<JqRuntimeException>(() => parsed.Run(JsonNode.Parse(input)));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Outputs_AreIndependentOfTheInput()
    {
        var input = JsonNode.Parse("""{"a":{"b":1}}""");
        var outputs = JqQuery.Parse(".a, .a, [.a, .a]").Run(input);

        Assert.Equal(3, outputs.Count);
        Assert.All(outputs, o => Assert.Null(o!.Parent));
        Assert.Equal("""{"a":{"b":1}}""", input!.ToJsonString());
    }

    // Numbers compared by value (1.0 is 1, 1e3 is 1000), objects in their key order, as jq prints them.
    private static string Canonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i > 0 ? "," : string.Empty);
                    Write(array[i], text);
                }

                text.Append(']');
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (key, value) in obj)
                {
                    text.Append(first ? string.Empty : ",").Append(JsonValue.Create(key).ToJsonString()).Append(':');
                    first = false;
                    Write(value, text);
                }

                text.Append('}');
                break;
            default:
                text.Append(node.GetValueKind() == System.Text.Json.JsonValueKind.Number
                    ? double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)
                    : node.ToJsonString());
                break;
        }
    }
}
