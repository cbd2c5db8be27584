extension SVGChartWriter {
    static let fontSize = 12.0
    static let titleSize = 16.0
    static let axisTitleSize = 13.0
    static let lineHeight = 15.0

    /// An estimate of rendered width, generous enough for DejaVu Sans (the usual Linux
    /// sans-serif), which is wider than Helvetica.
    static func textWidth(_ s: String, size: Double = fontSize, bold: Bool = false) -> Double {
        var em = 0.0
        for scalar in s.unicodeScalars {
            switch scalar {
            case " ", "!", ",", ".", ":", ";", "'", "|", "i", "j", "l", "I": em += 0.32
            case "f", "t", "r", "-", "(", ")", "/", "[", "]", "*": em += 0.4
            case "0"..."9", "£", "$", "#", "?", "+", "=", "<", ">": em += 0.64
            case "%": em += 0.95
            case "&", "M", "W", "m", "w", "@": em += 0.92
            case "A"..."Z": em += 0.72
            case "a"..."z": em += 0.61
            default: em += scalar.value >= 0x2E80 ? 1.0 : 0.68
            }
        }
        return em * size * (bold ? 1.08 : 1)
    }

    /// Splits on whitespace into lines of at most `limit` characters; a longer word is cut.
    /// At most `maxLines` lines, the last ending in `…` when text is dropped.
    static func wrap(_ s: String, limit: Int, maxLines: Int = 4) -> [String] {
        var lines: [String] = []
        var current = ""
        for piece in s.split(whereSeparator: { $0.isWhitespace }) {
            // Only maxLines are shown: stop once more are known (a runaway label stays linear).
            if lines.count > maxLines { break }
            var word = piece[...]
            while lines.count <= maxLines,
                let cut = word.index(word.startIndex, offsetBy: limit + 1, limitedBy: word.endIndex).map({ _ in
                    word.index(word.startIndex, offsetBy: limit)
                })
            {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word[..<cut]))
                word = word[cut...]
            }
            let wordText = String(word)
            if current.isEmpty {
                current = wordText
            } else if current.count + 1 + wordText.count <= limit {
                current += " " + wordText
            } else {
                lines.append(current)
                current = wordText
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            var last = lines[maxLines - 1]
            if last.count >= limit { last = String(last.prefix(limit - 1)) }
            while last.last?.isWhitespace == true { last.removeLast() }
            lines[maxLines - 1] = last + "…"
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Escapes text for XML content and attribute values, replacing characters XML 1.0
    /// cannot hold (control characters) with spaces.
    static func escape(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += " "
            default:
                let v = scalar.value
                let valid = (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
                out.unicodeScalars.append(valid ? scalar : " ")
            }
        }
        return out
    }

    /// A coordinate with at most one decimal, written with integer arithmetic: `12`, `12.5`, `-0.3`.
    static func num(_ x: Double) -> String { num(tenths: tenths(x)) }

    /// `x` in tenths, rounded half away from zero (0 for NaN or infinity).
    static func tenths(_ x: Double) -> Int64 {
        guard x.isFinite else { return 0 }
        return Int64(max(-1e15, min(1e15, x * 10)).rounded())
    }

    static func num(tenths: Int64) -> String {
        let m = tenths.magnitude
        let sign = tenths < 0 ? "-" : ""
        return m % 10 == 0 ? "\(sign)\(m / 10)" : "\(sign)\(m / 10).\(m % 10)"
    }

    /// `chart-` and the chart id with anything but letters, digits, `-` and `_` replaced.
    static func idPrefix(_ id: String) -> String {
        var out = "chart-"
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": out.unicodeScalars.append(scalar)
            default: out += "_"
            }
        }
        return out
    }
}
