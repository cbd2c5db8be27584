import AnnualReportKit
import Foundation

/// Prints diagnostics and the ledger the same way for `build` and `check`.
enum Console {
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for line in DiagnosticDigest.lines(diagnostics) { printError(line) }
    }

    static func printLedger(_ ledger: [FileLedger]) {
        guard !ledger.isEmpty else {
            print("No file was read as records.")
            return
        }
        let width = max(4, ledger.map(\.file.count).max() ?? 4)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        func left(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        let footnotes = ledger.contains { $0.footnotes > 0 }
        let kind = max(10, ledger.map(\.dataset.count).max() ?? 10)
        print(
            "\(pad("file", width))  \(pad("dataset", kind)) \(left("read", 8)) \(left("used", 8)) \(left("rejected", 8)) \(left("totals", 8))"
                + (footnotes ? " \(left("notes", 8))" : ""))
        for e in ledger {
            print(
                "\(pad(e.file, width))  \(pad(e.dataset, kind)) \(left(String(e.read), 8)) \(left(String(e.used), 8)) \(left(String(e.rejected), 8)) \(left(String(e.controlTotals), 8))"
                    + (footnotes ? " \(left(String(e.footnotes), 8))" : "") + (e.encoding.map { "  (\($0))" } ?? ""))
        }
        let read = ledger.reduce(0) { $0 + $1.read }
        let used = ledger.reduce(0) { $0 + $1.used }
        let rejected = ledger.reduce(0) { $0 + $1.rejected }
        let totals = ledger.reduce(0) { $0 + $1.controlTotals }
        print(
            "\(pad("total", width))  \(pad("", kind)) \(left(String(read), 8)) \(left(String(used), 8)) \(left(String(rejected), 8)) \(left(String(totals), 8))"
                + (footnotes ? " \(left(String(ledger.reduce(0) { $0 + $1.footnotes }), 8))" : ""))
        if totals > 0 {
            print(
                "(totals: summary rows such as 'Total', checked against the rows above them and not counted as records)"
            )
        }
        if footnotes {
            print(
                "(notes: footnote lines under the records, such as 'Note: …' or 'Prepared by …', not counted as records)"
            )
        }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
