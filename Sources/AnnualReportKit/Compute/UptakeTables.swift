/// Training uptake: per year, delivery format and kind, the events, places, bookings and
/// attendances, the fill rate (booked / places), the attendance rate (attended / booked) and
/// the no-shows; and cancelled events by reason. Bookings come from a linked register
/// (`BookingSummary`) where there is one, else from the training rows' `booked`.
enum UptakeTables {
    struct Group {
        var events: Int64 = 0
        var places: Int64?, booked: Int64?, attended: Int64 = 0, noShows: Int64?
        /// Attendances of the events that give bookings, for the attendance rate.
        var attendedWhereBooked: Int64 = 0
        /// Places and bookings of the events that give both, for the fill rate: an event with
        /// places but no bookings (or the reverse) must not count as none booked (or offered).
        var placesWhereBooked: Int64 = 0, bookedWherePlaces: Int64 = 0

        mutating func add(_ e: TrainingEvent, registrations: Int64?, registerNoShows: Int64?) {
            events += 1
            attended += e.attendees
            if let p = e.places { places = (places ?? 0) + p }
            if let b = registrations ?? e.booked {
                booked = (booked ?? 0) + b
                attendedWhereBooked += e.attendees
                noShows = (noShows ?? 0) + (registerNoShows ?? max(0, b - e.attendees))
                if let p = e.places {
                    placesWhereBooked += p
                    bookedWherePlaces += b
                }
            }
        }

        /// Booked / places over the events that give both; nil when none does.
        var fillRate: Ratio? { places == nil || booked == nil ? nil : Ratio(bookedWherePlaces, placesWhereBooked) }
    }

    /// The uptake section of `year` and the year before, or nil when the records give no places,
    /// bookings or cancellation reasons for them.
    static func section(_ events: [TrainingEvent]?, bookings: BookingSummary?, year: FinancialYear) -> ReportSection? {
        guard let events else { return nil }
        let years = [year.previous, year]
        // Most registers' sessions have no places, bookings or reasons: find out before copying any.
        let ids = Set((bookings?.events ?? []).map(\.eventID))
        guard
            events.contains(where: { e in
                years.contains(e.year)
                    && (e.places != nil || e.booked != nil || e.cancelReason != nil
                        || e.eventID.map(ids.contains) == true)
            })
        else { return nil }
        let inYears = events.filter { years.contains($0.year) }
        let registers = registers(of: inYears, bookings: bookings)
        let delivered = inYears.filter { $0.status == .delivered }
        let recorded = delivered.contains { $0.places != nil || $0.booked != nil || registers[$0.source] != nil }
        let cancelled = inYears.filter { $0.status == .cancelled }
        let reasons = cancelled.contains { $0.cancelReason != nil }
        guard recorded || reasons else { return nil }
        var section = ReportSection(title: "Training uptake")
        if recorded {
            let table = uptakeTable(delivered, registers: registers, year: year)
            section.tables.append(table)
            section.paragraphs += paragraphs(table, year: year)
        }
        if reasons || !cancelled.isEmpty {
            section.tables.append(cancellationTable(cancelled, coverage: YearCoverage(events.map(\.year)), year: year))
        }
        return section
    }

    /// Each event's linked register entry, by the training row it links to.
    private static func registers(of events: [TrainingEvent], bookings: BookingSummary?) -> [SourceLocation:
        BookingSummary.Event]
    {
        var registers: [SourceLocation: BookingSummary.Event] = [:]
        var byID: [String: BookingSummary.Event] = [:]
        for b in bookings?.events ?? [] { byID[b.eventID] = b }
        for e in events { if let id = e.eventID, let b = byID[id] { registers[e.source] = b } }
        return registers
    }

    /// The uptake of the delivered events of `year` and the year before, by format and kind.
    private static func uptakeTable(
        _ delivered: [TrainingEvent], registers: [SourceLocation: BookingSummary.Event], year: FinancialYear
    ) -> ReportTable {
        let years = [year.previous, year]
        var table = ReportTable(
            id: "training-uptake", title: "Training uptake by format and kind, \(year.previous) and \(year)",
            columns: [
                ReportColumn("Year", .label), ReportColumn("Format", .text), ReportColumn("Kind", .text),
                ReportColumn("Events", .count), ReportColumn("Places", .count), ReportColumn("Booked", .count),
                ReportColumn("Attended", .count), ReportColumn("Fill rate", .percent(decimals: 1)),
                ReportColumn("Attendance rate", .percent(decimals: 1)), ReportColumn("No-shows", .count),
            ])
        for y in years {
            let ofYear = delivered.filter { $0.year == y }
            guard !ofYear.isEmpty else { continue }
            var keys: [String] = []
            var groups: [String: (String, String, Group)] = [:]
            for e in ofYear.sorted(by: {
                ($0.format?.rawValue ?? "~", $0.kind.rawValue) < ($1.format?.rawValue ?? "~", $1.kind.rawValue)
            }) {
                let format = e.format?.rawValue ?? "not recorded"
                let kind = e.kind.rawValue
                let key = format + "|" + kind
                if groups[key] == nil {
                    keys.append(key)
                    groups[key] = (format, kind, Group())
                }
                let register = registers[e.source]
                groups[key]!.2.add(e, registrations: register?.registrations, registerNoShows: register?.noShows)
            }
            for key in keys {
                let (format, kind, g) = groups[key]!
                let fill = g.fillRate
                let attendance = g.booked.flatMap { Ratio(g.attendedWhereBooked, $0) }
                table.rows.append(
                    ReportRow([
                        .text(y.label), .text(format), .text(kind), .count(g.events),
                        ReportCell(g.places.map(CellValue.count) ?? .notApplicable),
                        ReportCell(g.booked.map(CellValue.count) ?? .notApplicable), .count(g.attended),
                        ReportCell(fill.map(CellValue.percent) ?? .notApplicable),
                        ReportCell(attendance.map(CellValue.percent) ?? .notApplicable),
                        ReportCell(g.noShows.map(CellValue.count) ?? .notApplicable),
                    ]))
            }
        }
        table.notes.append(
            "Fill rate = booked / places, over the events that give both; attendance rate = attended / booked, over the events that give bookings; no-shows = booked − attended, or the register's no-shows. Places and booked add up the events that give them; N/A where the records give none."
        )
        return table
    }

    /// One sentence per format and kind of `year`: its fill rate and attendance rate.
    private static func paragraphs(_ table: ReportTable, year: FinancialYear) -> [String] {
        var paragraphs: [String] = []
        for row in table.rows where row.cells[0].value == .text(year.label) {
            guard case .text(let format) = row.cells[1].value, case .text(let kind) = row.cells[2].value else {
                continue
            }
            func rate(_ value: CellValue) -> String {
                if case .percent(let r) = value { return r.percentText(decimals: 1) }
                return "not recorded"
            }
            let fill = rate(row.cells[7].value)
            let attendance = rate(row.cells[8].value)
            paragraphs.append(
                "\(format.prefix(1).uppercased() + format.dropFirst()) \(kind)s in \(year): fill rate \(fill), attendance rate \(attendance)."
            )
        }
        return paragraphs
    }

    /// Cancelled events of `year` and the year before, by reason (as first written, capitalised).
    private static func cancellationTable(_ cancelled: [TrainingEvent], coverage: YearCoverage, year: FinancialYear)
        -> ReportTable
    {
        let years = [year.previous, year]
        var table = ReportTable(
            id: "training-cancellations", title: "Events cancelled by reason, \(year.previous) and \(year)",
            columns: [
                ReportColumn("Reason", .label), ReportColumn(year.previous.label, .count),
                ReportColumn(year.label, .count),
            ])
        var order: [String] = []
        var names: [String: String] = [:]
        var counts: [String: [FinancialYear: Int64]] = [:]
        for e in cancelled {
            let reason = e.cancelReason ?? "Not recorded"
            let key = reason.lowercased()
            if names[key] == nil {
                names[key] = reason.prefix(1).uppercased() + reason.dropFirst()
                order.append(key)
            }
            counts[key, default: [:]][e.year, default: 0] += 1
        }
        for key in order {
            table.rows.append(
                ReportRow(
                    [.text(names[key]!)]
                        + years.map { y in
                            ReportCell(coverage.covers(y) ? .count(counts[key]?[y] ?? 0) : .notApplicable)
                        }))
        }
        table.rows.append(TableRows.sumRow("Total", columns: 1...2, table: table))
        return table
    }
}

extension UptakeTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        SectionOutput(
            section(context.usable(context.records.training), bookings: context.records.bookings, year: context.year))
    }
}
