/// Bookings from registers linked to training events by `event_id` (Eventbrite's attendee
/// report): registrations, attendances, no-shows and cancelled bookings per event and per
/// year, and distinct people reached.
enum BookingTables {
    static func section(_ bookings: BookingSummary?, year: FinancialYear) -> ReportSection? {
        guard let bookings else { return nil }
        var section = ReportSection(title: "Bookings")
        guard !bookings.events.isEmpty else {
            section.notes.append("The booking registers hold no usable bookings, so bookings are not recorded.")
            return section
        }
        let byYear = Dictionary(grouping: bookings.events, by: \.year)
        let coverage = YearCoverage(byYear.keys)
        func sums(_ y: FinancialYear) -> BookingSummary.Event? {
            coverage.recorded(y) {
                var total = BookingSummary.Event(eventID: "", date: y.firstDay, title: "")
                for e in byYear[y] ?? [] {
                    total.registrations += e.registrations
                    total.attended += e.attended
                    total.noShows += e.noShows
                    total.cancelled += e.cancelled
                }
                return total
            }
        }
        func sentence(_ t: BookingSummary.Event, _ y: FinancialYear) -> String {
            let rate = Ratio(t.noShows, t.registrations).map { " (\($0.percentText(decimals: 1)))" } ?? ""
            let people = bookings.peoplePerYear[y] ?? 0
            func n(_ count: Int64, _ word: String) -> String {
                "\(Count.grouped(count)) \(word)\(count == 1 ? "" : "s")"
            }
            return
                "\(n(t.registrations, "registration")), \(Count.grouped(t.attended)) attended by \(people == 1 ? "1 person" : "\(Count.grouped(people)) people"), \(n(t.noShows, "no-show"))\(rate) and \(n(t.cancelled, "cancelled booking"))"
        }
        if let now = sums(year) {
            let before = sums(year.previous).map { sentence($0, year.previous) } ?? "not recorded"
            section.paragraphs.append("Booked events in \(year): \(sentence(now, year)) (\(year.previous): \(before)).")
        } else {
            section.paragraphs.append(
                "Bookings in \(year): not recorded (the booking registers cover \(coverage.description)).")
        }

        var trend = ReportTable(
            id: "bookings-trend", title: "Bookings per year",
            columns: [
                ReportColumn("Year", .label), ReportColumn("Events", .count), ReportColumn("Registrations", .count),
                ReportColumn("Attended", .count), ReportColumn("No-shows", .count),
                ReportColumn("No-show rate", .percent(decimals: 1)), ReportColumn("Cancelled bookings", .count),
                ReportColumn("People", .count),
            ])
        if let first = coverage.first, let last = coverage.last {
            for y in FinancialYear.span(first, last) {
                let t = sums(y)!
                let r = trend.rows.count
                trend.rows.append(
                    ReportRow([
                        .text(y.label), .count(Int64(byYear[y]?.count ?? 0)), .count(t.registrations),
                        .count(t.attended),
                        .count(t.noShows),
                        ReportCell(
                            Ratio(t.noShows, t.registrations).map(CellValue.percent) ?? .notApplicable,
                            derivation: .share(CellRef(row: r, column: 4), of: CellRef(row: r, column: 2))),
                        .count(t.cancelled), .count(bookings.peoplePerYear[y] ?? 0),
                    ]))
            }
        }
        trend.notes.append(
            "Registrations are bookings not cancelled (attended + no-shows); people are counted once a year by their delegate id, else their email."
        )
        section.tables.append(trend)

        if let events = byYear[year], !events.isEmpty {
            var table = ReportTable(
                id: "bookings-events", title: "Bookings per event, \(year)",
                columns: [
                    ReportColumn("Event", .label), ReportColumn("Date", .text), ReportColumn("Registrations", .count),
                    ReportColumn("Attended", .count), ReportColumn("No-shows", .count),
                    ReportColumn("Cancelled bookings", .count),
                ])
            for e in events.sorted(by: { ($0.date, $0.title) < ($1.date, $1.title) }) {
                table.rows.append(
                    ReportRow([
                        .text(e.title), .text(e.date.description), .count(e.registrations), .count(e.attended),
                        .count(e.noShows), .count(e.cancelled),
                    ]))
            }
            let total = TableRows.sumRow("Total", columns: 2...5, table: table)
            table.rows.append(total)
            section.tables.append(table)
        }
        return section
    }
}

extension BookingTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        SectionOutput(section(context.records.bookings, year: context.year))
    }
}
