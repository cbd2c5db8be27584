import Foundation

/// Sheet names from table titles, within Excel's rules.
extension XLSXWriter {
    /// Sheet names: readable, within Excel's rules, unique ignoring case.
    struct SheetNames {
        static let summary = "Summary"
        static let dataQuality = "Data quality"
        /// Excel's limit; counted in UTF-16 units, which is never fewer than libxlsxwriter's count.
        static let maxLength = 31

        private var taken: Set<String> = []

        mutating func reserve(_ name: String) { taken.insert(name.lowercased()) }

        /// The first of `candidates` that is free, else the first with ` (2)`, ` (3)`, …
        /// (shortened to fit); then taken.
        mutating func unique(_ candidates: [String]) -> String {
            if let free = candidates.first(where: { !taken.contains($0.lowercased()) }) {
                taken.insert(free.lowercased())
                return free
            }
            return unique(candidates.first ?? "Table")
        }

        /// `name`, or `name (2)`, `name (3)`, … shortened to fit, whichever is free; then taken.
        mutating func unique(_ name: String) -> String {
            var candidate = name
            var n = 2
            while taken.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = Self.fit(name, units: Self.maxLength - suffix.utf16.count) + suffix
                n += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }

        /// Sheet names for a table title, most faithful first, each within Excel's rules: `[ ] :
        /// * ? / \` replaced or dropped (`2022/23` becomes `2022-23`), control characters and
        /// runs of spaces made one space, no leading or trailing `'`, at most 31 characters.
        ///
        /// A title too long is shortened the way a reader would: without small words ("Reach
        /// business priority 2022-23"); for "Main part, qualifier" titles, the main part alone
        /// when the qualifier is only years ("Training delivery"), else a shortened main part with
        /// the qualifier kept ("Children subject by ethnicity"); last, cut at a word boundary. The
        /// table id, then "Table n", stand in for a title with nothing usable.
        static func candidates(_ title: String, fallback: String, index: Int) -> [String] {
            for text in [title, fallback] {
                let cleaned = clean(text)
                guard !cleaned.isEmpty else { continue }
                var names = [cleaned, withoutSmallWords(cleaned.replacingOccurrences(of: ", ", with: " "))]
                if let comma = cleaned.range(of: ", ", options: .backwards) {
                    let head = String(cleaned[..<comma.lowerBound])
                    let tail = String(cleaned[comma.upperBound...])
                    let headAlone = shorten(head, units: maxLength)
                    var headAndTail: String?
                    if tail.utf16.count <= maxLength / 2 {
                        let shortHead = shorten(head, units: maxLength - tail.utf16.count - 1)
                        if !shortHead.isEmpty { headAndTail = shortHead + " " + tail }
                    }
                    names += (isYears(tail) ? [headAlone, headAndTail] : [headAndTail, headAlone]).compactMap { $0 }
                }
                names.append(fit(cleaned, units: maxLength))
                var seen: Set<String> = []
                let usable = names.filter { name in
                    !name.isEmpty && name.utf16.count <= maxLength && seen.insert(name.lowercased()).inserted
                }
                if !usable.isEmpty { return usable }
            }
            return ["Table \(index + 1)"]
        }

        /// The first candidate.
        static func base(_ title: String, fallback: String, index: Int) -> String {
            candidates(title, fallback: fallback, index: index)[0]
        }

        /// `text` if it fits, else without small words, else that cut at a word boundary.
        static func shorten(_ text: String, units: Int) -> String {
            if text.utf16.count <= units { return text }
            let compact = withoutSmallWords(text)
            return compact.utf16.count <= units ? compact : fit(compact, units: units)
        }

        /// Words a shortened name can do without: "Reach per business priority" -> "Reach
        /// business priority". "and", "by" and "to" stay: they carry meaning between years and in
        /// qualifiers.
        static func withoutSmallWords(_ text: String) -> String {
            let small: Set<String> = ["a", "an", "the", "of", "in", "per", "for", "from", "on", "at"]
            let words = text.split(separator: " ")
            let kept = words.enumerated().filter { i, word in i == 0 || !small.contains(word.lowercased()) }.map(
                \.element)
            return kept.joined(separator: " ")
        }

        /// "2022-23", "2021-22 and 2022-23", "2020-21 to 2022-23".
        static func isYears(_ text: String) -> Bool {
            text.split(separator: " ").allSatisfy { word in
                word == "and" || word == "to"
                    || (word.first?.isNumber == true && word.allSatisfy { $0.isNumber || $0 == "-" })
            }
        }

        static func clean(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "/", "\\": out.append("-")
                case "[": out.append("(")
                case "]": out.append(")")
                case ":", "*", "?": continue
                default:
                    if scalar.properties.generalCategory == .control || scalar.properties.isWhitespace {
                        out.append(" ")
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                .trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        }

        /// `text` cut to `units` UTF-16 units at a character boundary, preferring a word boundary in
        /// the second half, without trailing spaces, dashes, commas or `'`.
        static func fit(_ text: String, units: Int) -> String {
            guard text.utf16.count > units else { return text }
            var cut = ""
            var used = 0
            for character in text {
                let n = character.utf16.count
                if used + n > units { break }
                cut.append(character)
                used += n
            }
            let next = text.dropFirst(cut.count).first
            if next != " ", let space = cut.lastIndex(of: " "),
                cut.distance(from: cut.startIndex, to: space) >= units / 2
            {
                cut = String(cut[..<space])
            }
            cut = cut.trimmingCharacters(in: CharacterSet(charactersIn: " -,;('&"))
            // No dangling "and", "of", … at the end of a cut name.
            let dangling: Set<String> = [
                "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "per", "the", "to",
            ]
            var words = cut.split(separator: " ")
            while words.count > 1, let last = words.last, dangling.contains(last.lowercased()) { words.removeLast() }
            return words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " -,;('&"))
        }
    }
}
