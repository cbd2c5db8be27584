import Foundation

/// The output formats `--format` selects.
public enum OutputFormat: String, CaseIterable, Sendable {
    case md, csv, xlsx, html
}

/// One run of the tool: read the inputs, build the report, write the outputs.
///
/// ```swift
/// let run = ReportRun(inputs: URL(fileURLWithPath: "Inputs"), output: URL(fileURLWithPath: "Reports"))
/// let outcome = try run.build()   // writes Reports/2022-23/ unless the inputs have errors
/// ```
public struct ReportRun: Sendable {
    var inputs: URL
    var output: URL
    var year: FinancialYear?
    var formats: Set<OutputFormat>
    /// Write the report without the rejected rows instead of writing nothing.
    var keepGoing: Bool
    /// The document timestamp for the workbook (`SOURCE_DATE_EPOCH`); nil uses a fixed one.
    var documentTimestamp: Date?
    /// A progress line while large files are read (`ProgressLine.standardError()`), or nil.
    var progress: ProgressLine?

    /// `output` is the folder the report goes under, as `<output>/<year>/`; `year` nil reports on
    /// the configured year, else the latest year with activity in the data.
    public init(
        inputs: URL, output: URL, year: FinancialYear? = nil, formats: Set<OutputFormat> = Set(OutputFormat.allCases),
        keepGoing: Bool = false, documentTimestamp: Date? = nil, progress: ProgressLine? = nil
    ) {
        self.inputs = inputs
        self.output = output
        self.year = year
        self.formats = formats
        self.keepGoing = keepGoing
        self.documentTimestamp = documentTimestamp
        self.progress = progress
    }

    /// What `build()` did: what it read, and the folder it wrote, if any.
    public struct Outcome: Sendable {
        /// What was read from the inputs, with every diagnostic and the ledger.
        public var ingest: InputCheck
        var report: Report?
        /// The folder written, nil when nothing was written.
        public var written: URL?
        /// Whether the run had errors (exit non-zero), even when `--keep-going` wrote a report.
        var failed: Bool { !ingest.errors.isEmpty || report == nil }
    }

    /// Validates the inputs and writes nothing.
    public func check() -> InputCheck {
        InputCheck(ingest: InputFolder.read(inputs, excluding: [output], progress: progress?.readProgress))
    }

    /// Why no report could be built from `ingest` for want of a year, or nil.
    public func yearProblem(_ checked: InputCheck) -> ReportBuilder.Failure? {
        if case .failure(let failure) = ReportBuilder.resolveYear(checked.reportInput, requested: year) {
            return failure
        }
        return nil
    }

    /// Why the year chosen by default may not be the one wanted (`DefaultYear`), as printed
    /// after `warning:`, or nil.
    public func yearWarning(_ checked: InputCheck) -> String? {
        DefaultYear.warning(checked.reportInput, requested: year)
    }

    /// Reads the inputs and, when they have no errors (or with `keepGoing`), writes the report
    /// into a temporary folder beside `<output>/<year>` and renames it into place. Throws
    /// `ReportBuilder.Failure` when there is no year to report, or the error of a failed write.
    public func build() throws -> Outcome { try build(check()) }

    /// As `build()`, from inputs already read by `check()`. Nothing is written from inputs with
    /// errors (without `keepGoing`), nor from a folder with no file of records in it.
    public func build(_ ingest: InputCheck) throws -> Outcome {
        var outcome = Outcome(ingest: ingest, report: nil, written: nil)
        if (!ingest.errors.isEmpty && !keepGoing) || ingest.holdsNoRecordFiles { return outcome }
        let report = try ReportBuilder.build(ingest.reportInput, year: year)
        outcome.report = report
        let destination = output.appendingPathComponent(report.year.label)
        try AtomicFolder.write(to: destination) { folder in
            try ReportRun.write(report, formats: formats, into: folder, timestamp: documentTimestamp)
        }
        outcome.written = destination
        return outcome
    }

    /// Every file of the report under `folder`.
    static func write(_ report: Report, formats: Set<OutputFormat>, into folder: URL, timestamp: Date?) throws {
        var chartPaths: [String: String] = [:]
        // The SVG files go with the documents that show charts: the Markdown links them and the
        // HTML inlines the same drawings. CSV or XLSX alone write no charts/ folder.
        let charts = formats.contains(.md) || formats.contains(.html) ? report.sections.flatMap(\.charts) : []
        for chart in charts {
            guard let table = report.tables.first(where: { $0.id == chart.tableID }) else { continue }
            let path = "charts/\(chart.id).svg"
            try AtomicFolder.put(SVGChartWriter.svg(for: chart, table: table), path, in: folder)
            chartPaths[chart.id] = path
        }
        if formats.contains(.md) {
            try AtomicFolder.put(
                MarkdownWriter.markdown(report, chartPaths: chartPaths), "annual-report.md", in: folder)
        }
        if formats.contains(.html) {
            try AtomicFolder.put(HTMLWriter.html(report), "annual-report.html", in: folder)
        }
        if formats.contains(.csv) {
            for table in report.tables {
                try AtomicFolder.put(CSVWriter.csv(table), "tables/\(table.id).csv", in: folder)
            }
        }
        if !report.dataQuality.rejected.isEmpty {
            try AtomicFolder.put(CSVWriter.rejects(report.dataQuality.rejected), "rejects.csv", in: folder)
        }
        if formats.contains(.xlsx) {
            try XLSXWriter(documentTimestamp: timestamp).write(
                report, to: folder.appendingPathComponent("annual-report.xlsx"))
        }
    }
}

extension ReportBuilder.Failure {
    /// The failure as printed after `error:`, with why there are no records: the files that
    /// could not be read (their own errors are printed above it).
    public func explained(by ingest: InputCheck) -> String {
        guard case .noRecords = self else { return description }
        let erring = Set(ingest.errors.map(\.file))
        var unread = ingest.ledger.filter { $0.used == 0 && erring.contains($0.file) }.map(\.file)
        for d in ingest.errors
        where d.line == 0 && !unread.contains(d.file) && !ingest.ledger.contains(where: { $0.file == d.file }) {
            unread.append(d.file)
        }
        guard !unread.isEmpty else { return description }
        let named = unread.count == 1 ? unread[0] : unread.dropLast().joined(separator: ", ") + " and " + unread.last!
        return description.replacingOccurrences(
            of: "no year to report;",
            with:
                "no year to report: nothing could be read from \(named) (see \(unread.count == 1 ? "its" : "their") errors above);"
        )
    }
}
