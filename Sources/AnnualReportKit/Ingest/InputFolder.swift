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

/// Reads an inputs folder as downloaded: the configuration, then every CSV below it and in
/// its zips, each dataset's files found by name prefix or, for a platform's export, by header.
public enum InputFolder {
    static func csvFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// `progress` shows a line while attendance registers (the large files) are read.
    /// `excluding`: folders below `folder` to pass over (the report's output, when it is there).
    public static func read(_ folder: URL, excluding: [URL] = [], progress: ReadProgress? = nil) -> IngestResult {
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

        // Every CSV below the folder and in its zips, each given to the dataset its name starts
        // with, else recognised by its header as a platform's export, else ignored with a note.
        let inputs = InputFiles(folder: folder, excluding: excluding)
        diagnostics += inputs.diagnostics
        let datasetNames = DatasetSchema.allNames
        var byDataset: [String: [InputFile]] = [:]
        for file in inputs.files {
            let base = file.baseName.lowercased()
            let header = InputFiles.header(of: file)
            if let header, EventbriteRegister.recognises(header) {
                // An attendee report, whatever its name (attendance-eventbrite.csv included).
                byDataset[EventbriteRegister.schema.name, default: []].append(file)
                diagnostics.append(Diagnostic(.note, file: file.name, line: 0, column: nil,
                    "read as a booking register linked to training by Event ID (recognised by its header: Event ID, Attendee Status)"))
            } else if let dataset = datasetNames.first(where: { base.hasPrefix($0) }) {
                byDataset[dataset, default: []].append(file)
            } else if let header, YouTubeExport.recognises(header) {
                byDataset[YouTubeExport.schema.name, default: []].append(file)
                diagnostics.append(Diagnostic(.note, file: file.name, line: 0, column: nil,
                    "read as a YouTube Studio content export (recognised by its header: Content, Video title, Views)"))
            } else if YouTubeExport.isCompanion(file) {
                diagnostics.append(Diagnostic(.note, file: file.name, line: 0, column: nil,
                    "not read: a YouTube Studio export's daily or total figures; the report reads its Table data.csv"))
            } else {
                diagnostics.append(Diagnostic(.note, file: file.name, line: 0, column: nil,
                    "ignored: the name starts with no dataset name (\(datasetNames.joined(separator: ", "))) and the header is not a known export's"))
            }
        }
        let names = Dictionary(inputs.files.map { ($0.url, $0.name) }, uniquingKeysWith: { a, _ in a })

        func take<R>(_ ingester: FileIngester<R>) -> [R]? {
            var ingester = ingester
            ingester.schema = ingester.schema.adding(aliases: configuration.columns[ingester.schema.name] ?? [:])
            guard let files = byDataset[ingester.schema.name], !files.isEmpty else { return nil }
            let reading = ingester.read(files: files.map(\.url), displayName: { names[$0] ?? $0.lastPathComponent })
            ledger += reading.ledger
            diagnostics += reading.diagnostics
            rejected += reading.rejected
            return reading.records
        }
        records.training = take(DatasetParsers.training(catalog: catalog))
        records.videos = take(DatasetParsers.videos(catalog: catalog))
        let catalogue = take(VideoCatalogue.ingester(catalog: catalog))
        if let exported = take(YouTubeExport.ingester()) {
            let (videos, notes) = VideoCatalogue.videos(exported, catalogue: catalogue)
            diagnostics += notes
            diagnostics += VideoCatalogue.conflicts(listed: records.videos ?? [], exported: videos)
            records.videos = (records.videos ?? []) + videos
        } else if let catalogue, !catalogue.isEmpty {
            diagnostics.append(Diagnostic(.note, file: catalogue[0].source.file, line: 0, column: nil,
                "the catalogue is used only with a platform's export (YouTube Studio's Table data.csv), and there is none"))
        }
        records.reviews = take(DatasetParsers.reviews())
        records.finance = take(DatasetParsers.finance(partners: PartnerNames.lookup(configuration.partners)))

        if byDataset[EventbriteRegister.schema.name] != nil {
            var training = records.training ?? []
            var events: [String: TrainingEvent] = [:]
            for e in training { if let id = e.eventID, events[id] == nil { events[id] = e } }
            if let bookings = take(EventbriteRegister.ingester(events: events)) {
                let (summary, linkDiagnostics) = EventbriteRegister.link(bookings, training: &training)
                diagnostics += linkDiagnostics
                records.training = records.training == nil ? nil : training
                records.bookings = summary
            }
        }
        // A training row left without attendees for a register that never came is an error.
        if records.bookings == nil, let training = records.training {
            for e in training where !e.attendeesGiven {
                diagnostics.append(Diagnostic(.error, file: e.source.file, line: e.source.line, column: nil,
                    "attendees left blank for event_id '\(e.eventID ?? "")', and no booking register has that Event ID; expected the attendees, or the event's register"))
            }
        }

        let registers = (byDataset[DatasetSchema.attendance.name] ?? []).map(\.url)
        if !registers.isEmpty {
            let attendance = AttendanceIngest.read(files: registers, catalog: catalog, progress: progress,
                                                   schema: DatasetSchema.attendance.adding(aliases: configuration.columns["attendance"] ?? [:]))
            ledger += attendance.ledger
            diagnostics += attendance.diagnostics
            rejected += attendance.rejected
            // Each session is an event too, so the training tables count it.
            diagnostics += AttendanceIngest.conflicts(training: records.training ?? [], attendance: attendance.events)
            records.training = (records.training ?? []) + attendance.events
            records.attendance = attendance.summary
        }
        if byDataset[EvaluationColumns.dataset] != nil {
            let forms = take(EvaluationColumns.ingester(training: records.training ?? [], scale: configuration.evaluationScale))
            records.evaluations = forms
            diagnostics += EvaluationColumns.countNotes(training: records.training ?? [], forms: forms ?? [])
        }
        return IngestResult(records: records, configuration: configuration, discoveredPriorities: catalog.discovered,
                            diagnostics: diagnostics.sorted(), ledger: ledger, rejected: rejected)
    }
}
