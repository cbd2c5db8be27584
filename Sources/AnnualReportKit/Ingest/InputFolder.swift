import Foundation

/// Everything ingest produced from an inputs folder.
public struct IngestResult: Sendable {
    public var records: Records
    public var configuration: ReportConfiguration
    /// Priorities in report order for each year: configured, else as first found in the data.
    public var discoveredPriorities: [Priority]
    public var diagnostics: [Diagnostic]
    public var ledger: [FileLedger]
    public var rejected: [RejectedRow]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var notes: [Diagnostic] { diagnostics.filter { $0.severity == .note } }
}

/// Reads an inputs folder: the configuration, then each dataset's files found by name prefix.
public enum InputFolder {
    /// CSV files whose name starts with the dataset name (`training.csv`, `training-2021-22.csv`), sorted by name.
    public static func files(in folder: URL, for dataset: String) -> [URL] {
        csvFiles(in: folder).filter { $0.lastPathComponent.lowercased().hasPrefix(dataset) }
    }

    static func csvFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// `progress` shows a line while attendance registers (the large files) are read.
    public static func read(_ folder: URL, progress: ProgressLine? = nil) -> IngestResult {
        var diagnostics: [Diagnostic] = []
        guard (try? folder.checkResourceIsReachable()) == true else {
            diagnostics.append(Diagnostic(.error, file: folder.path, line: 0, column: nil,
                                          "inputs folder not found; expected a folder of CSV files"))
            return IngestResult(records: Records(), configuration: ReportConfiguration(), discoveredPriorities: [],
                                diagnostics: diagnostics, ledger: [], rejected: [])
        }
        let (configuration, _, configDiagnostics) = ConfigurationLoader.load(from: folder)
        diagnostics += configDiagnostics
        let catalog = PriorityCatalog(configuration: configuration)
        var ledger: [FileLedger] = []
        var rejected: [RejectedRow] = []
        var records = Records()
        let display: (URL) -> String = { $0.lastPathComponent }

        func take<R>(_ ingester: FileIngester<R>) -> [R]? {
            var ingester = ingester
            ingester.schema = ingester.schema.adding(aliases: configuration.columns[ingester.schema.name] ?? [:])
            let files = files(in: folder, for: ingester.schema.name)
            guard !files.isEmpty else { return nil }
            let reading = ingester.read(files: files, displayName: display)
            ledger += reading.ledger
            diagnostics += reading.diagnostics
            rejected += reading.rejected
            return reading.records
        }
        records.training = take(DatasetParsers.training(catalog: catalog))
        records.videos = take(DatasetParsers.videos(catalog: catalog))
        records.reviews = take(DatasetParsers.reviews())
        records.finance = take(DatasetParsers.finance(partners: PartnerNames.lookup(configuration.partners)))

        let registers = files(in: folder, for: DatasetSchema.attendance.name)
        if !registers.isEmpty {
            let attendance = AttendanceIngest.read(files: registers, catalog: catalog, progress: progress)
            ledger += attendance.ledger
            diagnostics += attendance.diagnostics
            rejected += attendance.rejected
            // Each session is an event too, so the training tables count it.
            diagnostics += AttendanceIngest.conflicts(training: records.training ?? [], attendance: attendance.events)
            records.training = (records.training ?? []) + attendance.events
            records.attendance = attendance.summary
        }

        let known = DatasetSchema.all.map(\.name) + [DatasetSchema.attendance.name]
        for url in csvFiles(in: folder) where !known.contains(where: { url.lastPathComponent.lowercased().hasPrefix($0) }) {
            diagnostics.append(Diagnostic(.note, file: url.lastPathComponent, line: 0, column: nil,
                "ignored: the name starts with no dataset name (\(known.joined(separator: ", ")))"))
        }
        return IngestResult(records: records, configuration: configuration, discoveredPriorities: catalog.discovered,
                            diagnostics: diagnostics.sorted(), ledger: ledger, rejected: rejected)
    }
}
