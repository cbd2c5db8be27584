import Foundation
import Testing

@testable import AnnualReportKit

/// An attendance register saved as offices save it (`;` or tab, UTF-16, Excel's `sep=` line,
/// a title row, a `Total` row, a sign-off under it) is split into lines with its own separator
/// and encoding before anything looks for footnotes: its records are rows, never footnotes,
/// and no name in it reaches any output.
@Suite(.serialized) struct RegisterOfficeFormsTests {
    /// A register kept by name, of our own invention, as a European-locale Excel saves it.
    static let register = """
        Attendance register 2023-24;;;;;
        session_id;date;title;delegate_id;agency;attended
        A1;02/05/2023;Safer sleep;Deepa Patel;NHS;yes
        A2;07/11/2023;Safer sleep;Tom Reed;Council;yes

        """

    static let semicolonNote =
        "attendance-2023-24.csv: note: read with ';' as the separator (as Excel saves CSV where the decimal mark is a comma; amounts such as 1.234,56 and counts such as 1.054 are read so)"

    /// Reads `bytes` as the folder's only file: its ledger as [read, used, rejected, control
    /// totals, footnotes], and its messages.
    func ingest(_ bytes: [UInt8]) -> (ledger: [[Int]], messages: [String]) {
        let dir = Workdir()
        dir.write("in/attendance-2023-24.csv", bytes: bytes)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        return (
            result.ledger.map { [$0.read, $0.used, $0.rejected, $0.controlTotals, $0.footnotes] },
            result.diagnostics.filter { $0.file == "attendance-2023-24.csv" }.map(\.description)
        )
    }

    static func utf16LE(_ text: String) -> [UInt8] {
        [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test func aSemicolonRegisterWithATitleRowIsReadAsRecords() {
        let (ledger, messages) = ingest(Array(Self.register.utf8))
        #expect(ledger == [[2, 2, 0, 0, 0]])
        #expect(
            messages == [
                Self.semicolonNote,
                "attendance-2023-24.csv:2: note: the header is on line 2; the row above it (line 1) is a title, not a record, and is not read",
            ])
    }

    @Test func noNameInTheRegisterReachesAnyOutput() throws {
        let dir = Workdir()
        dir.write("in/attendance-2023-24.csv", Self.register)
        let result = try run(["build", "--inputs", "in", "--out", "out"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(
            dir.read("out/2023-24/annual-report.md")?.contains("In 2023-24, 2 people attended twice across 2 sessions")
                == true)
        let written = try writtenText(dir.url.appendingPathComponent("out"))
        #expect(written.contains("Council"))  // the agencies are written; the people are not
        for name in ["Deepa", "Patel", "Tom Reed"] {
            #expect(
                !written.contains(name) && !result.stderr.contains(name) && !result.stdout.contains(name),
                "\(name) was written out")
        }
    }

    @Test func aUTF16TabRegisterWithATitleAndASignOff() {
        let text =
            Self.register.replacingOccurrences(of: ";", with: "\t")
            + "\t\t\t\t\t\nPrepared by Deepa Patel (deepa.patel@nhs.net)\t\t\t\t\t\n"
        let (ledger, messages) = ingest(Self.utf16LE(text.replacingOccurrences(of: "\n", with: "\r\n")))
        #expect(ledger == [[3, 2, 0, 0, 1]])
        #expect(
            messages == [
                "attendance-2023-24.csv: note: read as UTF-16LE because the file is not UTF-8",
                "attendance-2023-24.csv: note: read with tab as the separator (as Excel saves \"Unicode text\")",
                "attendance-2023-24.csv:2: note: the header is on line 2; the row above it (line 1) is a title, not a record, and is not read",
                "attendance-2023-24.csv:6: note: a footnote line under the records, not read as a record: footnote withheld (line 6), as it may name a person",
            ])
    }

    @Test func aSepLineRegisterWithATotalRowAndASignOffInTwoCells() {
        let (ledger, messages) = ingest(
            Array(("sep=;\n" + Self.register + "Total;;;;;2\nChecked:;Tom Reed;;;;\n").utf8))
        #expect(ledger == [[4, 2, 0, 1, 1]])
        #expect(
            messages == [
                "attendance-2023-24.csv: note: read with ';' as the separator, as its first line (sep=) says",
                "attendance-2023-24.csv:3: note: the header is on line 3; the row above it (line 2) is a title, not a record, and is not read",
                "attendance-2023-24.csv:6: note: the 'Total' row is a summary row, not a record of attendance; not counted (the attendance dataset has no figure to check it against)",
                "attendance-2023-24.csv:7: note: a footnote line under the records, not read as a record: footnote withheld (line 7), as it may name a person",
            ])
    }

    /// Windows-1252 with `;`: decoded first, then split, so the footnote is found once.
    @Test func aWindows1252SemicolonRegisterWithASignOff() {
        let text =
            Self.register.replacingOccurrences(of: "Safer sleep", with: "Safer sleep – babies")
            + "Note: £5 charge for no-shows;;;;;\n"
        let bytes = text.unicodeScalars.map { $0 == "–" ? UInt8(0x96) : $0 == "£" ? UInt8(0xA3) : UInt8($0.value) }
        let (ledger, messages) = ingest(bytes)
        #expect(ledger == [[3, 2, 0, 0, 1]])
        #expect(
            messages == [
                "attendance-2023-24.csv: note: read as Windows-1252 because the file is not UTF-8",
                Self.semicolonNote,
                "attendance-2023-24.csv:2: note: the header is on line 2; the row above it (line 1) is a title, not a record, and is not read",
                "attendance-2023-24.csv:5: note: a footnote line under the records, not read as a record: footnote withheld (line 5), as it may name a person",
            ])
    }
}
