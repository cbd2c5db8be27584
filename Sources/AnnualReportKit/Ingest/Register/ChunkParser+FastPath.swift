import Foundation

// The fast path: a row of a session already read, checked and counted from its bytes.

extension ChunkParser {
    @inline(__always)
    mutating func row(
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
}
