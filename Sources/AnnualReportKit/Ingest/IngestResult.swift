import Foundation

/// Everything ingest produced from an inputs folder: the Model value Compute builds the report
/// from (`reportInput`), and whether the folder held any file of records.
public struct IngestResult: Sendable {
    /// The records, configuration, ledger and diagnostics, with each dataset's years.
    var reportInput: ReportInput
    /// No file in the folder is one of a dataset's (`NoRecordFiles`): no report is written from it.
    public var holdsNoRecordFiles = false

    /// The datasets' years and unsupplied names come from `Datasets.all`'s declarations.
    init(
        records: Records, configuration: ReportConfiguration, discoveredPriorities: [Priority],
        diagnostics: [Diagnostic], ledger: [FileLedger], rejected: [RejectedRow], holdsNoRecordFiles: Bool = false
    ) {
        reportInput = ReportInput(
            records: records, configuration: configuration, discoveredPriorities: discoveredPriorities,
            diagnostics: diagnostics, ledger: ledger, rejected: rejected, unsupplied: Datasets.unsupplied(records),
            datasetYears: Datasets.years(records))
        self.holdsNoRecordFiles = holdsNoRecordFiles
    }

    var records: Records { reportInput.records }
    var configuration: ReportConfiguration { reportInput.configuration }
    var discoveredPriorities: [Priority] { reportInput.discoveredPriorities }
    /// Every error and note, sorted by file, line and column.
    public var diagnostics: [Diagnostic] { reportInput.diagnostics }
    /// One entry per input file: rows read, used, rejected and control totals.
    public var ledger: [FileLedger] { reportInput.ledger }
    var rejected: [RejectedRow] { reportInput.rejected }
    /// The diagnostics that stop a build (without `--keep-going`).
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var notes: [Diagnostic] { diagnostics.filter { $0.severity == .note } }
}
