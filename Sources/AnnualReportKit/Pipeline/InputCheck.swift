/// What `ReportRun.check()` found in the inputs, as the command line prints it: the
/// diagnostics, the ledger and whether a report can be written. `build(_:)` takes it back.
public struct InputCheck: Sendable {
    /// What Ingest read, with the Model value the report is built from.
    let ingest: IngestResult

    /// Every error and note, sorted by file, line and column.
    public var diagnostics: [Diagnostic] { ingest.diagnostics }
    /// One entry per input file: rows read, used, rejected and control totals.
    public var ledger: [FileLedger] { ingest.ledger }
    /// The diagnostics that stop a build (without `--keep-going`).
    public var errors: [Diagnostic] { ingest.errors }
    var notes: [Diagnostic] { ingest.notes }
    var rejected: [RejectedRow] { ingest.rejected }
    var records: Records { ingest.records }
    /// No file in the folder is one of a dataset's: no report is written from it.
    public var holdsNoRecordFiles: Bool { ingest.holdsNoRecordFiles }
    /// The errors as counted for the closing line (`DiagnosticDigest.errorCount`).
    public var errorCount: Int { DiagnosticDigest.errorCount(ingest.diagnostics) }
    /// Whether any file had rows rejected (so `rejects.csv` lists them).
    public var rejectedRows: Bool { ingest.ledger.contains { $0.rejected > 0 } }
    /// What the report is built from.
    var reportInput: ReportInput { ingest.reportInput }
}
