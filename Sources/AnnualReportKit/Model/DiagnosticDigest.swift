/// What the terminal shows of many diagnostics: file-level problems first (a file that
/// cannot be read, a header that does not match), then row-level ones, and at most
/// `perCause` lines of any one cause followed by "… and N more like this". A cause is one
/// file, severity and message shape (the message with its quoted values and numbers set
/// aside), so 737 "unknown event" errors are 20 lines and a count. Errors that follow from
/// one cause (`DiagnosticFold`) are one line, printed under their cause. The data-quality
/// section and `rejects.csv` keep every line.
public enum DiagnosticDigest {
    public static let perCause = 20

    /// The message with what varies from row to row (quoted text, numbers) blanked out. A quote
    /// opens after a non-letter and closes before one, so the apostrophe in `Children's` is text.
    static func shape(_ message: String) -> String {
        var out = ""
        var quoted = false
        let characters = Array(message)
        for (i, c) in characters.enumerated() {
            if c == "'" {
                let before = i > 0 ? characters[i - 1] : " "
                let after = i + 1 < characters.count ? characters[i + 1] : " "
                if quoted ? !(after.isLetter || after.isNumber) : !(before.isLetter || before.isNumber) {
                    quoted.toggle()
                    out.append(c)
                    continue
                }
            }
            if quoted || c.isNumber { continue }
            out.append(c)
        }
        return out
    }

    /// The diagnostics the terminal prints, in order: members of a present summary left out,
    /// file-level ones first (each summary under its cause's file), then the rows'.
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var summaries: Set<String> = []
        var under: [String: [Diagnostic]] = [:]
        for d in diagnostics { if case .summary(let key, _) = d.fold { summaries.insert(key) } }
        var fileLevel: [Diagnostic] = []
        var rows: [Diagnostic] = []
        for d in diagnostics {
            switch d.fold {
            case .member(let key) where summaries.contains(key): continue
            case .summary(_, let file?): under[file, default: []].append(d)
            default: if d.isFileLevel { fileLevel.append(d) } else { rows.append(d) }
            }
        }
        var ordered: [Diagnostic] = []
        for (i, d) in fileLevel.enumerated() {
            ordered.append(d)
            // After the last file-level line of a file, the summaries of what followed from it.
            if i + 1 == fileLevel.count || fileLevel[i + 1].file != d.file,
                let folded = under.removeValue(forKey: d.file)
            {
                ordered += folded
            }
        }
        ordered += under.keys.sorted().flatMap { under[$0]! }
        return ordered + rows
    }

    /// How many errors the terminal names: every error but the members of a printed summary.
    public static func errorCount(_ diagnostics: [Diagnostic]) -> Int {
        ordered(diagnostics).filter { $0.severity == .error }.count
    }

    /// The lines to print, in order.
    public static func lines(_ diagnostics: [Diagnostic], perCause: Int = perCause) -> [String] {
        var shown: [String: Int] = [:]
        var lines: [String] = []
        var extra: [String: (count: Int, after: Int)] = [:]
        for d in ordered(diagnostics) {
            let cause = "\(d.file)|\(d.severity.rawValue)|\(shape(d.message))"
            let n = shown[cause, default: 0]
            shown[cause] = n + 1
            if n < perCause {
                lines.append(d.description)
                if n == perCause - 1 { extra[cause] = (0, lines.count - 1) }
            } else {
                extra[cause]!.count += 1
            }
        }
        // "… and N more" straight after the last line shown of its cause, last first so indices hold.
        for (_, e) in extra.filter({ $0.value.count > 0 }).sorted(by: { $0.value.after > $1.value.after }) {
            lines.insert(
                "  … and \(e.count) more like this (build --keep-going lists every one in the data-quality section and rejects.csv)",
                at: e.after + 1)
        }
        return lines
    }
}
