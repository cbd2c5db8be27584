import Foundation

// A record as `CSVReader` reads it, for the checking path and for messages.

extension ChunkParser {

    /// Line (relative to the chunk) and character column of byte `offset` in a record.
    func locate(_ offset: Int, recordStart: Int, line: Int32) -> (Int32, Int) {
        var l = line
        var lineStart = recordStart
        var i = recordStart
        while i < offset {
            if b[i] == 0x0A || (b[i] == 0x0D && !(i + 1 < n && b[i + 1] == 0x0A)) {
                l += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        i = lineStart
        while i < offset {
            if b[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (l, column)
    }

    /// Field `f` as CSVReader gives it: the text inside the quotes, each `""` read as `"`.
    func field(_ f: Int) -> String {
        let raw = String(
            decoding: UnsafeBufferPointer(start: b + valueStart[f], count: valueEnd[f] - valueStart[f]), as: UTF8.self)
        return flags[f] & 2 != 0 ? raw.replacingOccurrences(of: "\"\"", with: "\"") : raw
    }

    /// An identifier (session or delegate id) trimmed but not otherwise changed, as the fast
    /// path reads it from the bytes; nil when blank.
    func identifier(_ f: Int) -> String? {
        guard f >= 0 else { return nil }
        let value = field(f).trimmingSpaces
        return value.isEmpty ? nil : value
    }

    /// The record as `CSVReader` reads it (lines relative to the chunk), for `RowReader`.
    func record(recordStart: Int, line: Int32, fieldCount: Int) -> CSVRecord {
        var record = CSVRecord(line: Int(line))
        var l = line
        var column = 1
        var i = recordStart
        for f in 0..<min(fieldCount, capacity) {
            while i < rawStart[f] {
                if b[i] == 0x0A || (b[i] == 0x0D && !(i + 1 < n && b[i + 1] == 0x0A)) {
                    l += 1
                    column = 1
                } else if b[i] & 0xC0 != 0x80 && b[i] != 0x0D {
                    column += 1
                }
                i += 1
            }
            record.fields.append(field(f))
            record.positions.append(CSVPosition(line: Int(l), column: column))
            record.quoted.append(flags[f] & 1 != 0)
        }
        return record
    }

    /// The summary label (`Total`, `Grand total` …) in any cell of the record, as `ControlTotals`
    /// finds it; nil for a record.
    func summaryLabel(_ record: CSVRecord) -> String? {
        record.fields.first { $0.utf8.count <= 24 && ControlTotals.isSummaryLabel($0) }.map(\.trimmingSpaces)
    }

    /// A summary row: read, counted apart, noted (the first `keepLimit` of each file).
    mutating func summaryRow(_ position: ChunkPosition, _ label: String) {
        aggregate.controlTotals += 1
        if aggregate.summaryRows.count < keepLimit { aggregate.summaryRows.append((position, label)) }
    }
}
