#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The accumulators of the attendance register, xsv-style: small value types that one
// worker fills from its chunks and that merge into one. Memory grows with the number of
// distinct keys (sessions, delegates, agencies, priority lists, years), never with rows.

// MARK: - One worker's accumulator

/// A row that was rejected, located within the pass; lines are fixed up at the merge.
struct PendingRejection: Sendable {
    struct Problem: Sendable {
        var line: Int32  // relative to the chunk
        var column: Int?
        var message: String
        /// For a session whose details differ: the local session whose reference row the message names.
        var referenceSession: Int32 = -1
    }
    var position: ChunkPosition
    var problems: [Problem]
    var reason: String?  // when there are no diagnostics (the file lacks a column)
    var fields: [String]
}

/// Dates the slow path read as Excel serial numbers (`44830`): how many, and the first, for
/// the file's note (the note every dataset gives).
struct ExcelSerials: Sendable {
    var count = 0
    var first: (position: ChunkPosition, column: Int, raw: String, date: CalendarDate)?

    mutating func add(at position: ChunkPosition, column: Int, raw: String, date: CalendarDate) {
        merge(ExcelSerials(count: 1, first: (position, column, raw, date)))
    }

    mutating func merge(_ other: ExcelSerials) {
        count += other.count
        if let f = other.first, first == nil || f.position < first!.position { first = f }
    }
}

/// What a register's dates say of their day/month order (`DateOrder` for the other datasets):
/// the first date that can only be day-first and the first that can only be month-first.
/// Mergeable, so each worker keeps its own and the file's is the earliest of each.
struct DateOrderEvidence: Sendable {
    typealias Example = (position: ChunkPosition, column: Int, raw: String)
    var onlyDay: Example?
    var onlyMonth: Example?

    mutating func add(_ raw: String, at position: ChunkPosition, column: Int) {
        guard let (day, month) = DateOrder.fits(raw), day != month else { return }
        if day, onlyDay == nil || position < onlyDay!.position { onlyDay = (position, column, raw) }
        if month, onlyMonth == nil || position < onlyMonth!.position { onlyMonth = (position, column, raw) }
    }

    mutating func merge(_ other: DateOrderEvidence) {
        if let o = other.onlyDay, onlyDay == nil || o.position < onlyDay!.position { onlyDay = o }
        if let o = other.onlyMonth, onlyMonth == nil || o.position < onlyMonth!.position { onlyMonth = o }
    }
}

/// Placeholder in a message for the location of a session's reference row, filled in at the merge.
let attendanceReferencePlaceholder = "\u{1}REF\u{1}"

/// Everything one worker learned from the chunks it parsed. Mergeable (see `AttendanceTotals.merge`).
struct AttendanceAggregate: Sendable {
    /// 40 bytes per session and worker. Its year slot and group of people sets follow from
    /// `details` and are looked up (`place`) when a run of its rows starts.
    struct Session: Sendable {
        var signature: UInt64 = 0
        var details = SessionDetails(
            date: CalendarDate(year: 2000, month: 1, day: 1)!, title: -1, kind: .course, format: nil, priorities: -1)
        /// The reference row: the first whose session details are valid (chunk -1 until there is one).
        var reference = ChunkPosition(chunk: -1, line: -1)
        var registrations: Int32 = 0
        var attendances: Int32 = 0
        var hasReference: Bool { reference.chunk >= 0 }
    }

    struct AgencyYear: Sendable {
        var attendances: Int64 = 0
        var registrations: Int64 = 0
    }

    // Small to start, doubling as they fill (see `AttendanceTotals.delegates`): one per worker.
    var sessions = ByteInterner(capacity: 1 << 8)
    var sessionStates = PagedArray<Session>()
    var delegates = ByteInterner(capacity: 1 << 10)
    /// Agency spellings as written (trimmed) -> first position.
    var agencies = ByteInterner(capacity: 64)
    var agencyFirst: [ChunkPosition] = []
    /// By agency id: whether the spelling holds an email or a telephone number (its rows are rejected).
    var agencyReachesPerson: [Bool] = []
    /// `agencyYearIndex[agency * yearStride + slot]`: index into `agencyYears`, or -1.
    var agencyYearIndex: [Int32] = []
    var yearStride = 8
    var agencyYears: [AgencyYear] = []
    var titles = ByteInterner(capacity: 256)
    /// Distinct `priorities` cells as written (trimmed).
    var listTexts = ByteInterner(capacity: 64)
    var lists: [PriorityList] = []
    var listFirst: [ChunkPosition] = []
    /// Canonical priority sets: `lists[i]` has canonical id `listCanonical[i]`.
    var canonicals = ByteInterner(capacity: 64)
    var listCanonical: [Int32] = []
    var years: [Int] = []  // start year by slot
    var yearSets: [Int32] = []  // people per year slot
    /// Priority keys (`PriorityCatalog.key`) seen in priority lists.
    var keys = ByteInterner(capacity: 16)
    /// (year slot << 32 | key) -> people who attended a session tagged with it that year.
    var keySets: [Int64: Int32] = [:]
    /// (year slot << 32 | canonical list) -> index into `groupSets`.
    var groups: [Int64: Int32] = [:]
    /// Per group: the year's set, then one set per priority key of the list.
    var groupSets: [[Int32]] = []
    var people = BitsetStore()
    var agencyPeople = AgencyPeople()

    var read = 0, used = 0, rejected = 0
    /// Used rows still booked after their session (no-shows) and cancelled bookings, for notes.
    var stillBooked = 0, cancelledBookings = 0
    /// Summary rows (`Total` …): read, not records, counted apart (`FileLedger.controlTotals`).
    var controlTotals = 0
    /// The first of them (up to the rejection limit), for a note each.
    var summaryRows: [(position: ChunkPosition, label: String)] = []
    var excelSerials = ExcelSerials()
    /// Dates that can be read in one order only (see `DateOrderEvidence`).
    var dateOrder = DateOrderEvidence()
    /// Sessions whose reference row's date is an Excel serial: the fast path's rows of them,
    /// byte for byte the reference's details, are counted into `excelSerials` too.
    var serialSessions = Set<Int32>()
    /// Sink for prefetching loads (see `ByteInterner.touch`).
    var prefetchSink: UInt32 = 0
    /// Rows that took the String-based path (new or unusually written sessions, problems).
    var slowRows = 0
    var chunkLines: [Int32: Int32] = [:]
    var rejections: [PendingRejection] = []
    var rejectionsNotKept = 0
    /// Set when a chunk other than the last ended inside a quoted field: the chunk boundaries were
    /// cut without regard to quotes, and this one fell inside a field with a line break.
    var openQuoteAtChunkEnd = false
    /// Set when the pass must be redone: bytes that are not UTF-8 (or NUL) were found.
    var notUTF8: ChunkPosition?

    mutating func yearSlot(_ startYear: Int) -> Int32 {
        if let i = years.firstIndex(of: startYear) { return Int32(i) }
        years.append(startYear)
        yearSets.append(people.make())
        if years.count > yearStride {
            let stride = yearStride * 2
            var index = [Int32](repeating: -1, count: agencies.count * stride)
            for a in 0..<agencies.count {
                for y in 0..<yearStride { index[a * stride + y] = agencyYearIndex[a * yearStride + y] }
            }
            agencyYearIndex = index
            yearStride = stride
        }
        return Int32(years.count - 1)
    }

    /// The id of an agency spelling, adding it if new.
    @inline(__always)
    mutating func agency(_ p: UnsafePointer<UInt8>, _ n: Int, at position: ChunkPosition) -> Int32 {
        let (id, inserted) = agencies.intern(p, n, hash: attendanceHash(p, n))
        if inserted {
            agencyReachesPerson.append(
                PersonalText.reachesPerson(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)))
            agencyFirst.append(position)
            agencyYearIndex.append(contentsOf: repeatElement(-1, count: yearStride))
        }
        return id
    }

    /// The group of people sets for sessions of a year slot and canonical priority list.
    mutating func group(slot: Int32, canonical: Int32) -> Int32 {
        let key = Int64(slot) << 32 | Int64(canonical)
        if let g = groups[key] { return g }
        var sets = [yearSets[Int(slot)]]
        let text = canonicals.string(canonical)
        for item in text.split(separator: "\u{1F}") {
            let k = keys.intern(Array(item.utf8)).id
            let setKey = Int64(slot) << 32 | Int64(k)
            if let existing = keySets[setKey] {
                sets.append(existing)
            } else {
                let s = people.make()
                keySets[setKey] = s
                sets.append(s)
            }
        }
        groupSets.append(sets)
        groups[key] = Int32(groupSets.count - 1)
        return Int32(groupSets.count - 1)
    }

    /// A used row of a session whose figures the parser keeps in locals (see `ChunkParser.flush`):
    /// the agency's counts and people (the caller adds the delegate to the session's group of sets).
    @inline(__always)
    mutating func countAgency(slot: Int16, agency: Int32, delegate: Int32, attended: Bool) {
        used += 1
        let at = Int(agency) &* yearStride &+ Int(slot)
        var index = agencyYearIndex[at]
        if index < 0 {
            index = Int32(agencyYears.count)
            agencyYearIndex[at] = index
            agencyYears.append(AgencyYear())
        }
        agencyYears[Int(index)].registrations += 1
        guard attended else { return }
        agencyYears[Int(index)].attendances += 1
        agencyPeople.add(slot: Int(slot), delegate: delegate, agency: agency)
    }

    /// A used row whose booking was cancelled: not a registration, so it counts nowhere else.
    mutating func cancelledBooking() {
        used += 1
        cancelledBookings += 1
    }

    /// The year slot and group of people sets of a session with a reference row.
    mutating func place(_ details: SessionDetails) -> (slot: Int16, group: Int32) {
        let slot = yearSlot(FinancialYear(containing: details.calendarDate).startYear)
        return (Int16(slot), group(slot: slot, canonical: details.priorities))
    }

    /// A used row, counted straight into the session (the slow path).
    mutating func count(session s: Int, agency: Int32, delegate: Int32, attended: Bool) {
        var state = sessionStates[s]
        state.registrations += 1
        if attended { state.attendances += 1 }
        sessionStates[s] = state
        let (slot, group) = place(state.details)
        countAgency(slot: slot, agency: agency, delegate: delegate, attended: attended)
        if attended { for set in groupSets[Int(group)] { people.insert(delegate, into: set) } }
    }
}
