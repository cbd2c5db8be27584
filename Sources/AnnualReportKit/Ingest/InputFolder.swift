import Foundation

/// Reads an inputs folder as downloaded: the configuration, then every CSV below it and in
/// its zips, each dataset's files found by name prefix or, for a platform's export, by header.
enum InputFolder {
    static func csvFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// What a folder that is not there gives: one error naming it as given.
    static func notFound(_ folder: URL) -> IngestResult {
        IngestResult(
            records: Records(), configuration: ReportConfiguration(), discoveredPriorities: [],
            diagnostics: [
                Diagnostic(
                    .error, file: NoRecordFiles.displayName(folder), line: 0, column: nil,
                    "inputs folder not found; expected a folder of CSV files")
            ],
            ledger: [], rejected: [], holdsNoRecordFiles: true)
    }

    /// `progress` shows a line while attendance registers (the large files) are read.
    /// `excluding`: folders below `folder` to pass over (the report's output, when it is there).
    static func read(_ folder: URL, excluding: [URL] = [], progress: ReadProgress? = nil) -> IngestResult {
        guard (try? folder.checkResourceIsReachable()) == true else { return notFound(folder) }
        let (configuration, _, configDiagnostics) = ConfigurationLoader.load(from: folder)
        var diagnostics = configDiagnostics

        // Every CSV below the folder and in its zips, each given to the dataset its name starts
        // with, else recognised by its header as a platform's export, else ignored with a note.
        let inputs = InputFiles(folder: folder, excluding: excluding)
        diagnostics += inputs.diagnostics
        let datasets = Datasets.all
        let assigned = assign(inputs, datasets: datasets, diagnostics: &diagnostics)
        let byDataset = assigned.byDataset
        let csvNames = Set(inputs.files.filter { $0.sheet == nil }.map { $0.name.lowercased() })
        diagnostics += WorkbookInputs.diagnostics(
            inputs.workbooks, unrecognised: assigned.unrecognised, taken: assigned.taken,
            csvNames: csvNames, datasets: datasets)
        diagnostics += OtherFiles.diagnostics(
            inputs.others, csvNames: csvNames,
            datasetNames: datasets.map(\.schema.name))
        if byDataset.isEmpty
            && !diagnostics.contains(where: {
                $0.severity == .error && !ConfigurationLoader.fileNames.contains($0.file)
            })
        {
            diagnostics.append(
                NoRecordFiles.error(
                    folder: NoRecordFiles.displayName(folder), inputs: inputs, datasets: datasets,
                    diagnostics: &diagnostics))
        }
        let names = Dictionary(inputs.files.map { ($0.url, $0.name) }, uniquingKeysWith: { a, _ in a })
        let (reading, catalog) = readDatasets(byDataset, names: names, configuration: configuration, progress: progress)
        let (records, ledger) = (reading.records, reading.ledger)
        var rejected = reading.rejected
        diagnostics += reading.diagnostics
        WorkbookInputs.locate(&diagnostics, &rejected, files: inputs.files)
        KnockOnErrors.fold(&diagnostics, ledger: ledger)
        ExcelShortened.fold(&diagnostics)
        var resolved = configuration
        diagnostics += FinanceBoards.resolve(records.finance, configuration: &resolved)
        diagnostics += SimilarNames.warnings(records, configuration: configuration)
        return IngestResult(
            records: records, configuration: resolved, discoveredPriorities: catalog.discovered,
            diagnostics: diagnostics.sorted(), ledger: ledger, rejected: rejected, holdsNoRecordFiles: byDataset.isEmpty
        )
    }

    /// The input files each dataset is given, and the workbooks' sheets that none took.
    private struct Assignment {
        var byDataset: [String: [InputFile]] = [:]
        /// Each workbook's sheets that no dataset took, by workbook.
        var unrecognised: [String: [String]] = [:]
        /// The workbooks at least one of whose sheets a dataset took.
        var taken: Set<String> = []
    }

    /// Gives each file to a dataset: an export recognised by its header that goes before names
    /// (`beforeNames`), else the dataset its name starts with, else an export recognised by its
    /// header; else it is ignored with a note (a workbook's sheet is left to `WorkbookInputs`).
    private static func assign(
        _ inputs: InputFiles, datasets: [DatasetDeclaration], diagnostics: inout [Diagnostic]
    ) -> Assignment {
        var assigned = Assignment()
        func recognised(_ d: DatasetDeclaration, _ file: InputFile) {
            assigned.byDataset[d.schema.name, default: []].append(file)
            diagnostics.append(Diagnostic(.note, file: file.name, line: 0, column: nil, d.recognisedNote))
        }
        let sheetsRead = Dictionary(inputs.workbooks.map { ($0.name, $0.read) }, uniquingKeysWith: { a, _ in a })
        for file in inputs.files {
            // Any of the first rows may be an export's header: offices add a title above it.
            let heads = InputFiles.heads(of: file)
            func recognises(_ d: DatasetDeclaration) -> Bool { heads.contains { d.recognises?($0) == true } }
            let named = namedDataset(file, heads: heads, datasets: datasets, sheetsRead: sheetsRead)
            if let d = datasets.first(where: { $0.beforeNames && recognises($0) }) {
                recognised(d, file)
            } else if let d = named {
                assigned.byDataset[d.schema.name, default: []].append(file)
            } else if let d = datasets.first(where: { !$0.beforeNames && recognises($0) }) {
                recognised(d, file)
            } else if let sheet = file.sheet {
                assigned.unrecognised[sheet.workbook, default: []].append(sheet.sheet)
                continue
            } else if YouTubeExport.isCompanion(file) {
                diagnostics.append(
                    Diagnostic(
                        .note, file: file.name, line: 0, column: nil,
                        "not read: a YouTube Studio export's daily or total figures; the report reads its Table data.csv"
                    ))
                continue
            } else {
                diagnostics.append(
                    Diagnostic(
                        .note, file: file.name, line: 0, column: nil,
                        "ignored: the name starts with no dataset name (\(datasets.map(\.schema.name).joined(separator: ", "))) and the header is not a known export's"
                    ))
                continue
            }
            if let sheet = file.sheet {
                assigned.taken.insert(sheet.workbook)
                diagnostics += WorkbookInputs.cellProblems(file)
            }
        }
        return assigned
    }

    /// The dataset a file's name gives it to: the one its name starts with; for a workbook's
    /// sheet, the one its sheet's name gives, else the workbook's (`WorkbookInputs`).
    private static func namedDataset(
        _ file: InputFile, heads: [[String]], datasets: [DatasetDeclaration], sheetsRead: [String: Int]
    ) -> DatasetDeclaration? {
        guard let sheet = file.sheet else {
            let base = file.baseName.lowercased()
            return datasets.first(where: { base.hasPrefix($0.schema.name) })
        }
        return WorkbookInputs.named(sheet, datasets: datasets).flatMap { d, bySheetName in
            bySheetName
                || WorkbookInputs.belongs(heads: heads, to: d, sheetsRead: sheetsRead[sheet.workbook] ?? 0)
                ? d : nil
        }
    }

    /// Reads each dataset's files, in `Datasets.all`'s order, with one priority catalog. When a
    /// name such as `Neglect, Exploitation` was read before `Neglect` and `Exploitation` were
    /// found on their own (lower in the files), all is read again knowing them, so that the
    /// name is an error at its cell (`PriorityCatalog.joined`).
    private static func readDatasets(
        _ byDataset: [String: [InputFile]], names: [URL: String], configuration: ReportConfiguration,
        progress: ReadProgress?
    ) -> (FolderReading, PriorityCatalog) {
        func read(_ catalog: PriorityCatalog) -> FolderReading {
            var reading = FolderReading(
                configuration: configuration, catalog: catalog, progress: progress, names: names)
            for d in Datasets.all { d.read(&reading, byDataset[d.schema.name] ?? []) }
            return reading
        }
        let catalog = PriorityCatalog(configuration: configuration)
        let reading = read(catalog)
        guard catalog.tookJoinedNames else { return (reading, catalog) }
        let again = PriorityCatalog(configuration: configuration, primed: catalog.standalone)
        return (read(again), again)
    }
}
