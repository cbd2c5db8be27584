import Foundation

extension AttendanceTotals {
    /// The events and the counts, with priorities resolved in order of first appearance.
    /// `reserving`: room for that many more events, so the caller can add its own without a copy.
    /// The session ids are dropped first: nothing after the merge looks them up, and their table
    /// would otherwise stay resident beside the events.
    mutating func finish(catalog: PriorityCatalog, reserving: Int = 0) -> ([TrainingEvent], AttendanceSummary) {
        var summary = AttendanceSummary()
        let sessionCount = directory.sessions.count
        directory.sessions = ByteInterner()
        let order = usedListsInOrder(sessionCount: sessionCount)
        var resolved: [Int32: [Priority]] = [:]
        for c in order {
            var list: [Priority] = []
            for item in canonicalItems[Int(c)] {
                if case .known(let p) = catalog.resolve(item), !list.contains(p) { list.append(p) }
            }
            resolved[c] = list
            for p in list where !summary.priorityOrder.contains(p) { summary.priorityOrder.append(p) }
        }
        let keys = keysByPriority(order, catalog: catalog)
        let events = eventsAndGroups(
            sessionCount: sessionCount, resolved: resolved, reserving: reserving, summary: &summary)
        countPeople(keysByPriority: keys, into: &summary)
        agencyFigures(into: &summary)
        if everyone >= 0 { summary.peopleAllYears = people.count(everyone) }
        return (events, summary)
    }

    /// The canonical priority lists of sessions with a used row, in order of first appearance.
    private func usedListsInOrder(sessionCount: Int) -> [Int32] {
        var usedCanonicals = Set<Int32>()
        for s in 0..<sessionCount where sessionRegistrations[s] > 0 {
            usedCanonicals.insert(directory.details[s].priorities)
        }
        return usedCanonicals.sorted {
            (canonicalFirst[Int($0)].file, canonicalFirst[Int($0)].line, $0) < (
                canonicalFirst[Int($1)].file, canonicalFirst[Int($1)].line, $1
            )
        }
    }

    /// Which priority each key resolves to (aliases: several keys, one priority).
    private func keysByPriority(_ order: [Int32], catalog: PriorityCatalog) -> [Priority: [String]] {
        var keysByPriority: [Priority: [String]] = [:]
        for c in order {
            for item in canonicalItems[Int(c)] {
                guard case .known(let p) = catalog.resolve(item) else { continue }
                let key = PriorityCatalog.key(item)
                if !(keysByPriority[p]?.contains(key) ?? false) { keysByPriority[p, default: []].append(key) }
            }
        }
        return keysByPriority
    }

    /// The sessions with a used row, in the order of each session's first row.
    /// Sorted by a key made once per session: the comparator then reads no paged arrays.
    private func usedSessionsInFileOrder(sessionCount: Int) -> [(key: UInt64, session: Int32)] {
        var byFirstRow: [(key: UInt64, session: Int32)] = []
        byFirstRow.reserveCapacity(sessionCount)
        for s in 0..<sessionCount where sessionRegistrations[s] > 0 {
            let ref = directory.reference[s]
            byFirstRow.append((UInt64(UInt32(ref.file)) << 32 | UInt64(UInt32(ref.line)), Int32(s)))
        }
        byFirstRow.sort { $0.key < $1.key }
        return byFirstRow
    }

    /// One delivered event per used session, in the order of each session's first row, and the
    /// summary's groups (year and priority list) with their sessions, registrations and attendances.
    private func eventsAndGroups(
        sessionCount: Int, resolved: [Int32: [Priority]], reserving: Int, summary: inout AttendanceSummary
    ) -> [TrainingEvent] {
        var events: [TrainingEvent] = []
        events.reserveCapacity(sessionCount + reserving)
        var titles: [Int32: String] = [:]
        let used = usedSessionsInFileOrder(sessionCount: sessionCount).lazy.map { Int($0.session) }
        var groupIndex: [Int64: Int] = [:]  // (start year << 32 | canonical list) -> group
        for s in used {
            let d = directory.details[s]
            let date = d.calendarDate
            let year = FinancialYear(containing: date)
            let registrations = sessionRegistrations[s]
            let attendances = sessionAttendances[s]
            let priorities = resolved[d.priorities] ?? []
            let key = Int64(year.startYear) << 32 | Int64(d.priorities)
            let g: Int
            if let existing = groupIndex[key] {
                g = existing
            } else {
                g = summary.groups.count
                groupIndex[key] = g
                summary.groups.append(.init(year: year, priorities: priorities))
            }
            summary.groups[g].sessions += 1
            summary.groups[g].registrations += registrations
            summary.groups[g].attendances += attendances
            let title: String
            if let t = titles[d.title] {
                title = t
            } else {
                title = directory.titles.string(d.title)
                titles[d.title] = title
            }
            let ref = directory.reference[s]
            events.append(
                TrainingEvent(
                    date: date, title: title, kind: d.eventKind, priorities: priorities, status: .delivered,
                    attendees: attendances, format: d.eventFormat, evaluations: nil,
                    source: SourceLocation(file: files[Int(ref.file)], line: Int(ref.line))))
        }
        return events
    }

    /// Distinct people per year with sessions, and per year and priority.
    private func countPeople(keysByPriority: [Priority: [String]], into summary: inout AttendanceSummary) {
        let yearsWithSessions = Set(summary.groups.map(\.year))
        for (year, set) in yearSets where yearsWithSessions.contains(FinancialYear(startYear: year)) {
            summary.peoplePerYear[FinancialYear(startYear: year)] = people.count(set)
        }
        for (p, keys) in keysByPriority {
            for year in yearSets.keys {
                let fy = FinancialYear(startYear: year)
                guard summary.groups.contains(where: { $0.year == fy && $0.priorities.contains(p) }) else { continue }
                let sets = keys.compactMap { keySets[KeyYear(key: $0, year: year)] }
                summary.peoplePerPriority[fy, default: [:]][p] = people.union(of: sets).reduce(Int64(0)) {
                    $0 + Int64($1.nonzeroBitCount)
                }
            }
        }
    }

    /// Registrations, attendances and distinct people per agency and year.
    private func agencyFigures(into summary: inout AttendanceSummary) {
        var agencyPeopleCount: [Int64: Int64] = [:]  // (agency << 32 | start year) -> people
        for (year, slot) in agencySlot {
            agencyPeople.forEach(slot: slot) { _, a in agencyPeopleCount[Int64(a) << 32 | Int64(year), default: 0] += 1
            }
        }
        for (key, entry) in agencyYears where entry.registrations > 0 {
            let name = agencyName[Int(key >> 32)]
            let fy = FinancialYear(startYear: Int(key & 0xFFFF_FFFF))
            var figures = summary.agencies[fy]?[name.isEmpty ? AttendanceSummary.unrecordedAgency : name] ?? .init()
            figures.registrations += entry.registrations
            figures.attendances += entry.attendances
            figures.people += agencyPeopleCount[key] ?? 0
            summary.agencies[fy, default: [:]][name.isEmpty ? AttendanceSummary.unrecordedAgency : name] = figures
        }
    }
}
