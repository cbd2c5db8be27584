/// An amount of money in whole pence. Never floating point.
struct Money: Hashable, Comparable, Sendable, CustomStringConvertible, AdditiveArithmetic {
    var pence: Int64

    init(pence: Int64) { self.pence = pence }
    init(pounds: Int64) { self.pence = pounds * 100 }

    static let zero = Money(pence: 0)

    /// Parses pounds with up to two decimals: `£102,496`, `102496.00`, `£1,234.5`; negatives
    /// as `-£1,000`, `£-1,000`, `(1,000)`, `(£1,000.00)` or `£(1,000.00)`; Excel's accounting
    /// layout with spaces (` £ 1,000.00 `) and its zero (` £ -   `, or `-` alone). Nil for
    /// anything else, including more than two decimals and overflow.
    init?(parsing text: some StringProtocol) {
        // Spaces are layout only (Excel's accounting format pads around the £ and the dash).
        let compact = String(
            text.unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }.map(Character.init))
        var s = Substring(compact)
        if s == "-" || s == "£-" {
            pence = 0
            return
        }
        var negative = false
        if s.hasPrefix("£(") && s.hasSuffix(")") { s = s.dropFirst() }
        if s.hasPrefix("(") && s.hasSuffix(")") {
            negative = true
            s = s.dropFirst().dropLast()
        }
        if s.hasPrefix("-") {
            if negative { return nil }
            negative = true
            s = s.dropFirst()
        }
        if s.hasPrefix("£") { s = s.dropFirst() }
        if s.hasPrefix("-") {
            if negative { return nil }
            negative = true
            s = s.dropFirst()
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Count.parseGrouped(parts[0]) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), let value = Int.digitsOnly(f) else { return nil }
            fraction = Int64(f.count == 1 ? value * 10 : value)
        }
        let (scaled, o1) = Int64(whole).multipliedReportingOverflow(by: 100)
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        guard !o1, !o2 else { return nil }
        pence = negative ? -total : total
    }

    /// `£119,266`, `£1,234.50`, `-£1,000`: pence are shown only where there are any.
    var formatted: String {
        let magnitude = pence.magnitude
        let pounds = Count.grouped(magnitude / 100)
        let p = magnitude % 100
        let body = p == 0 ? "£\(pounds)" : "£\(pounds).\(p < 10 ? "0" : "")\(p)"
        return pence < 0 ? "-" + body : body
    }

    /// Plain pounds with two decimals for CSV: `119266.00`, `-1000.50`.
    var plainPounds: String {
        let magnitude = pence.magnitude
        let p = magnitude % 100
        return "\(pence < 0 ? "-" : "")\(magnitude / 100).\(p < 10 ? "0" : "")\(p)"
    }

    /// Pounds as a Double, for spreadsheet cells only (exact for any realistic amount).
    var poundsForSpreadsheet: Double { Double(pence) / 100 }

    var description: String { formatted }

    static func + (a: Money, b: Money) -> Money { Money(pence: a.pence + b.pence) }
    static func - (a: Money, b: Money) -> Money { Money(pence: a.pence - b.pence) }
    static func < (a: Money, b: Money) -> Bool { a.pence < b.pence }
}
