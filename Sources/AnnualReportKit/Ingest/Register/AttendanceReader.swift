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
    func utf8Length(_ i: Int) -> Int {
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

    /// Parses the chunk's records into the accumulator; returns the rows read.
    mutating func run() -> Int {
        let readBefore = aggregate.read
        var last = LastSession()
        var p = 0
        var line: Int32 = 0
        let uclass = Self.unquotedClass
        let qclass = Self.quotedClass
        while p < n {
            let recordStart = p
            let recordLine = line
            let (fieldCount, problem) = scanRecord(&p, line: &line, uclass: uclass, qclass: qclass)
            if fieldCount == 1 && valueEnd[0] == valueStart[0] && flags[0] == 0 { continue }  // blank line
            if problem == nil && isSpace(valueStart[0], valueEnd[0])
                && emptyRow(fieldCount, recordStart: recordStart, recordEnd: p)
            {
                continue  // only empty cells (`,,,,`): skipped and not counted, as CSVRecord.isEmptyRow
            }
            row(
                recordStart: recordStart, recordEnd: p, line: recordLine, fieldCount: fieldCount, problem: problem,
                last: &last)
        }
        flush()
        aggregate.chunkLines[chunkIndex] = line
        return aggregate.read - readBefore
    }

    /// Reads the record at `p` into the field buffers, leaving `p` after its line break; returns its
    /// field count and its first CSV problem.
    @inline(__always)
    private mutating func scanRecord(
        _ p: inout Int, line: inout Int32, uclass: UnsafePointer<UInt8>, qclass: UnsafePointer<UInt8>
    ) -> (Int, (kind: CSVProblem.Kind, offset: Int)?) {
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
                vEnd = scanQuoted(
                    &p, line: &line, flag: &flag, problem: &problem, fieldStart: fieldStart, qclass: qclass)
            } else {
                scanUnquoted(&p, line: line, problem: &problem, uclass: uclass)
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
            return (fieldCount, problem)
        }
    }

    /// Reads a quoted field's value from `p` (after its opening quote) to past its closing quote
    /// (and any text after it); returns where the value ends. Line breaks inside count in `line`.
    @inline(__always)
    private mutating func scanQuoted(
        _ p: inout Int, line: inout Int32, flag: inout UInt8, problem: inout (kind: CSVProblem.Kind, offset: Int)?,
        fieldStart: Int, qclass: UnsafePointer<UInt8>
    ) -> Int {
        var vEnd = p
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
                skipNonASCII(&p, line: line)
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
        return vEnd
    }

    /// Moves `p` to the end of an unquoted field (the comma or line break after it, or the chunk's end).
    @inline(__always)
    private mutating func scanUnquoted(
        _ p: inout Int, line: Int32, problem: inout (kind: CSVProblem.Kind, offset: Int)?, uclass: UnsafePointer<UInt8>
    ) {
        while true {
            while p < n && uclass[Int(b[p])] == 0 { p += 1 }
            if p >= n { return }
            let c = b[p]
            if c == 0x2C || c == 0x0A || c == 0x0D { return }
            if c == 0x22 {
                if problem == nil { problem = (.quoteInUnquotedField, p) }
                p += 1
            } else {
                skipNonASCII(&p, line: line)
            }
        }
    }

    /// Steps over the UTF-8 sequence at `p`, or over one byte that is not UTF-8 (noted).
    @inline(__always)
    private mutating func skipNonASCII(_ p: inout Int, line: Int32) {
        let k = utf8Length(p)
        if k == 0 {
            markNotUTF8(line: line)
            p += 1
        } else {
            p += k
        }
    }

    // MARK: Rows

    /// Whether `b[s..<e]` is only spaces and tabs (or empty).
    @inline(__always)
    func isSpace(_ s: Int, _ e: Int) -> Bool {
        var i = s
        while i < e {
            if b[i] != 0x20 && b[i] != 0x09 { return false }
            i += 1
        }
        return true
    }

    /// A record of only empty or blank cells. Cells past the buffers (a row wider than the
    /// header) are checked on the raw bytes: commas, spaces and tabs only.
    func emptyRow(_ fieldCount: Int, recordStart: Int, recordEnd: Int) -> Bool {
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
    func trimmed(_ f: Int) -> (Int, Int) {
        var s = valueStart[f]
        var e = valueEnd[f]
        while s < e && (b[s] == 0x20 || b[s] == 0x09) { s += 1 }
        while e > s && (b[e - 1] == 0x20 || b[e - 1] == 0x09) { e -= 1 }
        return (s, e)
    }

    /// True when a trimmed value starts and ends with printable ASCII (or is empty), so that the
    /// fast path's trimming agrees with `trimmingSpaces` (which also trims NBSP and line breaks).
    @inline(__always)
    func plain(_ s: Int, _ e: Int) -> Bool {
        e == s || (b[s] > 0x20 && b[s] < 0x80 && b[e - 1] > 0x20 && b[e - 1] < 0x80)
    }

    @inline(__always)
    func signature() -> UInt64 {
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
}
