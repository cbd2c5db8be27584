/// An array that grows a page at a time instead of doubling.
///
/// The register keeps one entry per session, hundreds of thousands of them, in every worker
/// and in the merged directory. A doubling `Array` holds up to twice what it needs, and while
/// it grows the old and the new storage are both resident: for 200,000 sessions of 40 bytes
/// that is 8 MB in use, 10.5 MB reserved and 15.7 MB at the moment of growing. Pages hold at
/// least a megabyte, so that glibc maps each one on its own (`AttendanceIngest.releaseFreedMemory`)
/// and returns it the moment it is freed, whichever thread allocated it; smaller blocks would
/// stay in the worker threads' malloc arenas. An access costs a division by a power of two more,
/// once per run of a session's rows, not per row. Measured: docs/performance.md.
struct PagedArray<Element: Sendable>: Sendable {
    /// log2 of the entries per page: the smallest power of two whose page is at least 1 MB.
    private static var shift: Int {
        var shift = 10
        while (1 << shift) * MemoryLayout<Element>.stride < 1 << 20 { shift += 1 }
        return shift
    }
    private static var pageSize: Int { 1 << shift }
    private var pages: [[Element]] = []
    private(set) var count = 0

    init() {}

    mutating func append(_ element: Element) {
        if count & (Self.pageSize - 1) == 0 {
            var page: [Element] = []
            page.reserveCapacity(Self.pageSize)
            pages.append(page)
        }
        pages[count >> Self.shift].append(element)
        count += 1
    }

    subscript(index: Int) -> Element {
        get { pages[index >> Self.shift][index & (Self.pageSize - 1)] }
        set { pages[index >> Self.shift][index & (Self.pageSize - 1)] = newValue }
    }
}
