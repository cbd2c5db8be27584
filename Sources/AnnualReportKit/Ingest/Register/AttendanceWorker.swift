import Foundation

/// Session details of earlier files, read-only while a file is read by several workers.
struct AttendanceDirectory: Sendable {
    var sessions = ByteInterner(capacity: 16)
    /// Per session: details with ids into `titles` and `canonicals`.
    var details = PagedArray<SessionDetails>()
    var reference = PagedArray<(file: Int32, line: Int32)>()
    var titles = ByteInterner(capacity: 256)
    var canonicals = ByteInterner(capacity: 64)

    func strings(_ d: SessionDetails) -> ChunkParser.Details {
        (d.calendarDate, titles.string(d.title), d.eventKind, d.eventFormat, canonicals.string(d.priorities))
    }
}

/// Parses chunks into its own accumulator. One per thread.
final class AttendanceWorker: @unchecked Sendable {
    let layout: AttendanceLayout
    let priorities: AttendancePriorityCheck
    let directory: AttendanceDirectory
    let keepLimit: Int
    var aggregate = AttendanceAggregate()
    private let fields: AttendanceFieldBuffers

    init(layout: AttendanceLayout, priorities: AttendancePriorityCheck, directory: AttendanceDirectory, keepLimit: Int)
    {
        self.layout = layout
        self.priorities = priorities
        self.directory = directory
        self.keepLimit = keepLimit
        fields = AttendanceFieldBuffers(capacity: max(layout.fieldCount, 1) + 1)
    }

    /// Parses one chunk; returns the rows read. The accumulator is moved into a struct for the
    /// duration, so the hot loop has no class-property exclusivity checks.
    func parse(_ chunk: AttendanceChunk, in source: AttendanceSource) -> Int {
        var parser = ChunkParser(
            b: source.base + chunk.start, n: chunk.count, chunkIndex: chunk.index, last: chunk.last, layout: layout,
            priorities: priorities, directory: directory, keepLimit: keepLimit,
            capacity: fields.capacity, rawStart: fields.rawStart, rawEnd: fields.rawEnd,
            valueStart: fields.valueStart, valueEnd: fields.valueEnd, flags: fields.flags,
            scratch: fields.scratch, aggregate: AttendanceAggregate())
        swap(&parser.aggregate, &aggregate)
        let rows = parser.run()
        swap(&parser.aggregate, &aggregate)
        return rows
    }
}

/// Where each field of the current record starts and ends (reused for every record).
final class AttendanceFieldBuffers: @unchecked Sendable {
    let capacity: Int
    let rawStart, rawEnd, valueStart, valueEnd: UnsafeMutablePointer<Int>
    let flags: UnsafeMutablePointer<UInt8>
    let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 4096)
    init(capacity: Int) {
        self.capacity = capacity
        rawStart = .allocate(capacity: capacity)
        rawEnd = .allocate(capacity: capacity)
        valueStart = .allocate(capacity: capacity)
        valueEnd = .allocate(capacity: capacity)
        flags = .allocate(capacity: capacity)
    }
    deinit {
        rawStart.deallocate()
        rawEnd.deallocate()
        valueStart.deallocate()
        valueEnd.deallocate()
        flags.deallocate()
        scratch.deallocate()
    }
}
