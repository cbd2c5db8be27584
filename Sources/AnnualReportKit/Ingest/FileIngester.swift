import Foundation

/// What reading one dataset's files produced: the good records, and an account of every other row.
struct DatasetReading<Record> {
    var records: [Record] = []
    var ledger: [FileLedger] = []
    var diagnostics: [Diagnostic] = []
    var rejected: [RejectedRow] = []
}

/// Reads every file of one dataset: decodes, checks the header, parses each row with
/// `parse`, rejects rows with problems or duplicate keys, and keeps the ledger balanced.
struct FileIngester<Record> {
    let schema: DatasetSchema
    /// Builds a record from a row, reporting problems through the reader; nil rejects the row.
    let parse: (inout RowReader) -> Record?
    /// Rows with equal keys are duplicates; `describe` names what is duplicated.
    let duplicateKey: (Record) -> String?
    let describeDuplicate: String

    func read(files: [URL], displayName: (URL) -> String) -> DatasetReading<Record> {
        var reading = DatasetReading<Record>()
        var firstSeen: [String: (file: String, line: Int)] = [:]
        for url in files {
            let name = displayName(url)
            var ledger = FileLedger(file: name, dataset: schema.name)
            defer {
                precondition(ledger.balances, "ledger out of balance for \(name)")
                reading.ledger.append(ledger)
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                reading.diagnostics.append(Diagnostic(.error, file: name, line: 0, column: nil, "cannot read the file; expected a readable CSV file"))
                continue
            }
            let decoded: TextDecoder.Decoded
            switch TextDecoder.decode([UInt8](data)) {
            case .success(let d): decoded = d
            case .failure(let f):
                reading.diagnostics.append(Diagnostic(.error, file: name, line: f.line, column: f.column, f.message))
                continue
            }
            if decoded.encoding != .utf8 {
                ledger.encoding = decoded.encoding.rawValue
                reading.diagnostics.append(Diagnostic(.note, file: name, line: 0, column: nil,
                    "read as \(decoded.encoding.rawValue) because the file is not UTF-8"))
            }
            var reader = CSVReader(bytes: decoded.utf8)
            var headerRecord: CSVRecord?
            while let record = reader.next() {
                if record.isBlank { continue }
                headerRecord = record
                break
            }
            guard let headerRecord else {
                reading.diagnostics.append(Diagnostic(.error, file: name, line: 1, column: 1,
                    "empty file; expected a header row naming the \(schema.name) columns"))
                continue
            }
            if let problem = headerRecord.problem {
                reading.diagnostics.append(Diagnostic(.error, file: name, line: problem.position.line, column: problem.position.column, problem.message))
                continue
            }
            let header = HeaderMap(header: headerRecord.fields, schema: schema)
            let missing = !header.hasRequired(schema)
            reading.diagnostics += header.diagnostics(schema, file: name, line: headerRecord.line)
            var rows = 0
            while let record = reader.next() {
                if record.isBlank { continue }
                rows += 1
                ledger.read += 1
                func reject(_ problems: [Diagnostic]) {
                    ledger.rejected += 1
                    reading.diagnostics.append(contentsOf: problems)
                    reading.rejected.append(RejectedRow(file: name, line: record.line,
                        reason: problems.map(\.message).joined(separator: " | "), fields: record.fields))
                }
                if missing {
                    // Already reported once at the header; the row cannot be read without the column.
                    ledger.rejected += 1
                    reading.rejected.append(RejectedRow(file: name, line: record.line,
                        reason: "the file lacks a required column", fields: record.fields))
                    continue
                }
                if let problem = record.problem {
                    reject([Diagnostic(.error, file: name, line: problem.position.line, column: problem.position.column, problem.message)])
                    continue
                }
                if record.fields.count != header.fieldCount {
                    let many = record.fields.count > header.fieldCount
                    let position = many ? record.positions[header.fieldCount] : CSVPosition(line: record.line, column: 1)
                    reject([Diagnostic(.error, file: name, line: position.line, column: many ? position.column : nil,
                        "row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"); expected \(header.fieldCount) as in the header")])
                    continue
                }
                var row = RowReader(file: name, record: record, header: header, schema: schema)
                let parsed = parse(&row)
                guard row.problems.isEmpty, let value = parsed else {
                    reject(row.problems.isEmpty
                        ? [Diagnostic(.error, file: name, line: record.line, column: nil, "row could not be read")]
                        : row.problems)
                    continue
                }
                if let key = duplicateKey(value) {
                    if let first = firstSeen[key] {
                        reject([Diagnostic(.error, file: name, line: record.line, column: nil,
                            "duplicate \(describeDuplicate) of \(first.file):\(first.line); expected each once")])
                        continue
                    }
                    firstSeen[key] = (name, record.line)
                }
                ledger.used += 1
                reading.records.append(value)
            }
            if rows == 0 {
                reading.diagnostics.append(Diagnostic(.note, file: name, line: headerRecord.line, column: nil,
                    "header only, no rows"))
            }
        }
        return reading
    }
}
