/// Bookings from registers linked to training events by `event_id` (Eventbrite's attendee
/// report): registrations, attendances, no-shows and cancelled bookings per event and per
/// year, and distinct people reached.
enum BookingTables {
    /// The bookings section, or nil without booking registers.
    static func section(_ bookings: BookingSummary?, year: FinancialYear) -> ReportSection? {
        guard let bookings else { return nil }
        var section = ReportSection(title: "Bookings")
        guard !bookings.events.isEmpty else {
            section.notes.append("The booking registers hold no usable bookings, so bookings are not recorded.")
            return section
        }
        let years = Years(bookings)
        if let now = years.sums(year) {
            let before = years.sums(year.previous).map { years.sentence($0, year.previous) } ?? "not recorded"
            section.paragraphs.append(
                "Booked events in \(year): \(years.sentence(now, year)) (\(year.previous): \(before)).")
        } else {
            section.paragraphs.append(
                "Bookings in \(year): not recorded (the booking registers cover \(years.coverage.description)).")
        }
        section.tables.append(trendTable(years))
        if let events = years.byYear[year], !events.isEmpty {
            section.tables.append(eventsTable(events, year: year))
        }
        return section
    }

    /// The registers' events by year, and the years they cover.
    private struct Years {
        let bookings: BookingSummary
        let byYear: [FinancialYear: [BookingSummary.Event]]
        let coverage: YearCoverage

        init(_ bookings: BookingSummary) {
            self.bookings = bookings
            byYear = Dictionary(grouping: bookings.events, by: \.year)
            coverage = YearCoverage(byYear.keys)
        }

        /// The year's events summed; nil for a year the registers do not cover.
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

        /// `12 registrations, 10 attended by 9 people, 2 no-shows (16.7%) and 1 cancelled booking`.
        func sentence(_ t: BookingSummary.Event, _ y: FinancialYear) -> String {
            let rate = Ratio(t.noShows, t.registrations).map { " (\($0.percentText(decimals: 1)))" } ?? ""
            let people = bookings.peoplePerYear[y] ?? 0
            func n(_ count: Int64, _ word: String) -> String {
                "\(Count.grouped(count)) \(word)\(count == 1 ? "" : "s")"
            }
            return
                "\(n(t.registrations, "registration")), \(Count.grouped(t.attended)) attended by \(people == 1 ? "1 person" : "\(Count.grouped(people)) people"), \(n(t.noShows, "no-show"))\(rate) and \(n(t.cancelled, "cancelled booking"))"
        }
    }

    /// Registrations, attendances, no-shows, cancellations and people per year the registers cover.
    private static func trendTable(_ years: Years) -> ReportTable {
        let (byYear, coverage, bookings) = (years.byYear, years.coverage, years.bookings)
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
                let t = years.sums(y)!
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
        return trend
    }

    /// The year's events, by date and title, with a total row.
    private static func eventsTable(_ events: [BookingSummary.Event], year: FinancialYear) -> ReportTable {
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
        return table
    }
}

extension BookingTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        SectionOutput(section(context.records.bookings, year: context.year))
    }
}
