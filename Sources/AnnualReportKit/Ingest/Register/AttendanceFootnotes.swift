import Foundation

/// Footnotes under an attendance register's last record (`Note: exported from the LMS`,
/// `Prepared by …`), as `Footnotes` finds them under every other dataset's. The register's
/// readers cut the file into chunks and see no "last record", so the footnotes are found
/// first, from the end of the bytes backwards, and the register is read without them; a file
/// with none is read from disk as before (only its last 64 KB are looked at). The lines are
/// comma-separated UTF-8 by then: a file in another encoding or with another separator is
/// split only once it is decoded and rewritten (`Separators`), so a `;` register is never
/// taken for one-cell footnote lines.
enum AttendanceFootnotes {
    static let tailBytes = 64 << 10

    /// Whether the file is comma-separated UTF-8 and its last non-blank line footnote-shaped:
    /// only then is it worth reading the file into memory to split it as it is.
    static func mayHaveFootnotes(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: headBytes), Separators.isPlainComma([UInt8](head)) else {
            return false
        }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > UInt64(tailBytes) ? size - UInt64(tailBytes) : 0)
        guard let tail = try? handle.readToEnd() else { return false }
        return split([UInt8](tail), countLines: false) != nil
    }

    /// `mayHaveFootnotes(path:)` for a register already in memory.
    static func mayHaveFootnotes(bytes: [UInt8]) -> Bool {
        guard Separators.isPlainComma(Array(bytes.prefix(headBytes))) else { return false }
        return split(Array(bytes.suffix(tailBytes)), countLines: false) != nil
    }

    /// How much of a register's start tells its separator.
    private static let headBytes = 256 << 10

    /// The bytes before the footnotes and the footnotes as records (with their lines), or nil
    /// when the last non-blank lines are not footnotes. `countLines` false skips numbering
    /// (a probe of the file's tail, whose first line number is unknown).
    static func split(_ bytes: [UInt8], countLines: Bool = true) -> (data: [UInt8], footnotes: [CSVRecord])? {
        var end = bytes.count
        var found: [(start: Int, end: Int)] = []
        while end > 0 {
            var start = end - 1
            // Step over the line break that ends the line before this one.
            while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
            let line = Array(bytes[start..<end])
            let text = line.filter { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 && $0 != 0x09 }
            if !text.isEmpty {
                // A quote may be part of a record's quoted line break: stop rather than guess.
                guard start > 0, !line.contains(0x22) else { break }
                var reader = CSVReader(bytes: line)
                guard let record = reader.next(), record.problem == nil, Footnotes.isFootnote(record),
                    // A `Total` line is a summary row, which the register's readers count apart.
                    !record.fields.contains(where: {
                        ControlTotals.isSummaryLabel($0.trimmingSpaces, leadingWord: true)
                    })
                else { break }
                found.append((start, end))
            }
            end = start
        }
        guard let first = found.last else { return nil }
        guard countLines else { return ([], []) }
        var line = 1
        for b in bytes[..<first.start] where b == 0x0A { line += 1 }
        var records: [CSVRecord] = []
        var position = first.start
        for span in found.reversed() {
            for b in bytes[position..<span.start] where b == 0x0A { line += 1 }
            var reader = CSVReader(bytes: Array(bytes[span.start..<span.end]))
            if var record = reader.next() {
                record.line = line
                records.append(record)
            }
            position = span.start
        }
        return (Array(bytes[..<first.start]), records)
    }
}
