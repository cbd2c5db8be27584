import Foundation

/// How a workbook's sheets join the inputs: which dataset each sheet is, what is said of the
/// sheets not read, and every problem located at its sheet's cell (`finance.xlsx:Ledger!C7`).
///
/// A sheet is the dataset its own name starts with (`training`, `finance 2022-23`), else the
/// dataset the workbook's name starts with (`finance.xlsx`), else an export recognised by its
/// header. In a workbook named for a dataset, a sheet is that dataset's when it is the
/// workbook's only sheet with values or when its first rows name at least two of the
/// dataset's columns (so a `Notes` or `Chart data` sheet beside the ledger is named in a note,
/// and a ledger with a misspelt column still gets its "missing column" error).
enum WorkbookInputs {
    /// The dataset a sheet is by name, and whether the sheet's own name said so.
    static func named(_ sheet: SheetOrigin, datasets: [DatasetDeclaration]) -> (DatasetDeclaration, bySheetName: Bool)?
    {
        let sheetName = sheet.sheet.lowercased()
        let workbookName = sheet.workbookBaseName.lowercased()
        if let d = datasets.first(where: { sheetName.hasPrefix($0.schema.name) }) { return (d, true) }
        if let d = datasets.first(where: { workbookName.hasPrefix($0.schema.name) }) { return (d, false) }
        return nil
    }

    /// Whether a sheet of a workbook named for `dataset` is one of its files (see the type's comment).
    static func belongs(heads: [[String]], to dataset: DatasetDeclaration, sheetsRead: Int) -> Bool {
        sheetsRead == 1
            || heads.contains { HeaderMap(header: $0, schema: dataset.schema).fieldIndex.compactMap { $0 }.count >= 2 }
    }

    /// The cells a sheet's reader could not turn into values, as errors at their cells.
    static func cellProblems(_ file: InputFile) -> [Diagnostic] {
        (file.sheet?.problems ?? []).map { problem in
            var d = Diagnostic(.error, file: file.name, line: problem.row, column: problem.column, problem.message)
            d.inSheet = true
            return d
        }
    }

    /// One note per workbook naming the sheets not read (hidden, empty, or without a
    /// recognised header), and an error for a workbook named for a dataset none of whose
    /// sheets was read, or that stands beside a CSV file of the same name (the records
    /// would be counted twice).
    static func diagnostics(
        _ workbooks: [WorkbookSummary], unrecognised: [String: [String]], taken: Set<String>,
        csvNames: Set<String>, datasets: [DatasetDeclaration]
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for book in workbooks {
            let base = (book.name.split(separator: "/").last.map(String.init) ?? book.name).lowercased()
            let stem = book.name.lowercased().split(separator: ".").dropLast().joined(separator: ".")
            if csvNames.contains(stem + ".csv") {
                found.append(
                    Diagnostic(
                        .error, file: book.name, line: 0, column: nil,
                        "the workbook and \(stem).csv are both in the folder, so their records would be counted twice; keep one of them in the folder"
                    ))
            }
            let quoted = { (names: [String]) in names.map { "'\($0)'" }.joined(separator: ", ") }
            var parts: [String] = []
            if !book.hidden.isEmpty {
                parts.append(
                    "hidden (unhide \(book.hidden.count == 1 ? "it" : "them") to have \(book.hidden.count == 1 ? "it" : "them") read): \(quoted(book.hidden))"
                )
            }
            if let names = unrecognised[book.name], !names.isEmpty {
                parts.append("no header of the report's records in the first rows: \(quoted(names))")
            }
            if !book.empty.isEmpty { parts.append("empty: \(quoted(book.empty))") }
            let dataset = datasets.first { base.hasPrefix($0.schema.name) }
            if let dataset, !taken.contains(book.name) {
                found.append(
                    Diagnostic(
                        .error, file: book.name, line: 0, column: nil,
                        "no sheet of the workbook was read, so the \(dataset.schema.name) records in it would be missing from the report\(parts.isEmpty ? "" : " (sheets \(parts.joined(separator: "; ")))"); expected a sheet with the \(dataset.schema.name) header in its first rows"
                    ))
            } else if !parts.isEmpty {
                found.append(
                    Diagnostic(
                        .note, file: book.name, line: 0, column: nil,
                        "sheets not read: \(parts.joined(separator: "; "))"))
            }
        }
        return found
    }

    /// Problems the readers found in a sheet's CSV (line and character column) moved to the
    /// sheet's row and column; rejected rows to their row. A cell holding a line break makes
    /// its CSV row span lines, so the CSV is read again to map each line to its row.
    static func locate(_ diagnostics: inout [Diagnostic], _ rejected: inout [RejectedRow], files: [InputFile]) {
        let sheets = Dictionary(
            files.compactMap { f in f.sheet.map { _ in (f.name, f.url) } }, uniquingKeysWith: { a, _ in a })
        guard !sheets.isEmpty else { return }
        var maps: [String: SheetLines] = [:]
        func map(_ name: String) -> SheetLines? {
            if let known = maps[name] { return known }
            guard let url = sheets[name], let bytes = FileManager.default.contents(atPath: url.path) else { return nil }
            let lines = SheetLines([UInt8](bytes))
            maps[name] = lines
            return lines
        }
        for k in diagnostics.indices where !diagnostics[k].inSheet && diagnostics[k].line > 0 {
            guard sheets[diagnostics[k].file] != nil, let lines = map(diagnostics[k].file) else { continue }
            let (row, column) = lines.cell(line: diagnostics[k].line, column: diagnostics[k].column)
            diagnostics[k].line = row
            diagnostics[k].column = column
            diagnostics[k].inSheet = true
            diagnostics[k].message = lines.rowsForLines(in: diagnostics[k].message)
        }
        for k in rejected.indices where sheets[rejected[k].file] != nil {
            guard let lines = map(rejected[k].file) else { continue }
            rejected[k].line = lines.cell(line: rejected[k].line, column: nil).row
        }
    }
}

/// Where each row of a sheet's CSV starts: its line, and each field's line and column.
private struct SheetLines {
    private var starts: [Int] = []
    private var fields: [[CSVPosition]] = []

    init(_ bytes: [UInt8]) {
        var reader = CSVReader(bytes: bytes)
        while let record = reader.next() {
            starts.append(record.line)
            fields.append(record.positions)
        }
    }

    /// A message's own `line N` (the header's line, say) as the sheet's `row N`.
    func rowsForLines(in message: String) -> String {
        guard message.contains("line ") else { return message }
        var out = ""
        var rest = Substring(message)
        while let found = rest.range(of: "line ") {
            out += rest[..<found.lowerBound]
            let digits = rest[found.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if let line = Int(digits) {
                out += "row \(cell(line: line, column: nil).row)"
                rest = rest[found.upperBound...].dropFirst(digits.count)
            } else {
                out += "line "
                rest = rest[found.upperBound...]
            }
        }
        return out + rest
    }

    /// The 1-based sheet row and column of a CSV line and character column.
    func cell(line: Int, column: Int?) -> (row: Int, column: Int?) {
        // The last row starting at or before the line (rows are written one after another).
        var low = 0
        var high = starts.count - 1
        var found = 0
        while low <= high {
            let mid = (low + high) / 2
            if starts[mid] <= line {
                found = mid
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        guard !starts.isEmpty else { return (line, nil) }
        guard let column else { return (found + 1, nil) }
        let positions = fields[found]
        let field = positions.lastIndex { ($0.line, $0.column) <= (line, column) } ?? 0
        return (found + 1, field + 1)
    }
}
