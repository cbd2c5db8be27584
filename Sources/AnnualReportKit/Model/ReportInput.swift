/// What Compute builds a report from: everything read from an inputs folder, in Model's terms.
/// Ingest produces it (`IngestResult.reportInput`); Compute needs nothing else.
struct ReportInput: Sendable {
    var records: Records
    var configuration: ReportConfiguration
    /// Priorities in report order for each year: configured, else as first found in the data.
    var discoveredPriorities: [Priority]
    /// Every error and note, sorted by file, line and column.
    var diagnostics: [Diagnostic]
    /// One entry per input file: rows read, used, rejected and control totals.
    var ledger: [FileLedger]
    var rejected: [RejectedRow]
    /// The report's own datasets (training, videos, reviews, finance …) with no files at all.
    var unsupplied: [String]
    /// Each dataset that makes a year, in the order the datasets are declared, with its years.
    var datasetYears: [DatasetYears]

    /// The years with activity: every dataset's records but those that do not make a year (a
    /// budget row, often agreed for next year).
    var activityYears: Set<FinancialYear> { datasetYears.reduce(into: []) { $0.formUnion($1.activity) } }

    /// Every financial year some record falls in, budgets included.
    var years: Set<FinancialYear> { datasetYears.reduce(into: []) { $0.formUnion($1.all) } }
}

/// The financial years one dataset's records fall in, as its declaration states them.
struct DatasetYears: Sendable, Equatable {
    /// The dataset's name (`training`), as the default year's warning lists it.
    var name: String
    /// The years its records make a year to report on.
    var activity: Set<FinancialYear>
    /// Every year a record of it falls in (`activity` and, for finance, budgets).
    var all: Set<FinancialYear>

    /// A dataset every record of which makes a year.
    init(_ name: String, _ years: Set<FinancialYear>) { self.init(name, activity: years, all: years) }

    init(_ name: String, activity: Set<FinancialYear>, all: Set<FinancialYear>) {
        self.name = name
        self.activity = activity
        self.all = all
    }
}
