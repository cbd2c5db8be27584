/// Long numbers Excel shortened into scientific notation: an Eventbrite Event ID typed or
/// pasted into a General-format column shows as `6.12346E+11`, and saved as CSV the digits
/// after the sixth are gone for good. Such a cell in an id column (`event_id`, `reference`,
/// `video_id`) or a count is an error saying so and how to keep the number (format the
/// column as Text first, or export again), not an unknown id or a bad number.
///
/// The terminal shows one line per cause (`DiagnosticFold`): one per file and column for its
/// shortened cells, and one per booking register and id for bookings whose full Event ID is
/// the one a training file holds shortened. The data-quality section and `rejects.csv` keep
/// every row's own error.
enum ExcelShortened {
    /// Whether a cell is a number as Excel's General format shortens it: one digit, at most 14
    /// decimals (a point, or a decimal comma), then `E+` and the exponent: `6.12346E+11`,
    /// `4.5E+03`, `1E+12`. A YouTube id (letters, digits, `-`, `_`) never holds a `+`.
    static func isShortened(_ text: String) -> Bool {
        let b = Array(text.utf8)
        func digit(_ i: Int) -> Bool { i < b.count && b[i] &- 0x30 < 10 }
        guard b.count >= 4, digit(0) else { return false }
        var i = 1
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
            i += 1
            let start = i
            while digit(i) { i += 1 }
            guard (1...14).contains(i - start) else { return false }
        }
        guard i + 2 < b.count, b[i] | 0x20 == UInt8(ascii: "e"), b[i + 1] == UInt8(ascii: "+") else { return false }
        let exponent = i + 2
        while digit(i + 2) { i += 1 }
        return (1...3).contains(i + 2 - exponent) && i + 2 == b.count
    }

    /// Whether `full` (all digits) is the number Excel shows shortened as `shortened`: as many
    /// digits as the exponent says, and rounded to the shown digits they are those digits.
    static func shortens(_ full: String, to shortened: String) -> Bool {
        guard isShortened(shortened), full.utf8.allSatisfy({ $0 &- 0x30 < 10 }), full.first != "0" else { return false }
        let parts = shortened.uppercased().split(separator: "E")
        let shown = parts[0].filter(\.isNumber)
        let exponent = Int(parts[1].dropFirst()) ?? -1
        guard full.count == exponent + 1, full.count >= shown.count else { return false }
        let digits = Array(full.utf8).map { Int($0 - 0x30) }
        var kept = digits.prefix(shown.count).reduce(0) { $0 * 10 + $1 }
        if shown.count < digits.count, digits[shown.count] >= 5 { kept += 1 }
        return String(kept) == shown
    }

    /// The error at a shortened cell; `count`: the column holds a number, not an id.
    static func message(_ raw: String, column: String, count: Bool) -> String {
        count
            ? "'\(raw)' in '\(column)' is a number in Excel's scientific notation (its last digits may be lost); expected the whole number: "
                + advice
            : "'\(raw)' in '\(column)' is a long number Excel shortened into scientific notation (its last digits are lost); expected the id in full: "
                + advice
    }

    static let advice = "format the column as Text before typing or pasting into it, or export the file again"

    /// The fold key of one file's shortened cells in one column.
    static func key(file: String, column: String) -> String { "excel-shortened|\(file)|\(column)" }
    /// The fold key of a register's bookings for one unknown Event ID.
    static func unknownKey(file: String, id: String) -> String { "unknown-event-id|\(file)|\(id)" }

    /// Adds the one line per cause (see the type's comment) for the members marked while reading.
    static func fold(_ diagnostics: inout [Diagnostic]) {
        var groups: [String: [Diagnostic]] = [:]
        var order: [String] = []
        var unknown: [String: [Diagnostic]] = [:]
        var unknownOrder: [String] = []
        for d in diagnostics {
            guard case .member(let key) = d.fold else { continue }
            if key.hasPrefix("excel-shortened|") {
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(d)
            } else if key.hasPrefix("unknown-event-id|") {
                if unknown[key] == nil { unknownOrder.append(key) }
                unknown[key, default: []].append(d)
            }
        }
        let shortened = order.flatMap { groups[$0]! }
        for key in order where groups[key]!.count > 1 { diagnostics.append(summary(groups[key]!, key: key)) }
        for key in unknownOrder {
            let id = String(key.split(separator: "|", omittingEmptySubsequences: false).last ?? "")
            guard let cause = shortened.first(where: { shortens(id, to: raw(of: $0)) }) else { continue }
            let members = unknown[key]!
            let n = members.count
            var d = Diagnostic(
                .error, file: members[0].file, line: 0, column: nil,
                "\(n == 1 ? "a booking" : "\(Count.grouped(n)) bookings") for Event ID '\(id)', which no training row has: \(cause.location) holds '\(raw(of: cause))', this id as Excel shortened it into scientific notation; expected the id in full there (\(advice)), and the bookings will find their event"
            )
            d.fold = .summary(key, under: cause.file)
            diagnostics.append(d)
        }
    }

    /// The value a shortened cell's error quotes first.
    private static func raw(of d: Diagnostic) -> String {
        String(d.message.dropFirst().prefix { $0 != "'" })
    }

    private static func summary(_ members: [Diagnostic], key: String) -> Diagnostic {
        let first = members[0]
        let column = String(key.split(separator: "|", omittingEmptySubsequences: false).last ?? "")
        var d = Diagnostic(
            .error, file: first.file, line: 0, column: nil,
            "\(Count.grouped(members.count)) cells in '\(column)' hold long numbers Excel shortened into scientific notation, such as '\(raw(of: first))' (\(first.inSheet ? "row" : "line") \(first.line)), so their last digits are lost; expected them in full: \(advice)"
        )
        d.fold = .summary(key, under: nil)
        return d
    }
}
