import Foundation

/// Where one pass's rows are among every file's: the file's index and the absolute line of a position.
struct PassPlaces {
    let file: Int32
    /// `AttendancePass.dataStartLine` and `prefix()`; not the pass itself, whose workers the merge frees.
    let dataStartLine: Int32
    let prefix: [Int32]

    init(_ pass: AttendancePass) {
        file = Int32(pass.fileIndex)
        dataStartLine = pass.dataStartLine
        prefix = pass.prefix()
    }

    /// Absolute 1-based line of a position, as `AttendancePass.line`.
    func line(_ p: ChunkPosition) -> Int32 { dataStartLine + prefix[Int(p.chunk)] + p.line + 1 }

    /// The file and absolute line of a position.
    func at(_ p: ChunkPosition) -> (file: Int32, line: Int32) { (file, line(p)) }

    /// Whether `a` comes before `b` in the input (files in order, then lines).
    static func earlier(_ a: (file: Int32, line: Int32), _ b: (file: Int32, line: Int32)) -> Bool {
        (a.file, a.line) < (b.file, b.line)
    }
}

extension AttendanceTotals {
    /// Each worker's title and canonical-list ids to global ids.
    struct WorkerMaps {
        var titles: [[Int32]] = []
        var canonicals: [[Int32]] = []

        /// Worker `k`'s details of its session `s`, with global ids.
        func mapped(_ w: AttendanceAggregate, _ k: Int, _ s: Int) -> SessionDetails {
            var d = w.sessionStates[s].details
            d.title = titles[k][Int(d.title)]
            d.priorities = canonicals[k][Int(d.priorities)]
            return d
        }
    }

    /// Merges one pass; nil (and nothing changed) when workers disagree about a session's details.
    mutating func merge(_ pass: inout AttendancePass, limit: Int) -> Merged? {
        let places = PassPlaces(pass)
        let maps = globalIDs(pass)
        guard workersAgree(pass, maps) else { return nil }
        var merged = Merged()
        rejections(pass, places: places, limit: limit, into: &merged)
        notes(pass, places: places, limit: limit, into: &merged)
        if everyone < 0 { everyone = people.make() }

        // People first, then sessions: each worker's delegate table is freed before the
        // directory of sessions grows, so the two are never resident together.
        for k in pass.workers.indices {
            mergePeople(of: pass.workers[k], canonicalMap: maps.canonicals[k], places: places, into: &merged)
            pass.workers[k].delegates = ByteInterner()
            pass.workers[k].people = BitsetStore()
            pass.workers[k].agencyPeople = AgencyPeople()
        }
        mergeSessions(&pass, maps: maps, places: places)
        return merged
    }

    /// Titles and canonical lists of every worker, interned into the directory.
    private mutating func globalIDs(_ pass: AttendancePass) -> WorkerMaps {
        var maps = WorkerMaps()
        for w in pass.workers {
            maps.titles.append(
                (0..<w.titles.count).map { t in
                    w.titles.withKey(Int32(t)) { directory.titles.intern($0, $1, hash: w.titles.hash(Int32(t))).id }
                })
            maps.canonicals.append(
                (0..<w.canonicals.count).map { c in
                    w.canonicals.withKey(Int32(c)) {
                        directory.canonicals.intern($0, $1, hash: w.canonicals.hash(Int32(c))).id
                    }
                })
        }
        return maps
    }

    /// Sessions: the workers must agree (each already agrees with earlier files). Checked against
    /// the earlier workers' own tables, before anything is added to the totals.
    private func workersAgree(_ pass: AttendancePass, _ maps: WorkerMaps) -> Bool {
        for k in pass.workers.indices.dropFirst() {
            let w = pass.workers[k]
            for s in 0..<w.sessionStates.count where w.sessionStates[s].hasReference {
                let d = maps.mapped(w, k, s)
                for j in 0..<k {
                    let other = pass.workers[j]
                    guard
                        let t = w.sessions.withKey(
                            Int32(s), { other.sessions.find($0, $1, hash: w.sessions.hash(Int32(s))) }),
                        other.sessionStates[Int(t)].hasReference
                    else { continue }
                    if maps.mapped(other, j, Int(t)) != d { return false }
                }
            }
        }
        return true
    }

    /// The first `limit` rejected rows, in file order: their errors and their `rejects.csv` rows.
    private func rejections(_ pass: AttendancePass, places: PassPlaces, limit: Int, into merged: inout Merged) {
        var pending: [(Int, PendingRejection)] = []
        for (k, w) in pass.workers.enumerated() { pending += w.rejections.map { (k, $0) } }
        pending.sort { $0.1.position < $1.1.position }
        let rejectedCount = pass.workers.reduce(0) { $0 + $1.rejected }
        merged.notListed = rejectedCount - min(limit, pending.count)
        for (k, r) in pending.prefix(limit) {
            let line = Int(places.line(r.position))
            var messages: [String] = []
            for problem in r.problems {
                var message = problem.message
                if problem.referenceSession >= 0 {
                    let key = pass.workers[k].sessions.key(problem.referenceSession)
                    let location = referenceRow(of: key, pass, places: places)
                    message = message.replacingOccurrences(of: attendanceReferencePlaceholder, with: location)
                }
                let problemLine = Int(places.line(ChunkPosition(chunk: r.position.chunk, line: problem.line)))
                merged.diagnostics.append(
                    Diagnostic(.error, file: pass.name, line: problemLine, column: problem.column, message))
                messages.append(message)
            }
            merged.rejectedRows.append(
                RejectedRow(
                    file: pass.name, line: line,
                    reason: r.reason ?? messages.joined(separator: " | "), fields: r.fields))
        }
    }

    /// Where a session's reference row is, as a message shows it: from an earlier file, else the
    /// first among the workers.
    private func referenceRow(of key: [UInt8], _ pass: AttendancePass, places: PassPlaces) -> String {
        var ref: (file: Int32, line: Int32)?
        if let g = directory.sessions.find(key) { ref = directory.reference[Int(g)] }
        for other in pass.workers where ref == nil || Int(ref!.file) == pass.fileIndex {
            guard let t = other.sessions.find(key), other.sessionStates[Int(t)].hasReference else {
                continue
            }
            let here = places.at(other.sessionStates[Int(t)].reference)
            if ref == nil || PassPlaces.earlier(here, ref!) { ref = here }
        }
        return ref.map { "\(files[Int($0.file)]):\($0.line)" } ?? "its first row"
    }

    /// The notes on summary rows (the first `limit`) and on dates written as Excel serials.
    private func notes(_ pass: AttendancePass, places: PassPlaces, limit: Int, into merged: inout Merged) {
        var summaries = pass.workers.flatMap(\.summaryRows)
        summaries.sort { $0.position < $1.position }
        for summary in summaries.prefix(limit) {
            merged.diagnostics.append(
                Diagnostic(
                    .note, file: pass.name, line: Int(places.line(summary.position)), column: nil,
                    ControlTotals.uncheckedNote(label: summary.label, schema: .attendance)))
        }
        var serials = ExcelSerials()
        for w in pass.workers { serials.merge(w.excelSerials) }
        if let first = serials.first {
            merged.diagnostics.append(
                Diagnostic(
                    .note, file: pass.name, line: Int(places.line(first.position)), column: first.column,
                    RowReader.excelSerialNote(column: "date", count: serials.count, raw: first.raw, date: first.date)))
        }
    }

    /// One worker's counts, people sets, priority lists and agencies, added to the totals.
    private mutating func mergePeople(
        of w: AttendanceAggregate, canonicalMap: [Int32], places: PassPlaces, into merged: inout Merged
    ) {
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
        mergeSets(of: w, adopted: adopted, remap: remap)
        mergeLists(of: w, canonicalMap: canonicalMap, places: places)
        mergeAgencies(of: w, remap: remap, places: places)
    }

    /// The worker's people per year and per (priority key, year), unioned into the totals' sets.
    private mutating func mergeSets(of w: AttendanceAggregate, adopted: Bool, remap: [Int32]) {
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
    }

    /// Where each canonical priority list first appears, and its items as written there.
    private mutating func mergeLists(of w: AttendanceAggregate, canonicalMap: [Int32], places: PassPlaces) {
        for (i, list) in w.lists.enumerated() {
            let c = Int(canonicalMap[Int(w.listCanonical[i])])
            while canonicalFirst.count <= c {
                canonicalFirst.append((Int32.max, Int32.max))
                canonicalItems.append([])
            }
            let first = places.at(w.listFirst[i])
            if PassPlaces.earlier(first, canonicalFirst[c]) {
                canonicalFirst[c] = first
                canonicalItems[c] = list.items
            }
        }
    }

    /// The worker's agencies (first spelling by file position), their figures per year, and
    /// their distinct people per year.
    private mutating func mergeAgencies(of w: AttendanceAggregate, remap: [Int32], places: PassPlaces) {
        var agencyMap: [Int32] = []
        for a in 0..<w.agencies.count {
            let spelling = w.agencies.string(Int32(a))
            let key = Self.agencyKey(spelling)
            let first = places.at(w.agencyFirst[a])
            let g: Int
            if let existing = agencyIndex[key] {
                g = existing
                if PassPlaces.earlier(first, agencyFirst[g]) {
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

    /// Each worker's sessions into the directory, with their figures; each worker is freed once merged.
    private mutating func mergeSessions(_ pass: inout AttendancePass, maps: WorkerMaps, places: PassPlaces) {
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
                let first = places.at(state.reference)
                if g == directory.details.count {  // new: ids are given in the order of this loop
                    directory.details.append(maps.mapped(pass.workers[k], k, s))
                    directory.reference.append(first)
                    sessionRegistrations.append(0)
                    sessionAttendances.append(0)
                } else if g >= sessionsBefore && PassPlaces.earlier(first, directory.reference[g]) {
                    directory.reference[g] = first
                }
                sessionRegistrations[g] += Int64(state.registrations)
                sessionAttendances[g] += Int64(state.attendances)
            }
            pass.workers[k] = AttendanceAggregate()  // merged: free before the directory grows further
        }
    }
}
