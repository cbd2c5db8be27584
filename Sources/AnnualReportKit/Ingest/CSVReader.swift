/// An RFC 4180 CSV reader over bytes.
///
/// Hand-written rather than taken from a package (SwiftCSV, CSV.swift) because neither reports
/// the physical line and column where each field starts, which every diagnostic here needs,
/// and both build a `String` per file before splitting. It reads the report's own datasets,
/// the exports and the header of every file; the attendance register, which grows to
/// millions of rows, has its own byte-range reader over a memory map (`AttendanceIngest`). This reader walks the bytes once, keeps only
/// the current record, and records where each field began.
///
/// Accepts quoted fields with commas, doubled quotes and line breaks, LF or CRLF line ends
/// (a lone CR too), and a final line without a line break. It never fails: malformed input
/// (a quote inside an unquoted field, text after a closing quote, an unterminated quote)
/// is reported through `CSVRecord.problem` with the position where it happened.
struct CSVReader: Sendable {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    /// `bytes` must already be UTF-8 (see `TextDecoder`); a UTF-8 byte-order mark is skipped.
    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    /// The next record, or nil at the end of the input. Blank lines yield a record with one empty field.
    mutating func next() -> CSVRecord? {
        guard index < bytes.count else { return nil }
        var record = CSVRecord(line: line)
        var field: [UInt8] = []
        var fieldLine = line
        var fieldColumn = column
        var quoted = false
        var inQuotes = false
        var afterClosingQuote = false

        func finishField() {
            record.fields.append(String(decoding: field, as: UTF8.self))
            record.positions.append(CSVPosition(line: fieldLine, column: fieldColumn))
            record.quoted.append(quoted)
            field.removeAll(keepingCapacity: true)
            quoted = false
            afterClosingQuote = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        advance(2)
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                        advance(1)
                    }
                } else if byte == 0x0A || byte == 0x0D {
                    field.append(byte)
                    consumeLineBreak()
                } else {
                    field.append(byte)
                    advance(1)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                advance(1)
                finishField()
                fieldLine = line
                fieldColumn = column
            case 0x0A, 0x0D:
                consumeLineBreak()
                finishField()
                return record
            case UInt8(ascii: "\""):
                if field.isEmpty && !quoted {
                    quoted = true
                    inQuotes = true
                } else {
                    if record.problem == nil {
                        record.problem = CSVProblem(
                            kind: afterClosingQuote ? .textAfterClosingQuote : .quoteInUnquotedField,
                            position: CSVPosition(line: line, column: column))
                    }
                    field.append(byte)
                }
                advance(1)
            default:
                if afterClosingQuote && record.problem == nil {
                    record.problem = CSVProblem(
                        kind: .textAfterClosingQuote, position: CSVPosition(line: line, column: column))
                }
                field.append(byte)
                advance(1)
            }
        }
        if inQuotes {
            record.problem = CSVProblem(
                kind: .unterminatedQuote, position: CSVPosition(line: fieldLine, column: fieldColumn))
        }
        finishField()
        return record
    }

    private mutating func advance(_ count: Int) {
        for i in index..<(index + count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        index += count
    }

    private mutating func consumeLineBreak() {
        if bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
        index += 1
        line += 1
        column = 1
    }
}

/// A position in the input: 1-based physical line and character column.
struct CSVPosition: Hashable, Sendable {
    var line: Int
    var column: Int
}

struct CSVProblem: Hashable, Sendable {
    enum Kind: Sendable { case unterminatedQuote, quoteInUnquotedField, textAfterClosingQuote }
    var kind: Kind
    var position: CSVPosition

    var message: String {
        switch kind {
        case .unterminatedQuote:
            return "unterminated quoted field; expected a closing '\"' before the end of the file"
        case .quoteInUnquotedField:
            return
                "stray '\"' inside an unquoted field; expected the whole field in quotes with inner quotes doubled (\"\")"
        case .textAfterClosingQuote:
            return "text after a closing quote; expected ',' or the end of the line"
        }
    }
}

/// One record: its fields, where each started, and the first malformation found in it.
struct CSVRecord: Sendable {
    /// Line on which the record starts.
    var line: Int
    var fields: [String] = []
    var positions: [CSVPosition] = []
    var quoted: [Bool] = []
    var problem: CSVProblem?

    init(line: Int) { self.line = line }

    /// True for a line with nothing on it (one empty, unquoted field).
    var isBlank: Bool { fields.count == 1 && fields[0].isEmpty && !quoted[0] }

    /// Blank, or only empty cells (`,,,`): a spreadsheet's empty row as it exports. Skipped
    /// like a blank line, not counted as a row.
    var isEmptyRow: Bool {
        isBlank || (problem == nil && fields.allSatisfy { field in field.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } })
    }
}
