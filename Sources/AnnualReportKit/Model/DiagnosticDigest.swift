/// What the terminal shows of many diagnostics: file-level problems first (a file that
/// cannot be read, a header that does not match), then row-level ones, and at most
/// `perCause` lines of any one cause followed by "… and N more like this". A cause is one
/// file, severity and message shape (the message with its quoted values and numbers set
/// aside), so 737 "unknown event" errors are 20 lines and a count. The data-quality section
/// and `rejects.csv` keep every line.
public enum DiagnosticDigest {
    public static let perCause = 20

    /// The message with what varies from row to row (quoted text, numbers) blanked out.
    static func shape(_ message: String) -> String {
        var out = "", quoted = false
        for c in message {
            if c == "'" { quoted.toggle(); out.append(c); continue }
            if quoted || c.isNumber { continue }
            out.append(c)
        }
        return out
    }

    /// The lines to print, in order.
    public static func lines(_ diagnostics: [Diagnostic], perCause: Int = perCause) -> [String] {
        // File-level (line 0) first, then by file, line and column: the cause before its knock-on errors.
        let ordered = diagnostics.filter { $0.line == 0 } + diagnostics.filter { $0.line != 0 }
        var shown: [String: Int] = [:], order: [String] = [], lines: [String] = [], extra: [String: (count: Int, after: Int)] = [:]
        for d in ordered {
            let cause = "\(d.file)|\(d.severity.rawValue)|\(shape(d.message))"
            let n = shown[cause, default: 0]
            shown[cause] = n + 1
            if n == 0 { order.append(cause) }
            if n < perCause {
                lines.append(d.description)
                if n == perCause - 1 { extra[cause] = (0, lines.count - 1) }
            } else {
                extra[cause]!.count += 1
            }
        }
        // "… and N more" straight after the last line shown of its cause, last first so indices hold.
        for (_, e) in extra.filter({ $0.value.count > 0 }).sorted(by: { $0.value.after > $1.value.after }) {
            lines.insert("  … and \(e.count) more like this (build --keep-going lists every one in the data-quality section and rejects.csv)", at: e.after + 1)
        }
        return lines
    }
}
