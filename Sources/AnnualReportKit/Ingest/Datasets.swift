import Foundation

/// One dataset, declared once: its schema, how a file is recognised, how its files are read
/// and where the records go, and whether a run supplied it.
///
/// `Datasets.all` is the one list of them. `InputFolder` gives each declaration its files in
/// that order; the file-name prefixes, the configuration's `columns:` and the report's "not
/// supplied" notes come from it too. `docs/architecture.md` walks through adding one.
struct DatasetDeclaration: Sendable {
    /// Its name (the file-name prefix, `training*.csv`), columns and aliases.
    let schema: DatasetSchema
    /// A platform's export, recognised by its header whatever the file is called; the note
    /// says what it was read as. `beforeNames`: the header wins over a file-name prefix.
    var recognises: (@Sendable (_ header: [String]) -> Bool)? = nil
    var recognisedNote = ""
    var beforeNames = false
    /// Reads the dataset's files into `reading.records`. Called for every declaration, with no
    /// files when there are none, so a dataset can also check what it links to.
    let read: @Sendable (_ reading: inout FolderReading, _ files: [InputFile]) -> Void
    /// The years its records fall in, from which the report's year is chosen; nil for a dataset
    /// whose records make no year of their own (a catalogue, an export read as videos, bookings,
    /// registers' sessions counted as training, evaluation forms). It has no default, so a new
    /// dataset cannot be left out of the choice of year by forgetting it.
    let years: (@Sendable (Records) -> DatasetYears)?
    /// Whether `records` hold this dataset; nil for one that only feeds another (a catalogue,
    /// an export read as videos), which has no section of its own to leave out.
    var supplied: (@Sendable (Records) -> Bool)? = nil
}

/// What the datasets read so far have produced, passed from one declaration to the next.
struct FolderReading {
    let configuration: ReportConfiguration
    let catalog: PriorityCatalog
    let progress: ReadProgress?
    /// How messages name each file (its path below the inputs folder).
    let names: [URL: String]
    var records = Records()
    var diagnostics: [Diagnostic] = []
    var ledger: [FileLedger] = []
    var rejected: [RejectedRow] = []
    /// The video catalogue, which only the platform export's declaration uses.
    var catalogue: [CatalogueEntry]?
    /// Each file's bytes by its URL, for reading from memory (the fuzz targets); nil reads the disk.
    var contents: [URL: Data]? = nil

    /// Reads `files` with `ingester` (the configuration's `columns:` added to its schema), adding
    /// its ledger, diagnostics and rejects; nil when there are no files (the dataset is absent).
    mutating func take<R>(_ ingester: FileIngester<R>, _ files: [InputFile]) -> [R]? {
        var ingester = ingester
        ingester.schema = ingester.schema.adding(aliases: configuration.columns[ingester.schema.name] ?? [:])
        guard !files.isEmpty else { return nil }
        let reading: DatasetReading<R>
        if let contents {
            reading = ingester.read(contents: files.map { f in (f.name, { contents[f.url] }) })
        } else {
            reading = ingester.read(files: files.map(\.url), displayName: { names[$0] ?? $0.lastPathComponent })
        }
        ledger += reading.ledger
        diagnostics += reading.diagnostics
        rejected += reading.rejected
        return reading.records
    }
}

/// Every dataset, in the order they are read: one that links to another comes after it
/// (bookings, attendance and evaluations after training; the YouTube export after its catalogue).
enum Datasets {
    static let all: [DatasetDeclaration] = [
        .init(
            schema: .training,
            read: { r, files in
                r.records.training = r.take(DatasetParsers.training(catalog: r.catalog), files)
            }, years: { DatasetYears("training", Records.trainingYears($0.training)) }, supplied: { $0.training != nil }
        ),

        .init(
            schema: .videos,
            read: { r, files in
                r.records.videos = r.take(DatasetParsers.videos(catalog: r.catalog), files)
            }, years: { DatasetYears("videos", Set(($0.videos ?? []).map(\.year))) }, supplied: { $0.videos != nil }),

        .init(
            schema: .catalogue,
            read: { r, files in
                r.catalogue = r.take(VideoCatalogue.ingester(catalog: r.catalog), files)
            }, years: nil),

        .init(
            schema: YouTubeExport.schema, recognises: YouTubeExport.recognises,
            recognisedNote:
                "read as a YouTube Studio content export (recognised by its header: Content, Video title, Views)",
            read: { r, files in
                if let exported = r.take(YouTubeExport.ingester(), files) {
                    let (videos, notes) = VideoCatalogue.videos(exported, catalogue: r.catalogue)
                    r.diagnostics += notes
                    r.diagnostics += VideoCatalogue.conflicts(listed: r.records.videos ?? [], exported: videos)
                    r.records.videos = (r.records.videos ?? []) + videos
                } else if let catalogue = r.catalogue, !catalogue.isEmpty {
                    r.diagnostics.append(
                        Diagnostic(
                            .note, file: catalogue[0].source.file, line: 0, column: nil,
                            "the catalogue is used only with a platform's export (YouTube Studio's Table data.csv), and there is none"
                        ))
                }
            }, years: nil),

        .init(
            schema: .reviews,
            read: { r, files in
                r.records.reviews = r.take(DatasetParsers.reviews(), files)
            }, years: { DatasetYears("reviews", Set(($0.reviews ?? []).map(\.year))) }, supplied: { $0.reviews != nil }),

        .init(
            schema: .finance,
            read: { r, files in
                r.records.finance = r.take(
                    DatasetParsers.finance(partners: PartnerNames.lookup(r.configuration.partners)), files)
                r.diagnostics += FinanceInstalments.check(r.records.finance ?? [])
            },
            years: { r in
                DatasetYears(
                    "finance", activity: Set((r.finance ?? []).filter { $0.kind != .budget }.map(\.year)),
                    all: Set((r.finance ?? []).map(\.year)))
            }, supplied: { $0.finance != nil }),

        // An attendee report, whatever its name (attendance-eventbrite.csv included).
        .init(
            schema: EventbriteRegister.schema, recognises: EventbriteRegister.recognises,
            recognisedNote:
                "read as a booking register linked to training by Event ID (recognised by its header: Event ID, Attendee Status)",
            beforeNames: true,
            read: { r, files in
                var training = r.records.training ?? []
                var events: [String: TrainingEvent] = [:]
                for e in training { if let id = e.eventID, events[id] == nil { events[id] = e } }
                if let bookings = r.take(EventbriteRegister.ingester(events: events), files) {
                    let (summary, linkDiagnostics) = EventbriteRegister.link(bookings, training: &training)
                    r.diagnostics += linkDiagnostics
                    r.records.training = r.records.training == nil ? nil : training
                    r.records.bookings = summary
                }
                // A training row left without attendees for a register that never came is an error.
                if r.records.bookings == nil, let training = r.records.training {
                    for e in training where !e.attendeesGiven {
                        r.diagnostics.append(
                            Diagnostic(
                                .error, file: e.source.file, line: e.source.line, column: nil,
                                "attendees left blank for event_id '\(e.eventID ?? "")', and no booking register has that Event ID; expected the attendees, or the event's register"
                            ))
                    }
                }
            }, years: nil),

        // Registers are read by their own parallel reader; each session is an event too, so
        // the training tables count it.
        .init(
            schema: .attendance,
            read: { r, files in
                guard !files.isEmpty else { return }
                let training = r.records.training ?? []
                var attendance = AttendanceIngest.read(
                    files: files.map(\.url), names: files.map(\.name), catalog: r.catalog, progress: r.progress,
                    schema: DatasetSchema.attendance.adding(aliases: r.configuration.columns["attendance"] ?? [:]),
                    reserving: training.count)
                r.ledger += attendance.ledger
                r.diagnostics += attendance.diagnostics
                r.rejected += attendance.rejected
                r.diagnostics += AttendanceIngest.conflicts(training: training, attendance: attendance.events)
                r.diagnostics += AttendanceFileYear.errors(attendance.events)
                // The sessions move, not copy: a second array of 400,000 sessions was the read's peak
                // memory. The training rows go in front, in the capacity reserved for them.
                var events = attendance.events
                attendance.events = []
                events.insert(contentsOf: training, at: 0)
                r.records.training = events
                r.records.attendance = attendance.summary
            }, years: nil),

        .init(
            schema: EvaluationColumns.schema,
            read: { r, files in
                guard !files.isEmpty else { return }
                let tally = EvaluationScale(scale: r.configuration.evaluationScale)
                let forms = r.take(EvaluationColumns.ingester(training: r.records.training ?? [], tally: tally), files)
                r.records.evaluations = forms
                r.diagnostics += tally.summaries()
                r.diagnostics += EvaluationColumns.countNotes(training: r.records.training ?? [], forms: forms ?? [])
            }, years: nil),

        // Last, so that the fuzz corpus's first byte keeps picking the dataset it was made for.
        .init(
            schema: Recommendations.schema,
            read: { r, files in
                r.records.recommendations = r.take(Recommendations.ingester(), files)
            },
            years: { r in
                // A recommendation's year is when it was agreed, else completed; undated, none.
                let days = (r.recommendations ?? []).compactMap { $0.agreed ?? $0.completed }
                return DatasetYears("recommendations", Set(days.map(FinancialYear.init(containing:))))
            }, supplied: { $0.recommendations != nil }),

        .init(
            schema: CaseAudits.schema,
            read: { r, files in
                r.records.audits = r.take(CaseAudits.ingester(), files)
                r.diagnostics += CaseAudits.selectedConflicts(r.records.audits ?? [])
            }, years: { DatasetYears("audits", Set(($0.audits ?? []).map(\.year))) }, supplied: { $0.audits != nil }),
    ]

    /// Each dataset that makes a year, in declaration order, with the years of `records`.
    static func years(_ records: Records) -> [DatasetYears] { all.compactMap { $0.years?(records) } }

    /// The report's own datasets (training, videos, reviews, finance …) with no files at all.
    static func unsupplied(_ records: Records) -> [String] {
        all.compactMap { d in d.supplied.map { $0(records) ? nil : d.schema.name } ?? nil }
    }
}
