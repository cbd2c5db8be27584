/// What only per-delegate registers can show: distinct people reached per business priority
/// and per agency, for the reporting year and the year before, and the yearly trend.
///
/// Distinct counts do not add up: a person who attended two priorities' sessions, or came
/// from two agencies, counts under each. So the last row of the priority and agency tables
/// counts each session, attendance and person once and is not a sum (no derivation), except
/// the agencies' attendances, where every attendance has exactly one agency (a `.sum`).
enum AttendanceTables {
    static func section(_ summary: AttendanceSummary?, year: FinancialYear, priorities: [Priority]) -> ReportSection {
        var section = ReportSection(title: "People reached (attendance registers)")
        guard let summary else {
            section.notes.append(
                "No attendance register was supplied (no attendance*.csv), so people reached cannot be shown.")
            return section
        }
        guard !summary.years.isEmpty else {
            section.notes.append("The attendance registers have no usable rows.")
            return section
        }
        let now = summary.years[year]
        let before = summary.years[year.previous]
        if let now {
            // "1 person attended once across 1 session", as a reader would write it.
            func n(_ count: some BinaryInteger, _ one: String, _ many: String) -> String {
                "\(Count.grouped(count)) \(count == 1 ? one : many)"
            }
            let times =
                now.attendances == 1
                ? "once" : now.attendances == 2 ? "twice" : "\(Count.grouped(now.attendances)) times"
            section.paragraphs.append(
                "In \(year), \(n(now.people, "person", "people")) attended \(times) across \(n(now.sessions, "session", "sessions"))"
                    + (before.map {
                        " (\(year.previous): \(n($0.people, "person", "people")), \(n($0.attendances, "attendance", "attendances")), \(n($0.sessions, "session", "sessions")))."
                    } ?? " (\(year.previous): not recorded)."))
        } else {
            section.paragraphs.append("The attendance registers have no sessions in \(year).")
        }
        let span = summary.years.keys.sorted()
        section.paragraphs.append(
            "Over \(span.count == 1 ? span[0].label : "\(span.first!) to \(span.last!)"), \(Count.grouped(summary.peopleAllYears)) different people attended at least one session."
        )
        if now != nil {
            section.tables.append(
                priorityTable(summary, year: year, priorities: priorities, id: "attendance-priorities"))
        }
        if before != nil {
            section.tables.append(
                priorityTable(
                    summary, year: year.previous, priorities: priorities, id: "attendance-priorities-previous"))
        }
        if now != nil || before != nil {
            section.tables.append(agencyTable(summary, year: year))
        }
        let trend = trendTable(summary)
        section.tables.append(trend)
        section.charts.append(
            ChartSpec(
                id: "attendance-people-per-year", title: "People reached per year", tableID: trend.id,
                rows: Array(trend.rows.indices), seriesColumns: [4], style: .column,
                xAxisTitle: "Financial year", yAxisTitle: "People"))
        return section
    }

    /// Sessions, attendances and people per priority in `year`: the given priorities in order, then
    /// any other priority the register tags in that year.
    static func priorityTable(_ summary: AttendanceSummary, year: FinancialYear, priorities: [Priority], id: String)
        -> ReportTable
    {
        var table = ReportTable(
            id: id, title: "People reached per business priority, \(year)",
            columns: [
                ReportColumn("Priority", .label), ReportColumn("Sessions", .count),
                ReportColumn("Attendances", .count), ReportColumn("People reached", .count),
            ])
        let figures = summary.priorities[year] ?? [:]
        var shown = priorities
        for p in summary.priorityOrder where figures[p] != nil && !shown.contains(p) { shown.append(p) }
        // Absent is not zero: a priority the registers tag in some year has a real 0 in a year
        // without its sessions; one they never tag is not recorded by them (its training may be
        // in training rows or a booking register), so N/A.
        let tagged = Set(summary.priorityOrder)
        var untagged: [String] = []
        for p in shown {
            guard tagged.contains(p) else {
                untagged.append(p.name)
                table.rows.append(ReportRow([.text(p.name)] + Array(repeating: ReportCell(.notApplicable), count: 3)))
                continue
            }
            let f = figures[p] ?? .init()
            table.rows.append(ReportRow([.text(p.name), .count(f.sessions), .count(f.attendances), .count(f.people)]))
        }
        let all = summary.years[year] ?? .init()
        table.rows.append(
            ReportRow(
                [
                    .text("All sessions (each counted once)"), .count(all.sessions), .count(all.attendances),
                    .count(all.people),
                ], role: .total))
        table.notes.append(
            "A session tagged with several priorities counts toward each, and so do its attendances and people; the last row counts each session, attendance and person once, so it is not the sum of the rows above."
        )
        table.notes.append(
            "Sessions count every session tagged with the priority, attended or not; attendances count rows with attended = yes; people reached count distinct delegate ids among them."
        )
        if !untagged.isEmpty {
            let names = untagged.map { "'\($0)'" }.joined(separator: ", ")
            table.notes.append(
                "N/A: the attendance registers never tag a session with \(names), so \(untagged.count == 1 ? "its" : "their") sessions and people reached are not recorded by them (not 0)."
            )
        }
        return table
    }

    /// Attendances and distinct people per agency, Y-1 and Y, busiest agency first.
    static func agencyTable(_ summary: AttendanceSummary, year: FinancialYear) -> ReportTable {
        let old = year.previous
        var table = ReportTable(
            id: "attendance-agencies", title: "Attendances and people reached per agency, \(old) and \(year)",
            columns: [
                ReportColumn("Agency", .label),
                ReportColumn("Attendances \(old)", .count), ReportColumn("Attendances \(year)", .count),
                ReportColumn("People \(old)", .count), ReportColumn("People \(year)", .count),
            ])
        let a = summary.agencies[old] ?? [:]
        let b = summary.agencies[year] ?? [:]
        let hasOld = summary.years[old] != nil
        let hasNew = summary.years[year] != nil
        let names = Set(a.keys).union(b.keys).sorted { x, y in
            let kx = (b[x]?.attendances ?? 0, a[x]?.attendances ?? 0)
            let ky = (b[y]?.attendances ?? 0, a[y]?.attendances ?? 0)
            return kx != ky ? kx > ky : x.lowercased() < y.lowercased()
        }
        func cell(_ present: Bool, _ value: Int64?) -> ReportCell {
            present ? .count(value ?? 0) : ReportCell(.notApplicable)
        }
        for name in names {
            table.rows.append(
                ReportRow([
                    .text(name), cell(hasOld, a[name]?.attendances), cell(hasNew, b[name]?.attendances),
                    cell(hasOld, a[name]?.people), cell(hasNew, b[name]?.people),
                ]))
        }
        let body = table.rows.indices
        func sum(_ column: Int, _ present: Bool, _ total: Int64?) -> ReportCell {
            guard present else { return ReportCell(.notApplicable) }
            return ReportCell(.count(total ?? 0), derivation: .sum(body.map { CellRef(row: $0, column: column) }))
        }
        table.rows.append(
            ReportRow(
                [
                    .text("All agencies"),
                    sum(1, hasOld, summary.years[old]?.attendances), sum(2, hasNew, summary.years[year]?.attendances),
                    cell(hasOld, summary.years[old]?.people), cell(hasNew, summary.years[year]?.people),
                ], role: .total))
        table.notes.append(
            "A person who attended for more than one agency counts under each; the last row counts each person once.")
        if b[AttendanceSummary.unrecordedAgency] != nil || a[AttendanceSummary.unrecordedAgency] != nil {
            table.notes.append("'\(AttendanceSummary.unrecordedAgency)' collects rows with a blank agency.")
        }
        return table
    }

    /// Every year from the first to the last in the registers, with 0 for a year without sessions.
    static func trendTable(_ summary: AttendanceSummary) -> ReportTable {
        var table = ReportTable(
            id: "attendance-trend", title: "Sessions, registrations, attendances and people reached per year",
            columns: [
                ReportColumn("Year", .label), ReportColumn("Sessions", .count),
                ReportColumn("Registrations", .count), ReportColumn("Attendances", .count),
                ReportColumn("People reached", .count),
            ])
        guard let first = summary.years.keys.min(), let last = summary.years.keys.max() else { return table }
        for y in FinancialYear.span(first, last) {
            let f = summary.years[y] ?? .init()
            table.rows.append(
                ReportRow([
                    .text(y.label), .count(f.sessions), .count(f.registrations), .count(f.attendances),
                    .count(f.people),
                ]))
        }
        table.notes.append(
            "People reached counts each delegate once per year; \(Count.grouped(summary.peopleAllYears)) different people over all years."
        )
        return table
    }
}

extension AttendanceTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        // No registers, no section.
        guard let attendance = context.records.attendance else { return SectionOutput(nil) }
        return SectionOutput(
            section(attendance, year: context.year, priorities: context.prioritiesFor(context.year)))
    }
}
