import Foundation

// The fast path: a row of a session already read, checked and counted from its bytes.

extension ChunkParser {
    /// The session of the previous fast-path row: rows come grouped by session, so most rows'
    /// session is found by comparing bytes, without hashing.
    struct LastSession {
        var start = -1
        var length = -1
        var session = -1
    }

    /// One record: rejected when malformed, else counted by the fast path when it takes it, else
    /// checked by `slowRow`.
    @inline(__always)
    mutating func row(
        recordStart: Int, recordEnd: Int, line: Int32, fieldCount: Int, problem: (kind: CSVProblem.Kind, offset: Int)?,
        last: inout LastSession
    ) {
        aggregate.read += 1
        let position = ChunkPosition(chunk: chunkIndex, line: line)
        if !layout.readable || problem != nil || fieldCount != layout.fieldCount {
            malformedRow(
                position: position, recordStart: recordStart, recordEnd: recordEnd, line: line, fieldCount: fieldCount,
                problem: problem)
            return
        }
        // Fast path: a known session whose details are byte-for-byte those of its reference row,
        // a booking word in ASCII (`AttendanceWords`), and key fields without doubled quotes.
        if layout.fastPath == .on && fastRow(position: position, last: &last) { return }
        flush()
        slowRow(position: position, recordStart: recordStart, recordEnd: recordEnd, line: line, fieldCount: fieldCount)
    }

    /// A row of a file that lacks a required column, a row the CSV reading found a problem in, or
    /// a row of the wrong width (unless it is a summary row): rejected.
    @inline(never)
    private mutating func malformedRow(
        position: ChunkPosition, recordStart: Int, recordEnd: Int, line: Int32, fieldCount: Int,
        problem: (kind: CSVProblem.Kind, offset: Int)?
    ) {
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
    }

    /// Counts the row from its bytes when the fast path can take it; false (nothing counted) sends
    /// it to the checking path.
    @inline(__always)
    private mutating func fastRow(position: ChunkPosition, last: inout LastSession) -> Bool {
        // The delegate's table slot is likely a cache miss: start loading it now, so that the
        // session, signature and agency work below runs while it arrives.
        let (d0, d1) = trimmed(layout.delegate)
        let delegateHash = attendanceHash(b + d0, d1 - d0)
        aggregate.prefetchSink &+= aggregate.delegates.touch(hash: delegateHash)
        let sf = layout.session
        let (s0, s1) = trimmed(sf)
        guard s1 > s0, flags[sf] & 2 == 0, plain(s0, s1) else { return false }
        let s = session(s0, s1 - s0, last: &last)
        if s != current.session { flush() }
        let sig = signature()
        if !current.loaded {
            guard
                loadSession(s, sessionStart: s0, sessionLength: s1 - s0, signature: sig, position: position)
            else { return false }
        }
        guard current.signature == sig, let outcome = bookingOutcome() else { return false }
        guard d1 > d0, flags[layout.delegate] & 2 == 0, plain(d0, d1) else { return false }
        // A cancelled booking is a used row and nothing more, as on the checking path (whose
        // note on Excel serial dates counts every row that reads one).
        if outcome == .cancelled {
            if current.serialDate { aggregate.excelSerials.count += 1 }
            aggregate.cancelledBooking()
            return true
        }
        if outcome == .stillBooked { aggregate.stillBooked += 1 }
        let attended = outcome == .attended
        // An email with capitals is keyed lower-cased (`PersonKey`), in the scratch buffer.
        let foldDelegate = PersonKey.needsFolding(b + d0, d1 - d0)
        guard !foldDelegate || d1 - d0 <= scratch.count else { return false }
        guard let agency = fastAgency(position: position) else { return false }
        // An agency that holds an email or a telephone number: the checking path rejects the row.
        guard !aggregate.agencyReachesPerson[Int(agency)] else { return false }
        var delegate: Int32 = -1
        if attended {
            delegate = countAttendee(d0, d1, hash: delegateHash, fold: foldDelegate)
        }
        current.registrations += 1
        aggregate.countAgency(slot: current.slot, agency: agency, delegate: delegate, attended: attended)
        return true
    }

    /// The worker's id of the session `b[s0..<s0 + length]`: the last row's when the bytes are
    /// the same, else looked up (and added when new).
    @inline(__always)
    private mutating func session(_ s0: Int, _ length: Int, last: inout LastSession) -> Int {
        if length == last.length && attendanceEqual(b + s0, b + last.start, length) { return last.session }
        let (id, inserted) = aggregate.sessions.intern(b + s0, length, hash: attendanceHash(b + s0, length))
        if inserted { aggregate.sessionStates.append(AttendanceAggregate.Session()) }
        last = LastSession(start: s0, length: length, session: Int(id))
        return Int(id)
    }

    /// Makes `s` the current session: its reference first when it has none (`newSession`), then
    /// its slot and people sets. False when its first row is not plainly written.
    private mutating func loadSession(
        _ s: Int, sessionStart: Int, sessionLength: Int, signature sig: UInt64, position: ChunkPosition
    ) -> Bool {
        if !aggregate.sessionStates[s].hasReference {
            guard
                newSession(
                    s, sessionStart: sessionStart, sessionLength: sessionLength, signature: sig, position: position)
            else { return false }
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
        return true
    }

    /// The booking word: yes and no compared inline, others by `AttendanceWords`; nil when unknown.
    @inline(__always)
    private func bookingOutcome() -> AttendanceWords.Outcome? {
        let (a0, a1) = trimmed(layout.attended)
        if a1 - a0 == 3 && (b[a0] | 0x20) == 0x79 && (b[a0 + 1] | 0x20) == 0x65 && (b[a0 + 2] | 0x20) == 0x73 {
            return .attended
        } else if a1 - a0 == 2 && (b[a0] | 0x20) == 0x6E && (b[a0 + 1] | 0x20) == 0x6F {
            return .noShow
        }
        return AttendanceWords.outcome(b + a0, a1 - a0)
    }

    /// The worker's id of the row's agency (empty when there is no such column); nil when the
    /// fast path cannot read it.
    @inline(__always)
    private mutating func fastAgency(position: ChunkPosition) -> Int32? {
        guard layout.agency >= 0 else { return aggregate.agency(b, 0, at: position) }
        let (g0, g1) = trimmed(layout.agency)
        guard plain(g0, g1) else { return nil }
        if flags[layout.agency] & 2 == 0 { return aggregate.agency(b + g0, g1 - g0, at: position) }
        // Doubled quotes: the value with each "" read as ", in a scratch buffer.
        guard g1 - g0 <= scratch.count else { return nil }
        var k = 0
        var i = g0
        while i < g1 {
            scratch[k] = b[i]
            k += 1
            i += b[i] == 0x22 ? 2 : 1
        }
        return aggregate.agency(UnsafePointer(scratch.baseAddress!), k, at: position)
    }

    /// Adds an attending delegate `b[d0..<d1]` (lower-cased when `fold`) to the current session's
    /// people sets; returns the delegate's id.
    @inline(__always)
    private mutating func countAttendee(_ d0: Int, _ d1: Int, hash delegateHash: UInt64, fold: Bool) -> Int32 {
        let delegate: Int32
        if fold {
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
        return delegate
    }
}
