/// How a workbook's cell values become the text a CSV file of the same records would hold,
/// so every dataset's row checks apply unchanged.
///
/// Numbers stay the decimal text the workbook stores (`119266.1` is £119,266.10, never a
/// binary rounding of it), shortened to the 15 significant digits Excel shows and saves as
/// CSV (`0.30000000000000004` is `0.3`); exponents are written out. Date-formatted numbers
/// become ISO dates (`2022-09-26`) in the workbook's date system.
enum WorkbookCells {
    /// Excel's two date systems: serial 1 is 1900-01-01, or (Mac Excel before 2011) 1904-01-02.
    enum DateSystem: Sendable { case from1900, from1904 }

    /// What a cell's number format makes of its number.
    enum NumberKind: Sendable { case number, date, time }

    /// `number` (the text of an `.xlsx` `<v>` or an `.ods` `office:value`) as plain decimal
    /// text of at most 15 significant digits; nil when it is not a number.
    static func decimalText(_ number: String) -> String? {
        if isPlain(number.utf8) { return number }
        var s = Substring(number)
        var negative = false
        if s.first == "-" {
            negative = true
            s = s.dropFirst()
        } else if s.first == "+" {
            s = s.dropFirst()
        }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let x = Int(s[s.index(after: e)...]), abs(x) < 400 else { return nil }
            exponent = x
            s = s[..<e]
        }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !s.isEmpty else { return nil }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }), !(whole + fraction).isEmpty else {
            return nil
        }
        // digits × 10^(point - digits.count): the number as an integer and where its point goes.
        var digits = Array((whole + fraction).utf8).map { Int($0) - 48 }
        var point = whole.count + exponent
        while digits.count > 1, digits.first == 0 {
            digits.removeFirst()
            point -= 1
        }
        if digits.count > 15 {
            // Round half away from zero at the 15th significant digit, as Excel shows it.
            let up = digits[15] >= 5
            digits = Array(digits.prefix(15))
            if up {
                var k = 14
                while k >= 0 {
                    if digits[k] == 9 {
                        digits[k] = 0
                        k -= 1
                    } else {
                        digits[k] += 1
                        break
                    }
                }
                if k < 0 {
                    digits.insert(1, at: 0)
                    digits.removeLast()
                    point += 1
                }
            }
        }
        while digits.count > max(point, 1), digits.last == 0 { digits.removeLast() }
        if digits.allSatisfy({ $0 == 0 }) { return "0" }
        var out = negative ? "-" : ""
        if point <= 0 {
            out += "0." + String(repeating: "0", count: -point) + digits.map(String.init).joined()
        } else if point >= digits.count {
            out += digits.map(String.init).joined() + String(repeating: "0", count: point - digits.count)
        } else {
            out += digits[..<point].map(String.init).joined() + "." + digits[point...].map(String.init).joined()
        }
        return out
    }

    /// Whether `utf8` is already what `decimalText` would write: digits with at most one point,
    /// no leading zero, no trailing fractional zero, at most 15 digits (most cells; no work).
    private static func isPlain(_ utf8: String.UTF8View) -> Bool {
        var digits = 0
        var point = false
        var last: UInt8 = 0
        var first = true
        for b in utf8 {
            if b == UInt8(ascii: ".") {
                guard !point, !first else { return false }
                point = true
            } else if b >= 0x30 && b <= 0x39 {
                if first && b == 0x30 && utf8.count > 1 { return false }
                digits += 1
            } else {
                return false
            }
            first = false
            last = b
        }
        return digits > 0 && digits <= 15 && !(point && (last == 0x30 || last == UInt8(ascii: ".")))
    }

    /// The date of a date-formatted cell's serial number; nil before the system's first day
    /// or for Excel's non-existent 29 February 1900 (serial 60).
    static func date(serial number: String, system: DateSystem) -> CalendarDate? {
        // The whole days: a serial is digits, and a fraction (the time) when it has one.
        let whole = number.utf8.prefix { $0 != UInt8(ascii: ".") }
        let days: Int
        let plain = number.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") }
        if plain, !whole.isEmpty, whole.count <= 7, number.utf8.count(where: { $0 == UInt8(ascii: ".") }) <= 1 {
            days = whole.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        } else {
            // A sign or an exponent (`4.4831E4`): the whole days of its decimal text, at most 7
            // digits as above (no date is that far off; FuzzWorkbook found the recursion that
            // stood here never ending on a longer one).
            guard let text = decimalText(number), !text.hasPrefix("-"),
                let digits = text.split(separator: ".", omittingEmptySubsequences: false).first,
                !digits.isEmpty, digits.count <= 7, let d = Int(digits)
            else { return nil }
            days = d
        }
        switch system {
        case .from1900:
            guard days >= 1, days != 60 else { return nil }
            // 1899-12-31 is serial 0; Excel counts a 29 February 1900 that never was, so later serials count from 1899-12-30.
            return CalendarDate(daysSince1970: days - (days < 60 ? 25568 : 25569))
        case .from1904:
            return CalendarDate(daysSince1970: days - 24107)
        }
    }

    /// The time of day of a serial's fraction, as `HH:MM` (`HH:MM:SS` when it has seconds).
    static func time(serial number: String) -> String? {
        guard let text = decimalText(number) else { return nil }
        let fraction = text.split(separator: ".").dropFirst().first.map { "0." + $0 } ?? "0"
        // Seconds in the day to the nearest second, in whole numbers: fraction × 86400.
        let digits = Array(fraction.dropFirst(2).utf8).map { Int($0) - 48 }
        var numerator = 0
        var denominator = 1
        for d in digits.prefix(12) {
            numerator = numerator * 10 + d
            denominator *= 10
        }
        let seconds = (numerator * 86400 + denominator / 2) / denominator % 86400
        let hms = [seconds / 3600, seconds / 60 % 60, seconds % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
        return seconds % 60 == 0 ? "\(hms[0]):\(hms[1])" : hms.joined(separator: ":")
    }

    /// What Excel's built-in number format `id` shows: ids 14–22, 27–36, 45–47 and 50–58 are dates and times.
    static func kind(builtIn id: Int) -> NumberKind {
        switch id {
        case 18...21, 45...47: .time
        case 14...17, 22, 27...36, 50...58: .date
        default: .number
        }
    }

    /// What a custom format code shows: a date when it has day, month-with-day or year parts
    /// outside quoted text, `[…]` sections and `\`-escaped characters; a time when only hours,
    /// minutes or seconds.
    static func kind(formatCode code: String) -> NumberKind {
        var plain = ""
        var inQuote = false
        var inBracket = false
        var escaped = false
        for ch in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            if inQuote {
                if ch == "\"" { inQuote = false }
                continue
            }
            if inBracket {
                if ch == "]" { inBracket = false }
                continue
            }
            switch ch {
            case "\"": inQuote = true
            case "[": inBracket = true
            case "\\", "_", "*": escaped = true
            default: plain.append(ch)
            }
        }
        // Only the first section (positive numbers) decides.
        let first = plain.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
        if first.contains("y") || first.contains("d") { return .date }
        if first.contains("h") || first.contains("s") { return .time }
        // `m` alone is a month in a date format (`mmm`), a minute only beside hours or seconds.
        if first.contains("m") && !first.contains("0") && !first.contains("#") { return .date }
        return .number
    }

    /// The 1-based column and row of a cell reference (`C7` is column 3, row 7); nil when malformed.
    static func cellReference(_ reference: some StringProtocol) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var seenDigit = false
        for b in reference.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !seenDigit: column = column * 26 + Int(b - 64)
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !seenDigit: column = column * 26 + Int(b - 96)
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                row = row * 10 + Int(b - 48)
            default: return nil
            }
            guard column <= 1 << 20, row <= 1 << 24 else { return nil }
        }
        return column > 0 && row > 0 ? (column, row) : nil
    }

    /// Excel's `_xHHHH_` escapes (a control character in a shared or inline string) decoded.
    static func unescapeExcel(_ text: String) -> String {
        // A byte scan: Foundation's `contains` on String is many times slower, and this runs per cell.
        var previous: UInt8 = 0
        var escaped = false
        for b in text.utf8 {
            if previous == UInt8(ascii: "_") && b == UInt8(ascii: "x") {
                escaped = true
                break
            }
            previous = b
        }
        guard escaped else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let value = UInt32(hex, radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }
}
