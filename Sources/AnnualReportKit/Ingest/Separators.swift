/// The field separator of a CSV file as offices save them, and the file rewritten with commas.
///
/// Excel writes `;` in European locales and a tab for "Unicode text"; a first line `sep=;`
/// is Excel's own hint. The separator is that hint, else the candidate (`,` `;` tab) that
/// splits the first lines most consistently: for each, the commonest non-zero count per line
/// times the number of lines with that count (title rows count for none; a `;` inside a
/// comma file's priority lists varies from line to line; a decimal comma in a `;` file is
/// one per amount). Ties go to the comma.
///
/// Every reader (the report's datasets, the header probe, the attendance register's byte
/// reader) then reads the rewritten bytes as comma-separated: separators become commas, an
/// unquoted field holding a comma is quoted, and the hint line becomes a blank line, so
/// every line number stays what the office sees in its file (a column after a field that
/// had to be quoted moves one to the right).
enum Separators {
    struct Normalised: Sendable {
        var bytes: [UInt8]
        /// `,`, `;` or tab, as found.
        var separator: UInt8
        /// The file began with Excel's `sep=` line.
        var hinted: Bool
        var isComma: Bool { separator == UInt8(ascii: ",") }
        /// The separator as messages name it.
        var name: String { separator == 0x09 ? "tab" : "'\(Character(Unicode.Scalar(separator)))'" }
    }

    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09]

    /// `sep=X` on the first line (after a byte-order mark): X and where the line ends.
    static func hint(_ bytes: [UInt8], from start: Int) -> (separator: UInt8, end: Int)? {
        let prefix = Array("sep=".utf8)
        guard bytes.count >= start + 5,
            zip(bytes[start..<start + 4], prefix).allSatisfy({ $0 | 0x20 == $1 | 0x20 || $0 == $1 })
        else { return nil }
        let separator = bytes[start + 4]
        guard separator != 0x0A && separator != 0x0D else { return nil }
        var end = start + 5
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
            // Excel may pad the hint line with separators; anything else is not a hint.
            guard bytes[end] == separator || bytes[end] == 0x20 || bytes[end] == UInt8(ascii: "\"") else { return nil }
            end += 1
        }
        return (separator, end)
    }

    /// The separator the first lines use (see the type's comment).
    static func detect(_ bytes: [UInt8], from start: Int, lines limit: Int = 20) -> UInt8 {
        var counts: [[Int]] = Array(repeating: [], count: candidates.count)
        var current = Array(repeating: 0, count: candidates.count)
        var inQuotes = false
        var lines = 0
        var i = start
        var nonBlank = false
        while i < bytes.count && lines < limit && i < start + (256 << 10) {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && (b == 0x0A || b == 0x0D) {
                if nonBlank {
                    for c in candidates.indices { counts[c].append(current[c]) }
                    lines += 1
                }
                current = Array(repeating: 0, count: candidates.count)
                nonBlank = false
            } else if !inQuotes, let c = candidates.firstIndex(of: b) {
                current[c] += 1
                nonBlank = true
            } else if b != 0x20 {
                nonBlank = true
            }
            i += 1
        }
        if nonBlank { for c in candidates.indices { counts[c].append(current[c]) } }
        var best = (score: 0, separator: candidates[0])
        for (c, perLine) in counts.enumerated() {
            let nonZero = perLine.filter { $0 > 0 }
            guard !nonZero.isEmpty else { continue }
            let frequency = Dictionary(nonZero.map { ($0, 1) }, uniquingKeysWith: +)
            let (mode, times) = frequency.max { ($0.value, $0.key) < ($1.value, $1.key) }!
            if mode * times > best.score { best = (mode * times, candidates[c]) }
        }
        return best.separator
    }

    /// Whether a file whose first bytes are `head` can be read as it is: not UTF-16 (by its
    /// byte-order mark), no `sep=` line, and commas as the separator. Any other file is decoded
    /// and rewritten (`normalise`) before anything reads its lines.
    static func isPlainComma(_ head: [UInt8]) -> Bool {
        if head.count >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)) {
            return false
        }
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return hint(head, from: start) == nil && detect(head, from: start) == UInt8(ascii: ",")
    }

    /// `utf8` (already decoded) as a comma-separated file; unchanged when it already is one.
    static func normalise(_ utf8: [UInt8]) -> Normalised {
        let start = utf8.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let hinted = hint(utf8, from: start)
        let separator = hinted?.separator ?? detect(utf8, from: start)
        guard separator != UInt8(ascii: ",") || hinted != nil else {
            return Normalised(bytes: utf8, separator: separator, hinted: false)
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 16)
        out += utf8[0..<start]
        var i = hinted?.end ?? start
        // A field at a time: copied as it is, quoted when it is unquoted and holds a comma.
        var field: [UInt8] = []
        var inQuotes = false
        var quotedField = false
        func endField() {
            if !quotedField && separator != UInt8(ascii: ",") && field.contains(UInt8(ascii: ",")) {
                out.append(UInt8(ascii: "\""))
                out += field
                out.append(UInt8(ascii: "\""))
            } else {
                out += field
            }
            field.removeAll(keepingCapacity: true)
            quotedField = false
        }
        while i < utf8.count {
            let b = utf8[i]
            if b == UInt8(ascii: "\"") {
                if field.isEmpty && !inQuotes { quotedField = true }
                inQuotes.toggle()
                field.append(b)
            } else if !inQuotes && b == separator {
                endField()
                out.append(UInt8(ascii: ","))
            } else if !inQuotes && (b == 0x0A || b == 0x0D) {
                endField()
                out.append(b)
            } else {
                field.append(b)
            }
            i += 1
        }
        endField()
        return Normalised(bytes: out, separator: separator, hinted: hinted != nil)
    }

    /// The note a file read with another separator, or with Excel's hint, gets.
    static func note(_ n: Normalised) -> String? {
        if n.hinted { return "read with \(n.name) as the separator, as its first line (sep=) says" }
        if n.isComma { return nil }
        return "read with \(n.name) as the separator"
            + (n.separator == 0x09
                ? " (as Excel saves \"Unicode text\")"
                : " (as Excel saves CSV where the decimal mark is a comma; amounts such as 1.234,56 and counts such as 1.054 are read so)")
    }
}
