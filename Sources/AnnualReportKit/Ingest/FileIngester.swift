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
            var ledger = FileLedger(file: name, dataset: schema.name)
            defer {
                precondition(ledger.balances, "ledger out of balance for \(name)")
                reading.ledger.append(ledger)
            }
            guard let data = load() else {
                reading.diagnostics.append(
                    Diagnostic(
                        .error, file: name, line: 0, column: nil, "cannot read the file; expected a readable CSV file"))
                continue
            }
            let decoded: TextDecoder.Decoded
            switch TextDecoder.decode([UInt8](data)) {
            case .success(let d): decoded = d
            case .failure(let f):
                reading.diagnostics.append(
                    Diagnostic(.error, file: name, line: f.line, column: f.column, f.message).ofWholeFile)
                continue
            }
            if decoded.encoding != .utf8 {
                ledger.encoding = decoded.encoding.rawValue
                reading.diagnostics.append(
                    Diagnostic(
                        .note, file: name, line: 0, column: nil,
                        "read as \(decoded.encoding.rawValue) because the file is not UTF-8"))
            }
            let separated = Separators.normalise(decoded.utf8)
            if let note = Separators.note(separated) {
                reading.diagnostics.append(Diagnostic(.note, file: name, line: 0, column: nil, note))
            }
            var reader = CSVReader(bytes: separated.bytes)
            // The header: the first of the first rows to name the dataset's columns (`HeaderSearch`).
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
                reading.diagnostics.append(note)
            }
            guard let headerRecord else {
                reading.diagnostics.append(
                    Diagnostic(.error, file: name, line: 1, column: 1, schema.emptyFileMessage).ofWholeFile)
                continue
            }
            if let problem = headerRecord.problem {
                reading.diagnostics.append(
                    Diagnostic(
                        .error, file: name, line: problem.position.line, column: problem.position.column,
                        problem.message
                    ).ofWholeFile)
                continue
            }
            let header = HeaderMap(header: headerRecord.fields, schema: schema)
            var missing =
                !header.hasRequired(schema) || !header.repeated.isEmpty
                || ThousandsHeader.mapped(header, schema: schema) != nil
            reading.diagnostics += header.diagnostics(schema, file: name, line: headerRecord.line)
            if !missing, let problem = fileCheck?(name) {
                reading.diagnostics.append(Diagnostic(.error, file: name, line: 0, column: nil, problem))
                missing = true
            }
            if !missing, let problems = headerCheck?(headerRecord, name), !problems.isEmpty {
                reading.diagnostics += problems.map { $0.severity == .error ? $0.ofWholeFile : $0 }
                missing = problems.contains { $0.severity == .error }
            }
            // Personal data never leaves the inputs: its cells, and an organiser's own questions, are withheld.
            let withholding = Withholding(header: header, schema: schema)
            func withheld(_ fields: [String]) -> [String] { withholding.apply(fields) }
            // Day and month order per column, from all the file's rows (`DateOrder`); the year its name carries.
            let baseName = name.split(separator: "/").last.map(String.init) ?? name
            let fileYear = schema.datedBy == nil ? nil : YouTubeExport.financialYear(in: baseName)
            var monthFirst: Set<Int> = []
            var scan = reader
            var records: [CSVRecord] = []
            while let record = scan.next() {
                if !record.isEmptyRow { records.append(record) }
            }
            let footnotesFrom = Footnotes.start(records)
            var footnotes: [CSVRecord] = []
            if !missing {
                let dated = schema.datedBy.flatMap { d in schema.columns.firstIndex { $0.name == d } }.flatMap {
                    header.fieldIndex[$0]
                }
                let order = DateOrder.decide(
                    records.filter { $0.problem == nil && $0.line < (footnotesFrom ?? Int.max) },
                    names: header.names, file: name, fileYear: fileYear, dated: dated,
                    read: Set(header.fieldIndex.compactMap { $0 }))
                monthFirst = order.monthFirst
                reading.diagnostics += order.diagnostics
            }
            var traits: Set<String> = []
            if !missing, let fileScan {
                let scan = fileScan(
                    header, records.filter { $0.problem == nil && $0.line < (footnotesFrom ?? Int.max) }, name)
                traits = scan.traits
                reading.diagnostics += scan.diagnostics
            }
            var rows = 0
            var totals = ControlTotals(schema: schema, header: header, file: name)
            totals.decimalComma = separated.separator == UInt8(ascii: ";")
            var serials: [String: (count: Int, first: (raw: String, date: CalendarDate, position: CSVPosition))] = [:]
            while let record = reader.next() {
                if record.isEmptyRow { continue }
                rows += 1
                ledger.read += 1
                if !missing, record.problem == nil, let label = totals.summaryLabel(record) {
                    ledger.controlTotals += 1
                    reading.diagnostics += totals.check(record, label: label)
                    continue
                }
                if !missing, record.problem == nil, totals.isCutListFooter(record) {
                    ledger.controlTotals += 1
                    continue
                }
                if !missing, let footnotesFrom, record.line >= footnotesFrom {
                    ledger.footnotes += 1
                    footnotes.append(record)
                    continue
                }
                func reject(_ problems: [Diagnostic]) {
                    ledger.rejected += 1
                    reading.diagnostics.append(contentsOf: problems)
                    reading.rejected.append(
                        RejectedRow(
                            file: name, line: record.line,
                            reason: problems.map(\.message).joined(separator: " | "), fields: withheld(record.fields)))
                }
                if missing {
                    // Already reported once at the header; the row cannot be read without the column.
                    ledger.rejected += 1
                    reading.rejected.append(
                        RejectedRow(
                            file: name, line: record.line,
                            reason: "the file cannot be read (see the error at its header)",
                            fields: withheld(record.fields)))
                    continue
                }
                if let problem = record.problem {
                    reject([
                        Diagnostic(
                            .error, file: name, line: problem.position.line, column: problem.position.column,
                            problem.message)
                    ])
                    continue
                }
                if record.fields.count != header.fieldCount {
                    let many = record.fields.count > header.fieldCount
                    let position =
                        many ? record.positions[header.fieldCount] : CSVPosition(line: record.line, column: 1)
                    reject([
                        Diagnostic(
                            .error, file: name, line: position.line, column: many ? position.column : nil,
                            "row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); expected \(header.fieldCount) as in the header"
                        )
                    ])
                    continue
                }
                var row = RowReader(file: name, record: record, header: header, schema: schema)
                row.monthFirst = monthFirst
                row.decimalComma = separated.separator == UInt8(ascii: ";")
                row.fileYear = fileYear
                row.fileTraits = traits
                let parsed = parse(&row)
                for serial in row.excelSerials {
                    serials[serial.column, default: (0, (serial.raw, serial.date, serial.position))].count += 1
                }
                guard row.problems.isEmpty, let value = parsed else {
                    reject(
                        row.problems.isEmpty
                            ? [Diagnostic(.error, file: name, line: record.line, column: nil, "row could not be read")]
                            : row.problems)
                    totals.rejected(record)
                    continue
                }
                if let key = duplicateKey(value) {
                    if let first = firstSeen[key] {
                        reject([
                            Diagnostic(
                                .error, file: name, line: record.line, column: nil,
                                "duplicate \(describeDuplicate) of \(first.file):\(first.line); expected each once")
                        ])
                        totals.rejected(record)
                        continue
                    }
                    firstSeen[key] = (name, record.line)
                }
                ledger.used += 1
                totals.used(record)
                reading.records.append(value)
                reading.measures.append(totals.measurePosition(record))
            }
            reading.diagnostics += totals.finish()
            if let note = Footnotes.note(footnotes, file: name) { reading.diagnostics.append(note) }
            for (column, serial) in serials.sorted(by: { $0.key < $1.key }) {
                let first = serial.first
                reading.diagnostics.append(
                    Diagnostic(
                        .note, file: name, line: first.position.line, column: first.position.column,
                        RowReader.excelSerialNote(column: column, count: serial.count, raw: first.raw, date: first.date)
                    ))
            }
            if rows == 0 {
                reading.diagnostics.append(
                    Diagnostic(
                        .note, file: name, line: headerRecord.line, column: nil,
                        "header only, no rows"))
            }
        }
        if let groupTotal { GroupTotals.settle(&reading, key: groupTotal) }
        return reading
    }
}
