import Foundation

/// What reading one dataset's files produced: the good records, and an account of every other row.
struct DatasetReading<Record> {
    var records: [Record] = []
    /// Where each record's first totalled figure sits (for messages about it), by record index.
    var measures: [CSVPosition?] = []
    var ledger: [FileLedger] = []
    var diagnostics: [Diagnostic] = []
    var rejected: [RejectedRow] = []
}

/// What `FileIngester.fileScan` found in a whole file.
struct FileScan {
    var traits: Set<String> = []
    var diagnostics: [Diagnostic] = []
}

/// Reads every file of one dataset: decodes, checks the header, parses each row with
/// `parse`, rejects rows with problems or duplicate keys, checks summary rows as control
/// totals (`ControlTotals`), and keeps the ledger balanced.
struct FileIngester<Record> {
    /// The dataset's columns, with the configuration's extra header names added.
    var schema: DatasetSchema
    /// Builds a record from a row, reporting problems through the reader; nil rejects the row.
    let parse: (inout RowReader) -> Record?
    /// Rows with equal keys are duplicates; `describeDuplicate` names what is duplicated.
    let duplicateKey: (Record) -> String?
    let describeDuplicate: String
    /// A record that stands for a group of others (a video category's own row when the category
    /// also lists its videos) is a control total for them, wherever it stands.
    var groupTotal: ((Record) -> GroupTotalKey?)? = nil
    /// A problem with a whole file (named as messages name it), found before its rows are read.
    var fileCheck: ((String) -> String?)? = nil
    /// Problems with a file's header beyond its required columns; an error stops the file.
    var headerCheck: ((CSVRecord, String) -> [Diagnostic])? = nil
    /// Reads a whole file's records once before its rows are parsed, for what a row alone cannot
    /// tell (a tracker's colour scheme): notes about the file, and the traits `parse` sees in
    /// `RowReader.fileTraits`.
    var fileScan: ((_ header: HeaderMap, _ records: [CSVRecord], _ file: String) -> FileScan)? = nil

    func read(files: [URL], displayName: (URL) -> String) -> DatasetReading<Record> {
        read(contents: files.map { url in (displayName(url), { FileManager.default.contents(atPath: url.path) }) })
    }

    /// As `read(files:)`, over each file's name and a way to get its bytes (nil: unreadable),
    /// so the fuzz targets can read from memory; bytes are fetched one file at a time.
    func read(contents files: [(name: String, data: () -> Data?)]) -> DatasetReading<Record> {
        var reading = DatasetReading<Record>()
        var firstSeen: [String: (file: String, line: Int)] = [:]
        for (name, load) in files {
            let ledger = readFile(name, load(), into: &reading, firstSeen: &firstSeen)
            precondition(ledger.balances, "ledger out of balance for \(name)")
            reading.ledger.append(ledger)
        }
        if let groupTotal { GroupTotals.settle(&reading, key: groupTotal) }
        return reading
    }
}

/// One file as its rows are read: what its header and the look ahead at its rows decided, and
/// what is counted as they are read.
private struct OpenFile {
    let name: String
    let header: HeaderMap
    let headerLine: Int
    /// The header stops the file (an error there): every row is rejected without being read.
    let missing: Bool
    /// Personal data never leaves the inputs: its cells, and an organiser's own questions, are withheld.
    let withholding: Withholding
    /// The line of the file's first footnote (`Footnotes`), if it ends with any.
    let footnotesFrom: Int?
    /// What each row's reader is told: the columns read month-first (`DateOrder`), whether the
    /// file is `;`-separated (figures may use a decimal comma), the year its name carries, and
    /// the dataset's traits of the whole file (`fileScan`).
    let monthFirst: Set<Int>
    let decimalComma: Bool
    let fileYear: FinancialYear?
    let traits: Set<String>
    var ledger: FileLedger
    var totals: ControlTotals
    /// Rows read after the header (blank lines not counted).
    var rows = 0
    var footnotes: [CSVRecord] = []
    /// Dates read from Excel serial numbers, per column: how many, and the first.
    var serials: [String: (count: Int, first: (raw: String, date: CalendarDate, position: CSVPosition))] = [:]

    func withheld(_ fields: [String]) -> [String] { withholding.apply(fields) }
}

extension FileIngester {
    /// Reads one file into `reading` (records, diagnostics, rejects) and returns its ledger.
    private func readFile(
        _ name: String, _ data: Data?, into reading: inout DatasetReading<Record>,
        firstSeen: inout [String: (file: String, line: Int)]
    ) -> FileLedger {
        var ledger = FileLedger(file: name, dataset: schema.name)
        guard let separated = decoded(data, name: name, ledger: &ledger, diagnostics: &reading.diagnostics) else {
            return ledger
        }
        var reader = CSVReader(bytes: separated.bytes)
        guard let headerRecord = headerRecord(&reader, name: name, diagnostics: &reading.diagnostics) else {
            return ledger
        }
        let header = HeaderMap(header: headerRecord.fields, schema: schema)
        let missing = headerStops(headerRecord, header, name: name, diagnostics: &reading.diagnostics)
        var file = open(
            name, headerRecord: headerRecord, header: header, missing: missing, rows: reader,
            decimalComma: separated.separator == UInt8(ascii: ";"), ledger: ledger,
            diagnostics: &reading.diagnostics)
        while let record = reader.next() {
            if record.isEmptyRow { continue }
            file.rows += 1
            file.ledger.read += 1
            if file.missing {
                // Already reported once at the header; the row cannot be read without the column.
                file.ledger.rejected += 1
                reading.rejected.append(
                    RejectedRow(
                        file: name, line: record.line,
                        reason: "the file cannot be read (see the error at its header)",
                        fields: file.withheld(record.fields)))
                continue
            }
            if setsAside(record, &file, diagnostics: &reading.diagnostics) { continue }
            readRecord(record, &file, into: &reading, firstSeen: &firstSeen)
        }
        finish(file, diagnostics: &reading.diagnostics)
        return file.ledger
    }

    /// The file's bytes as UTF-8 separated by commas (`TextDecoder`, `Separators`), with a note
    /// when it was in another encoding or separated otherwise; nil, after an error, when the
    /// file cannot be read or decoded.
    private func decoded(
        _ data: Data?, name: String, ledger: inout FileLedger, diagnostics: inout [Diagnostic]
    ) -> Separators.Normalised? {
        guard let data else {
            diagnostics.append(
                Diagnostic(
                    .error, file: name, line: 0, column: nil, "cannot read the file; expected a readable CSV file"))
            return nil
        }
        let decoded: TextDecoder.Decoded
        switch TextDecoder.decode([UInt8](data)) {
        case .success(let d): decoded = d
        case .failure(let f):
            diagnostics.append(Diagnostic(.error, file: name, line: f.line, column: f.column, f.message).ofWholeFile)
            return nil
        }
        if decoded.encoding != .utf8 {
            ledger.encoding = decoded.encoding.rawValue
            diagnostics.append(
                Diagnostic(
                    .note, file: name, line: 0, column: nil,
                    "read as \(decoded.encoding.rawValue) because the file is not UTF-8"))
        }
        let separated = Separators.normalise(decoded.utf8)
        if let note = Separators.note(separated) {
            diagnostics.append(Diagnostic(.note, file: name, line: 0, column: nil, note))
        }
        return separated
    }

    /// The header: the first of the first rows to name the dataset's columns (`HeaderSearch`),
    /// with a note when rows above it were passed over. `reader` is left after it. nil, after
    /// an error, for a file with no rows or a header that cannot be read as CSV.
    private func headerRecord(_ reader: inout CSVReader, name: String, diagnostics: inout [Diagnostic]) -> CSVRecord? {
        var probe = reader
        var candidates: [CSVRecord] = []
        while candidates.count < HeaderSearch.limit, let record = probe.next() {
            guard !record.isEmptyRow else { continue }
            candidates.append(record)
            if HeaderSearch.settles(record, schema: schema) { break }
        }
        let chosen = HeaderSearch.choose(candidates, schema: schema)
        var headerRecord: CSVRecord?
        var skipped = 0
        while let record = reader.next() {
            if record.isEmptyRow { continue }
            if skipped < chosen {
                skipped += 1
                continue
            }
            headerRecord = record
            break
        }
        if let headerRecord,
            let note = HeaderSearch.note(header: headerRecord, above: Array(candidates.prefix(chosen)), file: name)
        {
            diagnostics.append(note)
        }
        guard let headerRecord else {
            diagnostics.append(Diagnostic(.error, file: name, line: 1, column: 1, schema.emptyFileMessage).ofWholeFile)
            return nil
        }
        if let problem = headerRecord.problem {
            diagnostics.append(
                Diagnostic(
                    .error, file: name, line: problem.position.line, column: problem.position.column,
                    problem.message
                ).ofWholeFile)
            return nil
        }
        return headerRecord
    }

    /// Whether the header stops the file being read: a required column missing, a column read
    /// twice, figures in thousands, or an error from the dataset's `fileCheck` or `headerCheck`.
    /// Reports the header's problems and notes.
    private func headerStops(
        _ headerRecord: CSVRecord, _ header: HeaderMap, name: String, diagnostics: inout [Diagnostic]
    ) -> Bool {
        var missing =
            !header.hasRequired(schema) || !header.repeated.isEmpty
            || ThousandsHeader.mapped(header, schema: schema) != nil
        diagnostics += header.diagnostics(schema, file: name, line: headerRecord.line)
        if !missing, let problem = fileCheck?(name) {
            diagnostics.append(Diagnostic(.error, file: name, line: 0, column: nil, problem))
            missing = true
        }
        if !missing, let problems = headerCheck?(headerRecord, name), !problems.isEmpty {
            diagnostics += problems.map { $0.severity == .error ? $0.ofWholeFile : $0 }
            missing = problems.contains { $0.severity == .error }
        }
        return missing
    }

    /// The file ready for its rows, decided from all of them read once ahead (`reader` is a
    /// copy): where its footnotes begin, each column's day and month order (`DateOrder`, with
    /// the year the file's name carries) and the dataset's whole-file traits (`fileScan`).
    private func open(
        _ name: String, headerRecord: CSVRecord, header: HeaderMap, missing: Bool, rows reader: CSVReader,
        decimalComma: Bool, ledger: FileLedger, diagnostics: inout [Diagnostic]
    ) -> OpenFile {
        let withholding = Withholding(header: header, schema: schema)
        let baseName = name.split(separator: "/").last.map(String.init) ?? name
        let fileYear = schema.datedBy == nil ? nil : YouTubeExport.financialYear(in: baseName)
        var monthFirst: Set<Int> = []
        var scan = reader
        var records: [CSVRecord] = []
        while let record = scan.next() {
            if !record.isEmptyRow { records.append(record) }
        }
        let footnotesFrom = Footnotes.start(records)
        if !missing {
            let dated = schema.datedBy.flatMap { d in schema.columns.firstIndex { $0.name == d } }.flatMap {
                header.fieldIndex[$0]
            }
            let order = DateOrder.decide(
                records.filter { $0.problem == nil && $0.line < (footnotesFrom ?? Int.max) },
                names: header.names, file: name, fileYear: fileYear, dated: dated,
                read: Set(header.fieldIndex.compactMap { $0 }))
            monthFirst = order.monthFirst
            diagnostics += order.diagnostics
        }
        var traits: Set<String> = []
        if !missing, let fileScan {
            let scan = fileScan(
                header, records.filter { $0.problem == nil && $0.line < (footnotesFrom ?? Int.max) }, name)
            traits = scan.traits
            diagnostics += scan.diagnostics
        }
        var totals = ControlTotals(schema: schema, header: header, file: name)
        totals.decimalComma = decimalComma
        return OpenFile(
            name: name, header: header, headerLine: headerRecord.line, missing: missing, withholding: withholding,
            footnotesFrom: footnotesFrom, monthFirst: monthFirst, decimalComma: decimalComma, fileYear: fileYear,
            traits: traits, ledger: ledger, totals: totals)
    }

    /// Whether a row is set aside rather than read as a record: a summary row (a control total,
    /// checked against the rows it sums), a platform's cut-list footer, or a footnote. Counted
    /// in the ledger as such.
    private func setsAside(_ record: CSVRecord, _ file: inout OpenFile, diagnostics: inout [Diagnostic]) -> Bool {
        if record.problem == nil, let label = file.totals.summaryLabel(record) {
            file.ledger.controlTotals += 1
            diagnostics += file.totals.check(record, label: label)
            return true
        }
        if record.problem == nil, file.totals.isCutListFooter(record) {
            file.ledger.controlTotals += 1
            return true
        }
        if let footnotesFrom = file.footnotesFrom, record.line >= footnotesFrom {
            file.ledger.footnotes += 1
            file.footnotes.append(record)
            return true
        }
        return false
    }

    /// Reads one data row with `parse`: rejected with its problems (the row's own, a wrong
    /// number of fields, its cells', a duplicate key), else its record is used.
    private func readRecord(
        _ record: CSVRecord, _ file: inout OpenFile, into reading: inout DatasetReading<Record>,
        firstSeen: inout [String: (file: String, line: Int)]
    ) {
        let name = file.name
        if let problem = record.problem {
            reject(
                record,
                [
                    Diagnostic(
                        .error, file: name, line: problem.position.line, column: problem.position.column,
                        problem.message)
                ], &file, into: &reading)
            return
        }
        let fieldCount = file.header.fieldCount
        if record.fields.count != fieldCount {
            let many = record.fields.count > fieldCount
            let position = many ? record.positions[fieldCount] : CSVPosition(line: record.line, column: 1)
            reject(
                record,
                [
                    Diagnostic(
                        .error, file: name, line: position.line, column: many ? position.column : nil,
                        "row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); expected \(fieldCount) as in the header"
                    )
                ], &file, into: &reading)
            return
        }
        var row = RowReader(file: name, record: record, header: file.header, schema: schema)
        row.monthFirst = file.monthFirst
        row.decimalComma = file.decimalComma
        row.fileYear = file.fileYear
        row.fileTraits = file.traits
        let parsed = parse(&row)
        for serial in row.excelSerials {
            file.serials[serial.column, default: (0, (serial.raw, serial.date, serial.position))].count += 1
        }
        guard row.problems.isEmpty, let value = parsed else {
            reject(
                record,
                row.problems.isEmpty
                    ? [Diagnostic(.error, file: name, line: record.line, column: nil, "row could not be read")]
                    : row.problems, &file, into: &reading)
            file.totals.rejected(record)
            return
        }
        if let key = duplicateKey(value) {
            if let first = firstSeen[key] {
                reject(
                    record,
                    [
                        Diagnostic(
                            .error, file: name, line: record.line, column: nil,
                            "duplicate \(describeDuplicate) of \(first.file):\(first.line); expected each once")
                    ], &file, into: &reading)
                file.totals.rejected(record)
                return
            }
            firstSeen[key] = (name, record.line)
        }
        file.ledger.used += 1
        file.totals.used(record)
        reading.records.append(value)
        reading.measures.append(file.totals.measurePosition(record))
    }

    /// Rejects a row: its problems reported, the row in `rejects.csv` (personal data withheld).
    private func reject(
        _ record: CSVRecord, _ problems: [Diagnostic], _ file: inout OpenFile,
        into reading: inout DatasetReading<Record>
    ) {
        file.ledger.rejected += 1
        reading.diagnostics.append(contentsOf: problems)
        reading.rejected.append(
            RejectedRow(
                file: file.name, line: record.line,
                reason: problems.map(\.message).joined(separator: " | "), fields: file.withheld(record.fields)))
    }

    /// The file's closing checks and notes: a leading control total and the platform's cut list
    /// (`ControlTotals.finish`), its footnotes, the dates read from Excel serial numbers, and a
    /// header with no rows under it.
    private func finish(_ file: OpenFile, diagnostics: inout [Diagnostic]) {
        var totals = file.totals
        diagnostics += totals.finish()
        if let note = Footnotes.note(file.footnotes, file: file.name) { diagnostics.append(note) }
        for (column, serial) in file.serials.sorted(by: { $0.key < $1.key }) {
            let first = serial.first
            diagnostics.append(
                Diagnostic(
                    .note, file: file.name, line: first.position.line, column: first.position.column,
                    RowReader.excelSerialNote(column: column, count: serial.count, raw: first.raw, date: first.date)
                ))
        }
        if file.rows == 0 {
            diagnostics.append(
                Diagnostic(
                    .note, file: file.name, line: file.headerLine, column: nil,
                    "header only, no rows"))
        }
    }
}
