import Foundation

extension AttendanceTotals {
    /// Merges one pass; nil (and nothing changed) when workers disagree about a session's details.
    mutating func merge(_ pass: inout AttendancePass, limit: Int) -> Merged? {
        let prefix = pass.prefix()
        let file = Int32(pass.fileIndex)
        func at(_ p: ChunkPosition) -> (file: Int32, line: Int32) { (file, pass.line(p, prefix: prefix)) }
        func earlier(_ a: (file: Int32, line: Int32), _ b: (file: Int32, line: Int32)) -> Bool {
            (a.file, a.line) < (b.file, b.line)
        }

        // Titles and canonical lists to global ids.
        var titleMaps: [[Int32]] = []
        var canonicalMaps: [[Int32]] = []
        for w in pass.workers {
            titleMaps.append(
                (0..<w.titles.count).map { t in
                    w.titles.withKey(Int32(t)) { directory.titles.intern($0, $1, hash: w.titles.hash(Int32(t))).id }
                })
            canonicalMaps.append(
                (0..<w.canonicals.count).map { c in
                    w.canonicals.withKey(Int32(c)) {
                        directory.canonicals.intern($0, $1, hash: w.canonicals.hash(Int32(c))).id
                    }
                })
        }
        // Sessions: the workers must agree (each already agrees with earlier files). Checked against
        // the earlier workers' own tables, before anything is added to the totals.
        func mapped(_ k: Int, _ s: Int) -> SessionDetails {
            var d = pass.workers[k].sessionStates[s].details
            d.title = titleMaps[k][Int(d.title)]
            d.priorities = canonicalMaps[k][Int(d.priorities)]
            return d
        }
        for k in pass.workers.indices.dropFirst() {
            let w = pass.workers[k]
            for s in 0..<w.sessionStates.count where w.sessionStates[s].hasReference {
                let d = mapped(k, s)
                for j in 0..<k {
                    let other = pass.workers[j]
                    guard
                        let t = w.sessions.withKey(
                            Int32(s), { other.sessions.find($0, $1, hash: w.sessions.hash(Int32(s))) }),
                        other.sessionStates[Int(t)].hasReference
                    else { continue }
                    if mapped(j, Int(t)) != d { return nil }
                }
            }
        }
        var merged = Merged()
        // The first `limit` rejected rows, in file order.
        var pending: [(Int, PendingRejection)] = []
        for (k, w) in pass.workers.enumerated() { pending += w.rejections.map { (k, $0) } }
        pending.sort { $0.1.position < $1.1.position }
        let rejectedCount = pass.workers.reduce(0) { $0 + $1.rejected }
        merged.notListed = rejectedCount - min(limit, pending.count)
        for (k, r) in pending.prefix(limit) {
            let line = Int(pass.line(r.position, prefix: prefix))
            var messages: [String] = []
            for problem in r.problems {
                var message = problem.message
                if problem.referenceSession >= 0 {
                    let w = pass.workers[k]
                    let key = w.sessions.key(problem.referenceSession)
                    // The session's reference row: from an earlier file, else the first among the workers.
                    var ref: (file: Int32, line: Int32)?
                    if let g = directory.sessions.find(key) { ref = directory.reference[Int(g)] }
                    for other in pass.workers where ref == nil || Int(ref!.file) == pass.fileIndex {
                        guard let t = other.sessions.find(key), other.sessionStates[Int(t)].hasReference else {
                            continue
                        }
                        let here = at(other.sessionStates[Int(t)].reference)
                        if ref == nil || earlier(here, ref!) { ref = here }
                    }
                    let location = ref.map { "\(files[Int($0.file)]):\($0.line)" } ?? "its first row"
                    message = message.replacingOccurrences(of: attendanceReferencePlaceholder, with: location)
                }
                let problemLine = Int(
                    pass.line(ChunkPosition(chunk: r.position.chunk, line: problem.line), prefix: prefix))
                merged.diagnostics.append(
                    Diagnostic(.error, file: pass.name, line: problemLine, column: problem.column, message))
                messages.append(message)
            }
            merged.rejectedRows.append(
                RejectedRow(
                    file: pass.name, line: line,
                    reason: r.reason ?? messages.joined(separator: " | "), fields: r.fields))
        }
        var summaries = pass.workers.flatMap(\.summaryRows)
        summaries.sort { $0.position < $1.position }
        for summary in summaries.prefix(limit) {
            merged.diagnostics.append(
                Diagnostic(
                    .note, file: pass.name, line: Int(pass.line(summary.position, prefix: prefix)), column: nil,
                    ControlTotals.uncheckedNote(label: summary.label, schema: .attendance)))
        }
        var serials = ExcelSerials()
        for w in pass.workers { serials.merge(w.excelSerials) }
        if let first = serials.first {
            merged.diagnostics.append(
                Diagnostic(
                    .note, file: pass.name, line: Int(pass.line(first.position, prefix: prefix)), column: first.column,
                    RowReader.excelSerialNote(column: "date", count: serials.count, raw: first.raw, date: first.date)))
        }
        if everyone < 0 { everyone = people.make() }

        // People first, then sessions: each worker's delegate table is freed before the
        // directory of sessions grows, so the two are never resident together.
        for k in pass.workers.indices {
            do {
                let w = pass.workers[k]
                merged.read += w.read
                merged.used += w.used
                merged.rejected += w.rejected
                merged.controlTotals += w.controlTotals
                merged.stillBooked += w.stillBooked
                merged.cancelledBookings += w.cancelledBookings
                // The first worker of the first file gives its delegate ids as they are: no second
                // table, no remapping, its sets unioned word by word.
                let adopted = delegates.count == 0
                if adopted { delegates = w.delegates }
                let remap: [Int32] =
                    adopted
                    ? Array(0..<Int32(w.delegates.count))
                    : (0..<w.delegates.count).map { d in
                        w.delegates.withKey(Int32(d)) { delegates.intern($0, $1, hash: w.delegates.hash(Int32(d))).id }
                    }
                func union(_ target: Int32, _ set: Int32) {
                    if adopted {
                        people.formUnion(target, with: w.people, set)
                    } else {
                        people.formUnion(target, with: w.people, set, remap: remap)
                    }
                }
                for (slot, year) in w.years.enumerated() {
                    let target = yearSet(year)
                    union(target, w.yearSets[slot])
                    people.formUnion(everyone, target)
                }
                for (key, set) in w.keySets {
                    let keyYear = KeyYear(key: w.keys.string(Int32(key & 0xFFFF_FFFF)), year: w.years[Int(key >> 32)])
                    let target: Int32
                    if let t = keySets[keyYear] {
                        target = t
                    } else {
                        target = people.make()
                        keySets[keyYear] = target
                    }
                    union(target, set)
                }
                for (i, list) in w.lists.enumerated() {
                    let c = Int(canonicalMaps[k][Int(w.listCanonical[i])])
                    while canonicalFirst.count <= c {
                        canonicalFirst.append((Int32.max, Int32.max))
                        canonicalItems.append([])
                    }
                    let first = at(w.listFirst[i])
                    if earlier(first, canonicalFirst[c]) {
                        canonicalFirst[c] = first
                        canonicalItems[c] = list.items
                    }
                }
                var agencyMap: [Int32] = []
                for a in 0..<w.agencies.count {
                    let spelling = w.agencies.string(Int32(a))
                    let key = Self.agencyKey(spelling)
                    let first = at(w.agencyFirst[a])
                    let g: Int
                    if let existing = agencyIndex[key] {
                        g = existing
                        if earlier(first, agencyFirst[g]) {
                            agencyFirst[g] = first
                            agencyName[g] = spelling
                        }
                    } else {
                        g = agencyName.count
                        agencyIndex[key] = g
                        agencyName.append(spelling)
                        agencyFirst.append(first)
                    }
                    agencyMap.append(Int32(g))
                    for (slot, year) in w.years.enumerated() {
                        let index = w.agencyYearIndex[a * w.yearStride + slot]
                        guard index >= 0 else { continue }
                        let local = w.agencyYears[Int(index)]
                        let key = Int64(g) << 32 | Int64(year)
                        var entry = agencyYears[key] ?? (0, 0)
                        entry.attendances += local.attendances
                        entry.registrations += local.registrations
                        agencyYears[key] = entry
                    }
                }
                for (slot, year) in w.years.enumerated() {
                    let target: Int
                    if let t = agencySlot[year] {
                        target = t
                    } else {
                        target = agencySlot.count
                        agencySlot[year] = target
                    }
                    w.agencyPeople.forEach(slot: slot) { d, a in
                        agencyPeople.add(slot: target, delegate: remap[Int(d)], agency: agencyMap[Int(a)])
                    }
                }
            }
            pass.workers[k].delegates = ByteInterner()
            pass.workers[k].people = BitsetStore()
            pass.workers[k].agencyPeople = AgencyPeople()
        }

        let sessionsBefore = directory.sessions.count
        for k in pass.workers.indices {
            // Each worker's session ids first, then its ids are freed, then the directory grows by
            // its sessions: its table and the directory's growth are never resident together.
            var global = [Int32](repeating: -1, count: pass.workers[k].sessionStates.count)
            do {
                let w = pass.workers[k]
                for s in global.indices where w.sessionStates[s].hasReference {
                    global[s] = w.sessions.withKey(Int32(s)) {
                        directory.sessions.intern($0, $1, hash: w.sessions.hash(Int32(s))).id
                    }
                }
            }
            pass.workers[k].sessions = ByteInterner()
            for s in global.indices where global[s] >= 0 {
                let g = Int(global[s])
                let state = pass.workers[k].sessionStates[s]
                let first = at(state.reference)
                if g == directory.details.count {  // new: ids are given in the order of this loop
                    directory.details.append(mapped(k, s))
                    directory.reference.append(first)
                    sessionRegistrations.append(0)
                    sessionAttendances.append(0)
                } else if g >= sessionsBefore && earlier(first, directory.reference[g]) {
                    directory.reference[g] = first
                }
                sessionRegistrations[g] += Int64(state.registrations)
                sessionAttendances[g] += Int64(state.attendances)
            }
            pass.workers[k] = AttendanceAggregate()  // merged: free before the directory grows further
        }
        return merged
    }
}
