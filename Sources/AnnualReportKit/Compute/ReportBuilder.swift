/// Builds the whole report from validated records: pure, no I/O.
public enum ReportBuilder {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noRecords
        case noRecordsInYear(FinancialYear, available: [FinancialYear])
        public var description: String {
            switch self {
            case .noRecords:
                return "no records to report on; expected at least one dataset with rows"
            case .noRecordsInYear(let year, let available):
                return "no records fall in \(year); expected one of the years in the data: \(available.map(\.label).joined(separator: ", "))"
            }
        }
    }

    /// The reporting year: `requested`, else the configured one, else the latest year in the data.
    public static func reportingYear(records: Records, configuration: ReportConfiguration, requested: FinancialYear?) -> FinancialYear? {
        requested ?? configuration.reportingYear ?? records.years.max()
    }

    public static func build(_ input: IngestResult, year requested: FinancialYear? = nil) throws -> Report {
        let records = input.records, configuration = input.configuration
        guard let year = reportingYear(records: records, configuration: configuration, requested: requested) else {
            throw Failure.noRecords
        }
        guard records.years.contains(year) else {
            throw Failure.noRecordsInYear(year, available: records.years.sorted())
        }
        let prioritiesFor: (FinancialYear) -> [Priority] = { y in
            if let configured = configuration.priorities[y] { return configured.map { Priority($0.name) } }
            // Without configured priorities for the year: those tagged on its records, in order of first appearance.
            var seen: [Priority] = []
            let tagged = (records.training ?? []).filter { $0.year == y }.flatMap(\.priorities)
                + (records.videos ?? []).filter { $0.year == y }.flatMap(\.priorities)
            let order = input.discoveredPriorities + configuration.priorities.keys.sorted().flatMap { configuration.priorities[$0]!.map { Priority($0.name) } }
            for p in order where tagged.contains(p) && !seen.contains(p) { seen.append(p) }
            for p in tagged where !seen.contains(p) { seen.append(p) }
            return seen
        }
        let (videoSection, videoNotes) = VideoTables.section(records.videos, year: year)
        // The published order; people reached (attendance registers) follows training.
        let attendance = records.attendance.map { _ in AttendanceTables.section(records.attendance, year: year, priorities: prioritiesFor(year)) }
        let sections = [
            PriorityTables.section(records: records, year: year, prioritiesFor: prioritiesFor),
            TrainingTables.section(records.training, year: year),
        ] + (attendance.map { [$0] } ?? []) + [
            videoSection,
            ReviewTables.section(records.reviews, year: year),
            FinanceTables.section(records.finance, year: year, board: configuration.board),
        ]
        var notes = input.diagnostics.map(\.description)
        notes += ConsistencyNotes.notes(records: records, year: year, configuration: configuration)
        notes += videoNotes
        let title = configuration.partnership.map { "\($0): annual report \(year)" } ?? "Safeguarding Children Partnership: annual report \(year)"
        return Report(title: title, partnership: configuration.partnership, year: year, sections: sections,
                      dataQuality: DataQuality(ledger: input.ledger, notes: notes, rejected: input.rejected))
    }
}

/// Observations that are not errors but that the business office should see.
enum ConsistencyNotes {
    static func notes(records: Records, year: FinancialYear, configuration: ReportConfiguration) -> [String] {
        var notes: [String] = []
        if let finance = records.finance {
            let partners = FinanceTables.byLine(finance.filter { $0.kind == .contribution }, years: [year.previous, year])
            for (name, amounts) in partners where (amounts[0] == nil) != (amounts[1] == nil) {
                notes.append("Partner '\(name)' contributed in \(amounts[0] == nil ? year : year.previous) only; the other year shows N/A.")
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
                    notes.append("\(v.source): video '\(v.video ?? v.category)' is tagged '\(p.name)', which is not a \(y) priority.")
                }
            }
        }
        let present = [("training", records.training != nil), ("videos", records.videos != nil),
                       ("reviews", records.reviews != nil), ("finance", records.finance != nil)]
        for (dataset, supplied) in present where !supplied {
            notes.append("No \(dataset) dataset was supplied; its sections are left out.")
        }
        return notes
    }
}
