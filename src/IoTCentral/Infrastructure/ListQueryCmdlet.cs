using System.Management.Automation;

namespace IoTCentral.Infrastructure
{
    /// <summary>
    /// A Get- cmdlet that reads one item by id (the ById set) or lists them (the List set) with the preview's
    /// server-side list options -Filter, -OrderBy and -MaxPageSize. Setting any of them sends the list with the
    /// preview api-version, the only one that defines them; without them the list stays on the client's api-version.
    /// </summary>
    public abstract class ListQueryCmdlet : IoTCentralCmdlet
    {
        public const string ListSet = "List";
        public const string ByIdSet = "ById";

        /// <summary>The preview's server-side filter expression (for example "displayName eq 'Main'").</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? Filter { get; set; }

        /// <summary>The preview's server-side order (for example "displayName desc").</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? OrderBy { get; set; }

        /// <summary>At most this many items per response page (the preview's maxpagesize); paging continues until the list ends.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, 100)]
        public int? MaxPageSize { get; set; }

        /// <summary>The options of this record, taken now so that a request built later cannot see another record's.</summary>
        private protected Engine.ListOptions ListOptions() => new Engine.ListOptions(Filter, OrderBy, MaxPageSize);
    }
}
