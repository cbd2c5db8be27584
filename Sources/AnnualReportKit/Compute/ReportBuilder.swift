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

    /// The report's sections in the published order (not the order the datasets are read): a
    /// new dataset's section is one line here. People reached (attendance registers) follows training.
    static var outline: [any Section.Type] {
        [
            PriorityTables.self,
            TrainingTables.self,
            UptakeTables.self,
            ImpactTables.self,
            AttendanceTables.self,
            BookingTables.self,
            VideoTables.self,
            ReviewTables.self,
            RecommendationTables.self,
            AuditTables.self,
            FinanceTables.self,
        ]
    }

    /// The reporting year: `requested`, else the configured one, else the latest year with
    /// activity in the data (else the latest year of any record, such as a budget).
    static func reportingYear(_ input: ReportInput, requested: FinancialYear?) -> FinancialYear? {
        requested ?? input.configuration.reportingYear ?? input.activityYears.max() ?? input.years.max()
    }

    /// The year the report is on, or why there is none. A year named on the command line or in
    /// the configuration is reported on when the data have no records at all (every figure is
    /// then "not recorded"); when they have records, it must be one of their years.
    static func resolveYear(_ input: ReportInput, requested: FinancialYear?) -> Result<FinancialYear, Failure> {
        guard let year = reportingYear(input, requested: requested) else { return .failure(.noRecords) }
        let years = input.years
        guard years.isEmpty || years.contains(year) else {
            return .failure(.noRecordsInYear(year, available: years.sorted()))
        }
        return .success(year)
    }

    /// The whole report for `input`: pure, no I/O. Throws `Failure` when there is no year to report.
    static func build(_ input: ReportInput, year requested: FinancialYear? = nil) throws -> Report {
        let year = try resolveYear(input, requested: requested).get()
        let context = SectionContext(input: input, year: year, prioritiesFor: ReportPriorities.lookup(input))
        let outputs = outline.map { $0.build(context) }
        let configuration = input.configuration
        let title =
            configuration.partnership.map { "\($0): annual report \(year)" }
            ?? "Safeguarding Children Partnership: annual report \(year)"
        return Report(
            title: title, partnership: configuration.partnership, year: year,
            sections: outputs.compactMap(\.section),
            dataQuality: DataQuality(
                ledger: input.ledger,
                notes: dataQualityNotes(input, year: year, requested: requested)
                    + outputs.flatMap(\.dataQualityNotes),
                rejected: input.rejected))
    }

    /// The data-quality notes before the sections' own: the default year's warning, every
    /// diagnostic, and the consistency notes.
    static func dataQualityNotes(_ input: ReportInput, year: FinancialYear, requested: FinancialYear?) -> [String] {
        var notes = DefaultYear.warning(input, requested: requested).map { ["warning: \($0)"] } ?? []
        notes += input.diagnostics.map(\.description)
        notes += ConsistencyNotes.notes(
            records: input.records, unsupplied: input.unsupplied, year: year, configuration: input.configuration)
        return notes
    }
}
