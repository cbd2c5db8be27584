/// Builds the whole report from validated records: pure, no I/O.
public enum ReportBuilder {
    /// Why no report can be built: there is no year to report on.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noRecords
        case noRecordsInYear(FinancialYear, available: [FinancialYear])
        /// What went wrong and what was expected, as printed after `error:`.
        public var description: String {
            switch self {
            case .noRecords:
                return
                    "no records to report on and no year to report; expected at least one dataset with rows, or --year (or reporting_year in annual-report.yaml)"
            case .noRecordsInYear(let year, let available):
                return
                    "no records fall in \(year); expected one of the years in the data: \(available.map(\.label).joined(separator: ", "))"
            }
        }
    }

    /// The reporting year: `requested`, else the configured one, else the latest year with
    /// activity in the data (else the latest year of any record, such as a budget).
    static func reportingYear(records: Records, configuration: ReportConfiguration, requested: FinancialYear?)
        -> FinancialYear?
    {
        requested ?? configuration.reportingYear ?? records.activityYears.max() ?? records.years.max()
    }

    /// The year the report is on, or why there is none. A year named on the command line or in
    /// the configuration is reported on when the data have no records at all (every figure is
    /// then "not recorded"); when they have records, it must be one of their years.
    static func resolveYear(_ input: IngestResult, requested: FinancialYear?) -> Result<FinancialYear, Failure> {
        let records = input.records
        guard let year = reportingYear(records: records, configuration: input.configuration, requested: requested)
        else {
            return .failure(.noRecords)
        }
        let years = records.years
        guard years.isEmpty || years.contains(year) else {
            return .failure(.noRecordsInYear(year, available: years.sorted()))
        }
        return .success(year)
    }

    /// The whole report for `input`: pure, no I/O. Throws `Failure` when there is no year to report.
    static func build(_ input: IngestResult, year requested: FinancialYear? = nil) throws -> Report {
        let records = input.records
        let configuration = input.configuration
        let year = try resolveYear(input, requested: requested).get()
        // Each year's tagged priorities, distinct, in order of first appearance (training, then
        // videos): one pass, not one per question (a register makes hundreds of thousands of events).
        var taggedByYear: [FinancialYear: [Priority]] = [:]
        var run: (year: FinancialYear, tagged: [Priority])?  // a run of records of one year, stored once
        func tag(_ year: FinancialYear, _ priorities: [Priority]) {
            if run?.year != year {
                if let run { taggedByYear[run.year] = run.tagged }
                run = (year, taggedByYear[year] ?? [])
            }
            for p in priorities where !run!.tagged.contains(p) { run!.tagged.append(p) }
        }
        for e in records.training ?? [] { tag(e.year, e.priorities) }
        for v in records.videos ?? [] { tag(v.year, v.priorities) }
        if let run { taggedByYear[run.year] = run.tagged }
        let prioritiesFor: (FinancialYear) -> [Priority] = { [taggedByYear] y in
            if let configured = configuration.priorities[y] { return configured.map { Priority($0.name) } }
            // Without configured priorities for the year: those tagged on its records, in order of first appearance.
            var seen: [Priority] = []
            let tagged = taggedByYear[y] ?? []
            let order =
                input.discoveredPriorities
                + configuration.priorities.keys.sorted().flatMap {
                    configuration.priorities[$0]!.map { Priority($0.name) }
                }
            for p in order where tagged.contains(p) && !seen.contains(p) { seen.append(p) }
            for p in tagged where !seen.contains(p) { seen.append(p) }
            return seen
        }
        // A dataset with no usable records is not recorded, like an absent one; `supplied` tells the notes apart.
        func usable<T>(_ records: [T]?) -> [T]? { records?.isEmpty == false ? records : nil }
        let (videoSection, videoNotes) = VideoTables.section(
            usable(records.videos), supplied: records.videos != nil, year: year)
        // The published order; people reached (attendance registers) follows training.
        let attendance = records.attendance.map { _ in
            AttendanceTables.section(records.attendance, year: year, priorities: prioritiesFor(year))
        }
        let sections =
            [
                PriorityTables.section(
                    training: usable(records.training), videos: usable(records.videos), year: year,
                    prioritiesFor: prioritiesFor),
                TrainingTables.section(
                    usable(records.training), supplied: records.training != nil, year: year, forms: records.evaluations),
            ]
            + [
                UptakeTables.section(usable(records.training), bookings: records.bookings, year: year),
                ImpactTables.section(
                    records.evaluations, supplied: records.evaluations != nil, year: year,
                    priorities: prioritiesFor(year),
                    scale: configuration.evaluationScale
                )
                .map { RatingAxes.onScale($0, scale: configuration.evaluationScale) },
            ].compactMap { $0 }
            + (attendance.map { [$0] } ?? []) + (BookingTables.section(records.bookings, year: year).map { [$0] } ?? [])
            + [
                videoSection,
                ReviewTables.section(
                    usable(records.reviews), supplied: records.reviews != nil, year: year,
                    timeliness: ReviewTimeliness.Rules(
                        limits: configuration.reviewLimits,
                        calendar: WorkingDayCalendar(extraHolidays: configuration.bankHolidays))),
            ]
            + [
                RecommendationTables.section(
                    records.recommendations, supplied: records.recommendations != nil, year: year),
                AuditTables.section(records.audits, supplied: records.audits != nil, year: year),
            ].compactMap { $0 }
            + [
                FinanceTables.section(
                    usable(records.finance), supplied: records.finance != nil, year: year, board: configuration.board)
            ].map(ChartCheck.dropEmptyCharts)
        var notes =
            DefaultYear.warning(records: records, configuration: configuration, requested: requested).map {
                ["warning: \($0)"]
            } ?? []
        notes += input.diagnostics.map(\.description)
        notes += ConsistencyNotes.notes(
            records: records, unsupplied: input.unsupplied, year: year, configuration: configuration)
        notes += videoNotes
        let title =
            configuration.partnership.map { "\($0): annual report \(year)" }
            ?? "Safeguarding Children Partnership: annual report \(year)"
        return Report(
            title: title, partnership: configuration.partnership, year: year, sections: sections,
            dataQuality: DataQuality(ledger: input.ledger, notes: notes, rejected: input.rejected))
    }
}

/// A chart with nothing to draw is left out, and its section says why.
enum ChartCheck {
    static func dropEmptyCharts(_ section: ReportSection) -> ReportSection {
        var section = section
        section.charts = section.charts.filter { chart in
            guard let table = section.tables.first(where: { $0.id == chart.tableID }) else { return false }
            let drawable = chart.rows.contains { r in
                table.rows.indices.contains(r) && table.rows[r].role == .body
                    && chart.seriesColumns.contains { c in
                        switch table.rows[r].cells.indices.contains(c) ? table.rows[r].cells[c].value : .empty {
                        case .count, .money, .percent: return true
                        default: return false
                        }
                    }
            }
            if !drawable {
                section.notes.append(
                    "No chart of \(chart.title.prefix(1).lowercased() + chart.title.dropFirst()): it has nothing to draw."
                )
            }
            return drawable
        }
        return section
    }
}

/// Observations that are not errors but that the business office should see.
enum ConsistencyNotes {
    static func notes(records: Records, unsupplied: [String], year: FinancialYear, configuration: ReportConfiguration)
        -> [String]
    {
        var notes: [String] = []
        if let finance = records.finance {
            let partners = FinanceTables.byLine(
                finance.filter { $0.kind == .contribution }, years: [year.previous, year])
            for (name, amounts) in partners where (amounts[0] == nil) != (amounts[1] == nil) {
                notes.append(
                    "Partner '\(name)' contributed in \(amounts[0] == nil ? year : year.previous) only; the other year shows N/A."
                )
            }
        }
        for (y, definitions) in configuration.priorities.sorted(by: { $0.key < $1.key }) {
            let names = Set(definitions.map(\.name))
            for e in records.training ?? [] where e.year == y {
                for p in e.priorities where !names.contains(p.name) {
                    notes.append("\(e.source): event '\(e.title)' is tagged '\(p.name)', which is not a \(y) priority.")
                }
            }
            for v in records.videos ?? [] where v.year == y {
                for p in v.priorities where !names.contains(p.name) {
                    notes.append(
                        "\(v.source): video '\(v.video ?? v.category)' is tagged '\(p.name)', which is not a \(y) priority."
                    )
                }
            }
        }
        for dataset in unsupplied {
            notes.append("No \(dataset) dataset was supplied; its sections are left out.")
        }
        return notes
    }
}
