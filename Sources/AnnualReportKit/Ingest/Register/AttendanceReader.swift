import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The byte-level, chunked, parallel reader of attendance registers.
//
// The file is memory-mapped read-only. One reader thread cuts it into chunks of about
// `chunkSize` bytes at the next line break (or, when that proved wrong because a quoted field
// with a line break straddled a cut, at the last line break outside quotes, found by counting
// quote bytes: RFC 4180 quotes always pair up). Workers parse whole chunks in place, without a
// String per row or per field, into their own `AttendanceAggregate`, which are merged once the
// file is done, and drop each chunk's pages afterwards. Every order-dependent choice (first
// spelling, first row of a session, the first rejected rows) is made by file position at the
// merge, so any number of workers and any chunk size give the same result as one worker.
//
// Memory: the pages of at most `2 × workers + 1` chunks, plus the accumulators.

/// Which field of the file holds each attendance column.
struct AttendanceLayout: Sendable {
    var fieldCount: Int
    var session = -1, date = -1, title = -1, kind = -1, priorities = -1, format = -1
    /// `delegate` is the `delegate_id` field, else (a register without ids) the `email` one.
    var delegate = -1, agency = -1, attended = -1, email = -1
    /// False when a required column is missing: every row is rejected.
    var readable: Bool
    /// The session-detail fields (date…format) present, in file order; contiguous when they
    /// follow each other, so one hash covers them.
    var detailFields: [Int]
    var detailContiguous: Bool
    var fileName: String
    var fileIndex: Int
    /// For `RowReader`, which checks the rows the fast path does not take.
    var header: HeaderMap
    var schema: DatasetSchema
    /// What a rejected row may show.
    var withholding: Withholding
    /// Read `dd/dd/yyyy` dates month-first (a US export; decided per file from its dates).
    var monthFirst = false
    /// `.off` only in FuzzAttendance's reference read (`AttendanceFastPathSwitch`).
    var fastPath: AttendanceFastPathSwitch

    init(
        header: HeaderMap, schema: DatasetSchema, readable: Bool, fileName: String, fileIndex: Int,
        fastPath: AttendanceFastPathSwitch = .on
    ) {
        func at(_ i: Int) -> Int { header.fieldIndex[i] ?? -1 }
        fieldCount = header.fieldCount
        session = at(0)
        date = at(1)
        title = at(2)
        kind = at(3)
        priorities = at(4)
        format = at(5)
        agency = at(7)
        attended = at(8)
        email = at(9)
        delegate = at(6) >= 0 ? at(6) : email
        self.readable = readable
        self.fileName = fileName
        self.fileIndex = fileIndex
        self.header = header
        self.schema = schema
        withholding = Withholding(header: header, schema: schema)
        self.fastPath = fastPath
        detailFields = [date, title, kind, priorities, format].filter { $0 >= 0 }.sorted()
        detailContiguous = !detailFields.isEmpty && detailFields.last! - detailFields.first! == detailFields.count - 1
    }
}

/// A run of whole records: `bytes[start..<start + count]` of the source.
struct AttendanceChunk: Sendable {
    var index: Int32
    var start: Int
    var count: Int
    /// The last chunk of the file: an open quote at its end is a real unterminated field.
    var last: Bool
}

/// The bytes of one file, memory-mapped read-only (no copy into buffers), or of a decoded
/// in-memory file. Pages of a mapped file are dropped from memory as soon as their chunk is
/// parsed (`release`), so resident memory stays at a few chunks whatever the file's size.
final class AttendanceSource: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    private let mapped: Bool
    private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        count = Int(info.st_size)
        mapped = count > 0
        if count == 0 {
            base = UnsafePointer(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))
            return
        }
        guard let p = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        _ = madvise(p, count, MADV_SEQUENTIAL)
        base = UnsafePointer(p.assumingMemoryBound(to: UInt8.self))
    }

    init(bytes: [UInt8]) {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { b in if let a = b.baseAddress { p.update(from: a, count: b.count) } }
        base = UnsafePointer(p)
        count = bytes.count
        mapped = false
    }

    deinit {
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), count) } else { base.deallocate() }
    }

    /// Drops the whole pages of `start..<end` from memory (they are read again from the page cache if touched).
    func release(_ start: Int, _ end: Int) {
        guard mapped else { return }
        let from = (start + Self.page - 1) / Self.page * Self.page
        let to = end / Self.page * Self.page
        if to > from { _ = madvise(UnsafeMutableRawPointer(mutating: base + from), to - from, MADV_DONTNEED) }
    }
}

/// The queue of chunks between the reader and the workers, with at most `limit` in flight
/// (which bounds the file pages resident at once).
final class AttendancePipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [AttendanceChunk] = []
    private var head = 0
    private var inFlight = 0
    private let limit: Int
    private var closed = false
    private var rowsDone = 0

    init(limit: Int) { self.limit = limit }

    /// Waits for room, then queues the chunk.
    func push(_ chunk: AttendanceChunk) {
        condition.lock()
        while inFlight >= limit { condition.wait() }
        inFlight += 1
        queue.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    func done(rows: Int) {
        condition.lock()
        inFlight -= 1
        rowsDone += rows
        condition.broadcast()
        condition.unlock()
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    func pop() -> AttendanceChunk? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count && !closed { condition.wait() }
        guard head < queue.count else { return nil }
        let chunk = queue[head]
        head += 1
        if head > 64 {
            queue.removeFirst(head)
            head = 0
        }
        return chunk
    }

    var rows: Int {
        condition.lock()
        defer { condition.unlock() }
        return rowsDone
    }
}

/// Where a quote-aware cut may go: after the last record's line break in `p[start..<end]`,
/// `start` being a record's first byte. Nil when there is none (a record longer than the buffer).
///
/// Records are scanned as `CSVReader` and the workers read them: a quote opens a quoted field
/// only at a field's start, `""` inside one is a quote, and a quote anywhere else is a stray
/// byte. Counting quote bytes alone (their parity) would be faster but goes wrong on exactly
/// the files this pass is for: a stray quote in an unquoted field (FuzzAttendance's finding)
/// flips the parity, and a cut inside a record then reads differently in parallel and serially.
func attendanceCut(_ p: UnsafePointer<UInt8>, start: Int, end: Int) -> Int? {
    var i = start
    var last: Int?
    var inQuotes = false
    var atFieldStart = true
    scan: while i < end {
        let c = p[i]
        if inQuotes {
            if c == 0x22 {
                // An escaped quote or the closing one: only the next byte tells, and it is not here.
                guard i + 1 < end else { break scan }
                if p[i + 1] == 0x22 {
                    i += 2
                    continue
                }
                inQuotes = false
            }
            i += 1
            continue
        }
        switch c {
        case 0x22 where atFieldStart:
            inQuotes = true
            atFieldStart = false
        case 0x2C: atFieldStart = true
        case 0x0A:
            last = i + 1
            atFieldStart = true
        case 0x0D:
            // CRLF or a lone CR: only the next byte tells.
            guard i + 1 < end else { break scan }
            if p[i + 1] == 0x0A { i += 1 }
            last = i + 1
            atFieldStart = true
        default: atFieldStart = false
        }
        i += 1
    }
    return last
}

/// Where the header record ends (after its line break), skipping blank lines and a byte-order mark;
/// nil when the buffer holds no complete header record yet. Quotes as in `attendanceCut`.
func attendanceHeaderEnd(_ p: UnsafePointer<UInt8>, count: Int, ended: Bool) -> (end: Int, blank: Bool)? {
    var i = count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF ? 3 : 0
    var recordStart = i
    var inQuotes = false
    var atFieldStart = true
    while i < count {
        let c = p[i]
        if inQuotes {
            if c == 0x22 {
                if i + 1 == count && !ended { return nil }
                if i + 1 < count && p[i + 1] == 0x22 {
                    i += 2
                    continue
                }
                inQuotes = false
            }
            i += 1
            continue
        }
        if c == 0x22 && atFieldStart {
            inQuotes = true
            atFieldStart = false
            i += 1
            continue
        }
        if c == 0x0A || c == 0x0D {
            let blank = i == recordStart
            if c == 0x0D && i + 1 < count && p[i + 1] == 0x0A {
                i += 1
            } else if c == 0x0D && i + 1 == count && !ended {
                return nil
            }
            i += 1
            if !blank { return (i, false) }
            recordStart = i
            atFieldStart = true
            continue
        }
        atFieldStart = c == 0x2C
        i += 1
    }
    guard ended else { return nil }
    return (count, recordStart == count)
}

// MARK: - The worker

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

/// The parse of one chunk into an accumulator.
struct ChunkParser {
    let b: UnsafePointer<UInt8>
    let n: Int
    let chunkIndex: Int32
    let last: Bool
    let layout: AttendanceLayout
    let priorities: AttendancePriorityCheck
    let directory: AttendanceDirectory
    let keepLimit: Int
    let capacity: Int
    let rawStart: UnsafeMutablePointer<Int>
    let rawEnd: UnsafeMutablePointer<Int>
    let valueStart: UnsafeMutablePointer<Int>
    let valueEnd: UnsafeMutablePointer<Int>
    let flags: UnsafeMutablePointer<UInt8>  // 1 quoted, 2 has doubled quotes
    let scratch: UnsafeMutableBufferPointer<UInt8>
    var aggregate: AttendanceAggregate

    /// The session of the rows being read (rows come grouped by session): its figures are
    /// counted here and added to the session's state when another session starts.
    struct CurrentSession {
        var session = -1
        var loaded = false
        var signature: UInt64 = 0
        var slot: Int16 = 0
        /// The session's people sets (year, then each priority key): the first four inline, so
        /// that a row costs no reference counting.
        var setCount = 0
        var set0: Int32 = 0, set1: Int32 = 0, set2: Int32 = 0, set3: Int32 = 0
        var moreSets: [Int32] = []
        var registrations: Int32 = 0
        var attendances: Int32 = 0
        /// Its date cell is an Excel serial (see `AttendanceAggregate.serialSessions`).
        var serialDate = false
    }
    var current = CurrentSession()

    @inline(__always)
    mutating func flush() {
        if current.session >= 0 && (current.registrations > 0 || current.attendances > 0) {
            var state = aggregate.sessionStates[current.session]
            state.registrations += current.registrations
            state.attendances += current.attendances
            aggregate.sessionStates[current.session] = state
            if current.serialDate { aggregate.excelSerials.count += Int(current.registrations) }
        }
        current = CurrentSession()
    }

    // Byte classes: 0 = ordinary. Unquoted stops at , LF CR " non-ASCII NUL; quoted at " LF CR non-ASCII NUL.
    private nonisolated(unsafe) static let unquotedClass: UnsafePointer<UInt8> = table { c in
        c == 0x2C || c == 0x0A || c == 0x0D || c == 0x22 || c >= 0x80 || c == 0
    }
    private nonisolated(unsafe) static let quotedClass: UnsafePointer<UInt8> = table { c in
        c == 0x0A || c == 0x0D || c == 0x22 || c >= 0x80 || c == 0
    }
    private static func table(_ stop: (Int) -> Bool) -> UnsafePointer<UInt8> {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for c in 0..<256 { p[c] = stop(c) ? 1 : 0 }
        return UnsafePointer(p)
    }

    /// Length of the valid UTF-8 sequence at `i`, or 0 (also for NUL).
    @inline(never)
    private func utf8Length(_ i: Int) -> Int {
        let c0 = b[i]
        if c0 == 0 { return 0 }
        if c0 < 0x80 { return 1 }
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < n && b[i + k] >= lo && b[i + k] <= hi
        }
        switch c0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    private mutating func markNotUTF8(line: Int32) {
        let here = ChunkPosition(chunk: chunkIndex, line: line)
        if aggregate.notUTF8 == nil || here < aggregate.notUTF8! { aggregate.notUTF8 = here }
    }

    mutating func run() -> Int {
        let readBefore = aggregate.read
        var lastSessionStart = -1
        var lastSessionLength = -1
        var lastSession = -1
        var p = 0
        var line: Int32 = 0
        let uclass = Self.unquotedClass
        let qclass = Self.quotedClass
        do {
            while p < n {
                let recordStart = p
                let recordLine = line
                var fieldCount = 0
                var problem: (kind: CSVProblem.Kind, offset: Int)?
                while true {
                    let fieldStart = p
                    var vStart = p
                    var vEnd = p
                    var flag: UInt8 = 0
                    if p < n && b[p] == 0x22 {
                        flag = 1
                        p += 1
                        vStart = p
                        var closed = false
                        while true {
                            while p < n && qclass[Int(b[p])] == 0 { p += 1 }
                            if p >= n { break }
                            let c = b[p]
                            if c == 0x22 {
                                if p + 1 < n && b[p + 1] == 0x22 {
                                    flag |= 2
                                    p += 2
                                    continue
                                }
                                vEnd = p
                                p += 1
                                closed = true
                                break
                            } else if c == 0x0A {
                                p += 1
                                line += 1
                            } else if c == 0x0D {
                                p += 1
                                if p < n && b[p] == 0x0A { p += 1 }
                                line += 1
                            } else {
                                let k = utf8Length(p)
                                if k == 0 {
                                    markNotUTF8(line: line)
                                    p += 1
                                } else {
                                    p += k
                                }
                            }
                        }
                        if !closed {
                            if problem == nil { problem = (.unterminatedQuote, fieldStart) }
                            if !last { aggregate.openQuoteAtChunkEnd = true }
                            vEnd = n
                        } else if p < n && b[p] != 0x2C && b[p] != 0x0A && b[p] != 0x0D {
                            if problem == nil { problem = (.textAfterClosingQuote, p) }
                            while p < n && b[p] != 0x2C && b[p] != 0x0A && b[p] != 0x0D { p += 1 }
                            vEnd = p
                        }
                    } else {
                        while true {
                            while p < n && uclass[Int(b[p])] == 0 { p += 1 }
                            if p >= n { break }
                            let c = b[p]
                            if c == 0x2C || c == 0x0A || c == 0x0D { break }
                            if c == 0x22 {
                                if problem == nil { problem = (.quoteInUnquotedField, p) }
                                p += 1
                            } else {
                                let k = utf8Length(p)
                                if k == 0 {
                                    markNotUTF8(line: line)
                                    p += 1
                                } else {
                                    p += k
                                }
                            }
                        }
                        vEnd = p
                    }
                    if fieldCount < capacity {
                        rawStart[fieldCount] = fieldStart
                        rawEnd[fieldCount] = p
                        valueStart[fieldCount] = vStart
                        valueEnd[fieldCount] = vEnd
                        flags[fieldCount] = flag
                    }
                    fieldCount += 1
                    if p < n && b[p] == 0x2C {
                        p += 1
                        continue
                    }
                    if p < n {
                        if b[p] == 0x0D && p + 1 < n && b[p + 1] == 0x0A { p += 2 } else { p += 1 }
                        line += 1
                    }
                    break
                }
                if fieldCount == 1 && valueEnd[0] == valueStart[0] && flags[0] == 0 { continue }  // blank line
                if problem == nil && isSpace(valueStart[0], valueEnd[0])
                    && emptyRow(fieldCount, recordStart: recordStart, recordEnd: p)
                {
                    continue  // only empty cells (`,,,,`): skipped and not counted, as CSVRecord.isEmptyRow
                }
                row(
                    recordStart: recordStart, recordEnd: p, line: recordLine, fieldCount: fieldCount, problem: problem,
                    lastSessionStart: &lastSessionStart, lastSessionLength: &lastSessionLength,
                    lastSession: &lastSession)
            }
        }
        flush()
        aggregate.chunkLines[chunkIndex] = line
        return aggregate.read - readBefore
    }

    // MARK: Rows

    /// Whether `b[s..<e]` is only spaces and tabs (or empty).
    @inline(__always)
    private func isSpace(_ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            if b[i] != 0x20 && b[i] != 0x09 { return false }
            i += 1
        }
        return true
    }

    /// A record of only empty or blank cells. Cells past the buffers (a row wider than the
    /// header) are checked on the raw bytes: commas, spaces and tabs only.
    private func emptyRow(_ fieldCount: Int, recordStart: Int, recordEnd: Int) -> Bool {
        let stored = min(fieldCount, capacity)
        for f in 0..<stored where !isSpace(valueStart[f], valueEnd[f]) || flags[f] & 2 != 0 { return false }
        guard fieldCount > stored else { return true }
        var i = rawEnd[stored - 1]
        while i < recordEnd && b[i] != 0x0A && b[i] != 0x0D {
            if b[i] != 0x2C && b[i] != 0x20 && b[i] != 0x09 { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    private func trimmed(_ f: Int) -> (Int, Int) {
        var s = valueStart[f]
        var e = valueEnd[f]
        while s < e && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
        while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
        return (s, e)
    }

    /// True when a trimmed value starts and ends with printable ASCII (or is empty), so that the
    /// fast path's trimming agrees with `trimmingSpaces` (which also trims NBSP and line breaks).
    @inline(__always)
    private func plain(_ s: Int, _ e: Int) -> Bool {
        e == s || (b[s] > 0x20 && b[s] < 0x80 && b[e - 1] > 0x20 && b[e - 1] < 0x80)
    }

    @inline(__always)
    private func signature() -> UInt64 {
        let fields = layout.detailFields
        if layout.detailContiguous {
            let s = rawStart[fields[0]]
            let e = rawEnd[fields[fields.count - 1]]
            return attendanceHash(b + s, e - s)
        }
        var h: UInt64 = 0
        for f in fields {
            h = attendanceMix(h ^ attendanceHash(b + rawStart[f], rawEnd[f] - rawStart[f]))
        }
        return h
    }

    @inline(__always)
    private mutating func row(
        recordStart: Int, recordEnd: Int, line: Int32, fieldCount: Int, problem: (kind: CSVProblem.Kind, offset: Int)?,
        lastSessionStart: inout Int, lastSessionLength: inout Int, lastSession: inout Int
    ) {
        aggregate.read += 1
        let position = ChunkPosition(chunk: chunkIndex, line: line)
        guard layout.readable else {
            reject(position, recordStart, recordEnd, problems: [], reason: "the file lacks a required column")
            return
        }
        if let problem {
            let (l, c) = locate(problem.offset, recordStart: recordStart, line: line)
            reject(
                position, recordStart, recordEnd,
                problems: [
                    .init(
                        line: l, column: c,
                        message: CSVProblem(kind: problem.kind, position: CSVPosition(line: 0, column: 0)).message)
                ],
                reason: nil)
            return
        }
        if fieldCount != layout.fieldCount {
            // A summary row is one whatever its width, as FileIngester reads it.
            if let label = summaryLabel(record(recordStart: recordStart, line: line, fieldCount: fieldCount)) {
                summaryRow(position, label)
                return
            }
            let many = fieldCount > layout.fieldCount
            var l = line
            var c: Int? = nil
            if many { (l, c) = locate(rawStart[layout.fieldCount], recordStart: recordStart, line: line) }
            reject(
                position, recordStart, recordEnd,
                problems: [
                    .init(
                        line: l, column: c,
                        message:
                            "row has \(fieldCount) field\(fieldCount == 1 ? "" : "s"); expected \(layout.fieldCount) as in the header"
                    )
                ],
                reason: nil)
            return
        }
        // Fast path: a known session whose details are byte-for-byte those of its reference row,
        // a booking word in ASCII (`AttendanceWords`), and key fields without doubled quotes.
        fast: do {
            guard layout.fastPath == .on else { break fast }
            // The delegate's table slot is likely a cache miss: start loading it now, so that the
            // session, signature and agency work below runs while it arrives.
            let (d0, d1) = trimmed(layout.delegate)
            let delegateHash = attendanceHash(b + d0, d1 - d0)
            aggregate.prefetchSink &+= aggregate.delegates.touch(hash: delegateHash)
            let sf = layout.session
            let (s0, s1) = trimmed(sf)
            guard s1 > s0, flags[sf] & 2 == 0, plain(s0, s1) else { break fast }
            let length = s1 - s0
            var s: Int
            if length == lastSessionLength && attendanceEqual(b + s0, b + lastSessionStart, length) {
                s = lastSession
            } else {
                let (id, inserted) = aggregate.sessions.intern(b + s0, length, hash: attendanceHash(b + s0, length))
                if inserted { aggregate.sessionStates.append(AttendanceAggregate.Session()) }
                s = Int(id)
                lastSessionStart = s0
                lastSessionLength = length
                lastSession = s
            }
            if s != current.session { flush() }
            let sig = signature()
            if !current.loaded {
                if !aggregate.sessionStates[s].hasReference {
                    guard
                        newSession(
                            s, sessionStart: s0, sessionLength: length, signature: sig,
                            position: ChunkPosition(chunk: chunkIndex, line: line))
                    else { break fast }
                }
                let state = aggregate.sessionStates[s]
                let (slot, group) = aggregate.place(state.details)
                let sets = aggregate.groupSets[Int(group)]
                current = CurrentSession(session: s, loaded: true, signature: state.signature, slot: slot)
                current.setCount = sets.count
                current.set0 = sets[0]
                if sets.count > 1 { current.set1 = sets[1] }
                if sets.count > 2 { current.set2 = sets[2] }
                if sets.count > 3 { current.set3 = sets[3] }
                if sets.count > 4 { current.moreSets = Array(sets[4...]) }
                current.serialDate = !aggregate.serialSessions.isEmpty && aggregate.serialSessions.contains(Int32(s))
            }
            guard current.signature == sig else { break fast }
            let (a0, a1) = trimmed(layout.attended)
            let outcome: AttendanceWords.Outcome
            if a1 - a0 == 3 && (b[a0] | 0x20) == 0x79 && (b[a0 + 1] | 0x20) == 0x65 && (b[a0 + 2] | 0x20) == 0x73 {
                outcome = .attended
            } else if a1 - a0 == 2 && (b[a0] | 0x20) == 0x6E && (b[a0 + 1] | 0x20) == 0x6F {
                outcome = .noShow
            } else if let word = AttendanceWords.outcome(b + a0, a1 - a0) {
                outcome = word
            } else {
                break fast
            }
            guard d1 > d0, flags[layout.delegate] & 2 == 0, plain(d0, d1) else { break fast }
            // A cancelled booking is a used row and nothing more, as on the checking path (whose
            // note on Excel serial dates counts every row that reads one).
            if outcome == .cancelled {
                if current.serialDate { aggregate.excelSerials.count += 1 }
                aggregate.cancelledBooking()
                return
            }
            if outcome == .stillBooked { aggregate.stillBooked += 1 }
            let attended = outcome == .attended
            // An email with capitals is keyed lower-cased (`PersonKey`), in the scratch buffer.
            let foldDelegate = PersonKey.needsFolding(b + d0, d1 - d0)
            guard !foldDelegate || d1 - d0 <= scratch.count else { break fast }
            var agency: Int32
            if layout.agency >= 0 {
                let (g0, g1) = trimmed(layout.agency)
                guard plain(g0, g1) else { break fast }
                if flags[layout.agency] & 2 == 0 {
                    agency = aggregate.agency(b + g0, g1 - g0, at: position)
                } else {
                    // Doubled quotes: the value with each "" read as ", in a scratch buffer.
                    guard g1 - g0 <= scratch.count else { break fast }
                    var k = 0
                    var i = g0
                    while i < g1 {
                        scratch[k] = b[i]
                        k += 1
                        i += b[i] == 0x22 ? 2 : 1
                    }
                    agency = aggregate.agency(UnsafePointer(scratch.baseAddress!), k, at: position)
                }
            } else {
                agency = aggregate.agency(b, 0, at: position)
            }
            // An agency that holds an email or a telephone number: the checking path rejects the row.
            guard !aggregate.agencyReachesPerson[Int(agency)] else { break fast }
            var delegate: Int32 = -1
            if attended {
                if foldDelegate {
                    for k in 0..<(d1 - d0) { scratch[k] = PersonKey.lower(b[d0 + k]) }
                    let folded = UnsafePointer(scratch.baseAddress!)
                    delegate = aggregate.delegates.intern(folded, d1 - d0, hash: attendanceHash(folded, d1 - d0)).id
                } else {
                    delegate = aggregate.delegates.intern(b + d0, d1 - d0, hash: delegateHash).id
                }
                aggregate.prefetchSink &+= aggregate.agencyPeople.touch(slot: Int(current.slot), delegate: delegate)
                current.attendances += 1
                aggregate.people.insert(delegate, into: current.set0)
                if current.setCount > 1 {
                    aggregate.people.insert(delegate, into: current.set1)
                    if current.setCount > 2 { aggregate.people.insert(delegate, into: current.set2) }
                    if current.setCount > 3 { aggregate.people.insert(delegate, into: current.set3) }
                    if current.setCount > 4 {
                        for set in current.moreSets { aggregate.people.insert(delegate, into: set) }
                    }
                }
            }
            current.registrations += 1
            aggregate.countAgency(slot: current.slot, agency: agency, delegate: delegate, attended: attended)
            return
        }
        flush()
        slowRow(position: position, recordStart: recordStart, recordEnd: recordEnd, line: line, fieldCount: fieldCount)
    }

    /// Case-insensitive ASCII comparison of `b[s..<e]` with a lowercase word.
    @inline(__always)
    private func lowerEquals(_ s: Int, _ e: Int, _ word: StaticString) -> Bool {
        guard e - s == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<(e - s) where (b[s + i] | 0x20) != w[i] { return false }
        return true
    }

    @inline(__always)
    private func digits(_ at: Int, _ count: Int) -> Int? {
        var v = 0
        for i in at..<(at + count) {
            let d = Int(b[i]) &- 0x30
            guard d >= 0 && d <= 9 else { return nil }
            v = v * 10 + d
        }
        return v
    }

    /// The first row of a session in this worker, when its details are plainly written (no doubled
    /// quotes, ISO or DD/MM/YYYY dates, known words, an already-seen priority list): parsed from bytes
    /// and made the session's reference. False sends the row to `slowRow`, which does every check.
    private mutating func newSession(
        _ s: Int, sessionStart: Int, sessionLength: Int, signature sig: UInt64, position: ChunkPosition
    ) -> Bool {
        // `Total`, `Grand total`, `Sub-total`: the checking path tells a summary row (the first two
        // letters of every label are t-o, g-r or s-u) from a session so named.
        let c0 = b[sessionStart] | 0x20
        let c1 = sessionLength > 1 ? b[sessionStart + 1] | 0x20 : 0
        if sessionLength <= 24
            && ((c0 == 0x74 && c1 == 0x6F) || (c0 == 0x67 && c1 == 0x72) || (c0 == 0x73 && c1 == 0x75))
        {
            return false
        }
        if directory.sessions.count > 0,
            directory.sessions.find(
                b + sessionStart, sessionLength, hash: attendanceHash(b + sessionStart, sessionLength)) != nil
        {
            return false
        }
        // Doubled quotes: only in a title (unescaped below); elsewhere the checking path reads them.
        for f in layout.detailFields where f != layout.title && flags[f] & 2 != 0 { return false }
        // Date.
        let (d0, d1) = trimmed(layout.date)
        var date: CalendarDate?
        if d1 - d0 == 10 {
            if b[d0 + 4] == 0x2D && b[d0 + 7] == 0x2D, let y = digits(d0, 4), let m = digits(d0 + 5, 2),
                let d = digits(d0 + 8, 2)
            {
                date = CalendarDate(year: y, month: m, day: d)
            } else if b[d0 + 2] == 0x2F && b[d0 + 5] == 0x2F, let p = digits(d0, 2), let q = digits(d0 + 3, 2),
                let y = digits(d0 + 6, 4)
            {
                // A first part over 12 can only be a day: evidence of the file's order (a second part
                // over 12 fails here either way, and the checking path records it).
                if p > 12 && q <= 12 && !layout.monthFirst {
                    aggregate.dateOrder.add(
                        String(decoding: UnsafeBufferPointer(start: b + d0, count: 10), as: UTF8.self),
                        at: position, column: 0)  // column: only its line is quoted
                }
                date =
                    layout.monthFirst
                    ? CalendarDate(year: y, month: p, day: q) : CalendarDate(year: y, month: q, day: p)
            }
        }
        guard let date else { return false }
        // Title: as RowReader reads it, so no tab, no-break space (C2 A0) or run of spaces inside;
        // each "" read as ", in the scratch buffer.
        let (t0, t1) = trimmed(layout.title)
        guard t1 > t0, plain(t0, t1), t1 - t0 <= scratch.count else { return false }
        var titleLength = 0
        var i = t0
        while i < t1 {
            let c = b[i]
            if c == 0x09 || (c == 0xC2 && b[i + 1] == 0xA0) || (c == 0x20 && b[i + 1] == 0x20) { return false }
            scratch[titleLength] = c
            titleLength += 1
            i += c == 0x22 && flags[layout.title] & 2 != 0 ? 2 : 1
        }
        // A title that holds an email or a telephone number: the checking path rejects the row.
        guard
            !PersonalText.reachesPerson(
                String(decoding: UnsafeBufferPointer(start: scratch.baseAddress!, count: titleLength), as: UTF8.self))
        else { return false }
        // Kind and format.
        var kind = TrainingEvent.Kind.course
        if layout.kind >= 0 {
            let (k0, k1) = trimmed(layout.kind)
            if k1 > k0 {
                if lowerEquals(k0, k1, "conference") {
                    kind = .conference
                } else if !lowerEquals(k0, k1, "course") {
                    return false
                }
            }
        }
        var format: TrainingEvent.Format?
        if layout.format >= 0 {
            let (f0, f1) = trimmed(layout.format)
            if f1 > f0 {
                if lowerEquals(f0, f1, "virtual") {
                    format = .virtual
                } else if lowerEquals(f0, f1, "face-to-face") {
                    format = .faceToFace
                } else {
                    return false
                }
            }
        }
        // Priorities: a list this worker has already parsed, without unknown names.
        var list: Int32
        if layout.priorities >= 0 {
            let (p0, p1) = trimmed(layout.priorities)
            guard plain(p0, p1),
                let id = aggregate.listTexts.find(b + p0, p1 - p0, hash: attendanceHash(b + p0, p1 - p0))
            else { return false }
            list = id
        } else {
            guard let id = aggregate.listTexts.find([]) else { return false }
            list = id
        }
        guard aggregate.lists[Int(list)].problems.isEmpty else { return false }
        let canonical = aggregate.listCanonical[Int(list)]
        let titleBytes = UnsafePointer(scratch.baseAddress!)
        let title = aggregate.titles.intern(titleBytes, titleLength, hash: attendanceHash(titleBytes, titleLength)).id
        setReference(
            s, SessionDetails(date: date, title: title, kind: kind, format: format, priorities: canonical),
            signature: sig, position: position)
        return true
    }

    private mutating func setReference(_ s: Int, _ details: SessionDetails, signature: UInt64, position: ChunkPosition)
    {
        var state = aggregate.sessionStates[s]
        state.signature = signature
        state.details = details
        state.reference = position
        aggregate.sessionStates[s] = state
    }

    /// Line (relative to the chunk) and character column of byte `offset` in a record.
    private func locate(_ offset: Int, recordStart: Int, line: Int32) -> (Int32, Int) {
        var l = line
        var lineStart = recordStart
        var i = recordStart
        while i < offset {
            if b[i] == 0x0A || (b[i] == 0x0D && !(i + 1 < n && b[i + 1] == 0x0A)) {
                l += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        i = lineStart
        while i < offset {
            if b[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (l, column)
    }

    /// Field `f` as CSVReader gives it: the text inside the quotes, each `""` read as `"`.
    private func field(_ f: Int) -> String {
        let raw = String(
            decoding: UnsafeBufferPointer(start: b + valueStart[f], count: valueEnd[f] - valueStart[f]), as: UTF8.self)
        return flags[f] & 2 != 0 ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// An identifier (session or delegate id) trimmed but not otherwise changed, as the fast
    /// path reads it from the bytes; nil when blank.
    private func identifier(_ f: Int) -> String? {
        guard f >= 0 else { return nil }
        let value = field(f).trimmingSpaces
        return value.isEmpty ? nil : value
    }

    /// The record as `CSVReader` reads it (lines relative to the chunk), for `RowReader`.
    private func record(recordStart: Int, line: Int32, fieldCount: Int) -> CSVRecord {
        var record = CSVRecord(line: Int(line))
        var l = line
        var column = 1
        var i = recordStart
        for f in 0..<min(fieldCount, capacity) {
            while i < rawStart[f] {
                if b[i] == 0x0A || (b[i] == 0x0D && !(i + 1 < n && b[i + 1] == 0x0A)) {
                    l += 1
                    column = 1
                } else if b[i] & 0xC0 != 0x80 && b[i] != 0x0D {
                    column += 1
                }
                i += 1
            }
            record.fields.append(field(f))
            record.positions.append(CSVPosition(line: Int(l), column: column))
            record.quoted.append(flags[f] & 1 != 0)
        }
        return record
    }

    /// The summary label (`Total`, `Grand total` …) in any cell of the record, as `ControlTotals`
    /// finds it; nil for a record.
    private func summaryLabel(_ record: CSVRecord) -> String? {
        record.fields.first { $0.utf8.count <= 24 && ControlTotals.isSummaryLabel($0) }.map(\.trimmingSpaces)
    }

    /// A summary row: read, counted apart, noted (the first `keepLimit` of each file).
    private mutating func summaryRow(_ position: ChunkPosition, _ label: String) {
        aggregate.controlTotals += 1
        if aggregate.summaryRows.count < keepLimit { aggregate.summaryRows.append((position, label)) }
    }

    // The words the register accepts for `kind` and `format` are training's (`DatasetParsers`),
    // and for `attended` SPEC's booking values (`AttendanceWords`).

    /// Every check, by `RowReader` as for every other dataset: for rows the fast path does not
    /// take (new or differently written session details, unusual values, and every row with a
    /// problem). Session and delegate ids are then read as the fast path reads them, trimmed
    /// only, so that one id is one key whichever path reads it.
    private mutating func slowRow(
        position: ChunkPosition, recordStart: Int, recordEnd: Int, line: Int32, fieldCount: Int
    ) {
        aggregate.slowRows += 1
        let record = record(recordStart: recordStart, line: line, fieldCount: fieldCount)
        if let label = summaryLabel(record) {
            summaryRow(position, label)
            return
        }
        var row = RowReader(file: layout.fileName, record: record, header: layout.header, schema: layout.schema)
        if layout.monthFirst && layout.date >= 0 { row.monthFirst = [layout.date] }
        let sessionGiven = row.required("session_id", "the session's id from the booking system")
        let date = row.date("date")
        if layout.date >= 0, layout.date < record.fields.count {
            aggregate.dateOrder.add(
                record.fields[layout.date],
                at: ChunkPosition(chunk: chunkIndex, line: Int32(record.positions[layout.date].line)),
                column: record.positions[layout.date].column)
        }
        let title = row.requiredLabel("title", "the course or conference name")
        let kind = row.choice("kind", DatasetParsers.kinds, default: .course)
        var listOK = true
        let listText = row.text("priorities") ?? ""
        let (list, inserted) = aggregate.listTexts.intern(Array(listText.utf8))
        if inserted {
            let parsed = PriorityList(text: listText, catalog: priorities)
            aggregate.lists.append(parsed)
            aggregate.listFirst.append(position)
            aggregate.listCanonical.append(aggregate.canonicals.intern(Array(parsed.canonical.utf8)).id)
        }
        for problem in aggregate.lists[Int(list)].problems {
            listOK = false
            row.fail("priorities", problem)
        }
        let formatGiven = row.text("format") != nil
        let format = formatGiven ? row.choice("format", DatasetParsers.formats, default: nil) : nil
        let formatOK = !formatGiven || format != nil
        let delegateColumn = layout.delegate == layout.email ? "email" : "delegate_id"
        let delegateGiven = row.text("delegate_id") ?? row.text("email")
        if delegateGiven == nil {
            row.fail(
                delegateColumn,
                "missing \(delegateColumn); expected \(delegateColumn == "email" ? "the delegate's email" : "the delegate's id from the booking system")"
            )
        }
        let outcome = AttendanceWords.read(&row)
        if let agency = row.text("agency"), PersonalText.reachesPerson(agency) {
            row.fail("agency", RowReader.personalLabel("agency", expected: "the delegate's agency"))
        }
        for serial in row.excelSerials {
            let (l, c) = (Int32(serial.position.line), serial.position.column)
            aggregate.excelSerials.add(
                at: ChunkPosition(chunk: chunkIndex, line: l), column: c, raw: serial.raw, date: serial.date)
        }
        var problems = row.problems.map {
            PendingRejection.Problem(line: Int32($0.line), column: $0.column, message: $0.message)
        }
        func fail(_ f: Int, _ message: String, reference: Int32) {
            let p = row.record.positions[f]
            problems.append(.init(line: Int32(p.line), column: p.column, message: message, referenceSession: reference))
        }

        var session = -1
        if sessionGiven != nil, let sessionID = identifier(layout.session), let date, let title, let kind, listOK,
            formatOK
        {
            let canonical = aggregate.listCanonical[Int(list)]
            let details = SessionDetails(
                date: date, title: aggregate.titles.intern(Array(title.utf8)).id, kind: kind,
                format: format, priorities: canonical)
            let (id, inserted) = aggregate.sessions.intern(Array(sessionID.utf8))
            if inserted { aggregate.sessionStates.append(AttendanceAggregate.Session()) }
            session = Int(id)
            if !aggregate.sessionStates[session].hasReference {
                var matches = true
                if let g = directory.sessions.find(Array(sessionID.utf8)) {
                    let ref = directory.strings(directory.details[Int(g)])
                    let mine = (
                        date: date, title: title, kind: kind, format: format,
                        canonical: aggregate.canonicals.string(canonical)
                    )
                    if let (f, message) = mismatch(sessionID, mine, ref) {
                        matches = false
                        fail(f, message, reference: Int32(session))
                    }
                }
                if matches {
                    setReference(session, details, signature: signature(), position: position)
                    if row.excelSerials.contains(where: { $0.column == "date" }) {
                        aggregate.serialSessions.insert(Int32(session))
                    }
                }
            } else if aggregate.sessionStates[session].details != details {
                let ref = aggregate.sessionStates[session].details
                let theirs = (
                    date: ref.calendarDate, title: aggregate.titles.string(ref.title), kind: ref.eventKind,
                    format: ref.eventFormat, canonical: aggregate.canonicals.string(ref.priorities)
                )
                let mine = (
                    date: date, title: title, kind: kind, format: format,
                    canonical: aggregate.canonicals.string(canonical)
                )
                if let (f, message) = mismatch(sessionID, mine, theirs) { fail(f, message, reference: Int32(session)) }
            }
        }
        guard problems.isEmpty, session >= 0, let delegate = identifier(layout.delegate) ?? identifier(layout.email),
            let outcome
        else {
            if problems.isEmpty { problems.append(.init(line: line, column: nil, message: "row could not be read")) }
            reject(position, recordStart, recordEnd, problems: problems, reason: nil)
            return
        }
        if outcome == .cancelled {
            aggregate.cancelledBooking()
            return
        }
        if outcome == .stillBooked { aggregate.stillBooked += 1 }
        let attended = outcome == .attended
        let agencyBytes = Array((identifier(layout.agency) ?? "").utf8)
        let agency = agencyBytes.withUnsafeBufferPointer { a in
            aggregate.agency(a.baseAddress ?? UnsafePointer(bitPattern: 1)!, a.count, at: position)
        }
        var delegateID: Int32 = -1
        if attended { delegateID = aggregate.delegates.intern(Array(PersonKey.key(delegate).utf8)).id }
        aggregate.count(session: session, agency: agency, delegate: delegateID, attended: attended)
    }

    typealias Details = (
        date: CalendarDate, title: String, kind: TrainingEvent.Kind, format: TrainingEvent.Format?, canonical: String
    )

    /// The first difference between a row's session details and its reference row's, as a located message.
    private func mismatch(_ session: String, _ mine: Details, _ ref: Details) -> (Int, String)? {
        func message(_ what: String, _ here: String, _ there: String) -> String {
            "session '\(RowReader.shown(session))' has \(what) \(here) here but \(there) at \(attendanceReferencePlaceholder); expected the same date, title, kind, priorities and format on every row of a session"
        }
        func list(_ canonical: String) -> String {
            canonical.isEmpty ? "none" : "'" + canonical.split(separator: "\u{1F}").joined(separator: "; ") + "'"
        }
        if mine.date != ref.date { return (layout.date, message("date", mine.date.description, ref.date.description)) }
        if mine.title != ref.title {
            return (
                layout.title, message("title", "'\(RowReader.shown(mine.title))'", "'\(RowReader.shown(ref.title))'")
            )
        }
        if mine.kind != ref.kind { return (layout.kind, message("kind", mine.kind.rawValue, ref.kind.rawValue)) }
        if mine.canonical != ref.canonical {
            return (layout.priorities, message("priorities", list(mine.canonical), list(ref.canonical)))
        }
        if mine.format != ref.format {
            return (layout.format, message("format", mine.format?.rawValue ?? "none", ref.format?.rawValue ?? "none"))
        }
        return nil
    }

    private mutating func reject(
        _ position: ChunkPosition, _ recordStart: Int, _ recordEnd: Int, problems: [PendingRejection.Problem],
        reason: String?
    ) {
        aggregate.rejected += 1
        guard aggregate.rejections.count < keepLimit else {
            aggregate.rejectionsNotKept += 1
            return
        }
        var end = recordEnd
        while end > recordStart && (b[end - 1] == 0x0A || b[end - 1] == 0x0D) { end -= 1 }
        var reader = CSVReader(bytes: Array(UnsafeBufferPointer(start: b + recordStart, count: end - recordStart)))
        let fields = layout.withholding.apply(reader.next()?.fields ?? [])
        aggregate.rejections.append(
            PendingRejection(position: position, problems: problems, reason: reason, fields: fields))
    }
}
