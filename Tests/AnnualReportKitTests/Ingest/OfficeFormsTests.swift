import Foundation
import Testing

@testable import AnnualReportKit

/// The sample's CSV inputs saved as Excel saves them in other settings give the sample
/// report, figure for figure: every table but the data-quality one (which names the notes).
@Suite(.serialized) struct OfficeFormsTests {
    /// Each sample CSV file's records, as fields.
    static func sampleFiles() throws -> [(name: String, rows: [[String]])] {
        try FileManager.default.contentsOfDirectory(atPath: SampleInputs.folder.path).filter { $0.hasSuffix(".csv") }
            .sorted()
            .map { name in
                (
                    name,
                    csvRecords(try String(contentsOf: SampleInputs.file(name), encoding: .utf8))
                        .filter { !$0.isBlank }.map(\.fields)
                )
            }
    }

    /// A CSV line with `separator`, quoting as Excel does (a field holding the separator, a quote or a line break).
    static func line(_ fields: [String], _ separator: String) -> String {
        fields.map { f in
            f.contains(separator) || f.contains("\"") || f.contains("\n") || f.contains(",")
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: separator)
    }

    /// `£102,496` as `£102.496` and `119266.00` as `119266,00`: pounds as a comma-decimal locale writes them.
    static func decimalComma(_ amount: String) -> String {
        String(amount.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
    }

    /// Writes the sample in one form and builds it; returns the tables that differ from `Reports/`.
    func differingTables(_ write: (Workdir, String, [[String]]) throws -> Void, notes: (String) -> Void = { _ in })
        throws -> [String]
    {
        let dir = Workdir()
        try FileManager.default.createDirectory(
            at: dir.url.appendingPathComponent("in"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: SampleInputs.configuration,
            to: dir.url.appendingPathComponent("in/annual-report.yaml"))
        for (name, rows) in try Self.sampleFiles() { try write(dir, name, rows) }
        let result = try run(["build", "--inputs", "in", "--out", "out", "--format", "csv"], in: dir)
        #expect(result.status == 0, "\(result)")
        notes(result.stderr)
        let expected = repositoryRoot.appendingPathComponent("Reports/2022-23/tables")
        return try FileManager.default.contentsOfDirectory(atPath: expected.path).sorted().filter { table in
            table != "data-quality.csv"
                && dir.read("out/2022-23/tables/\(table)")
                    != (try? String(contentsOf: expected.appendingPathComponent(table), encoding: .utf8))
        }
    }

    @Test func semicolonsWithDecimalCommas() throws {
        let differing = try differingTables(
            { dir, name, rows in
                let amount = name.hasPrefix("finance") ? rows[0].firstIndex(of: "amount") : nil
                let text =
                    rows.enumerated().map { r, row in
                        Self.line(row.enumerated().map { c, f in r > 0 && c == amount ? Self.decimalComma(f) : f }, ";")
                    }.joined(separator: "\r\n") + "\r\n"
                dir.write("in/\(name)", text)
            },
            notes: { stderr in
                #expect(
                    stderr.contains(
                        "finance.csv: note: read with ';' as the separator (as Excel saves CSV where the decimal mark is a comma; amounts such as 1.234,56 and counts such as 1.054 are read so)"
                    ))
            })
        #expect(differing == [])
    }

    @Test func utf16TabSeparatedUnicodeText() throws {
        let differing = try differingTables(
            { dir, name, rows in
                let text = rows.map { Self.line($0, "\t") }.joined(separator: "\r\n") + "\r\n"
                dir.write(
                    "in/\(name)", bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            },
            notes: { stderr in
                #expect(
                    stderr.contains(
                        "videos.csv: note: read with tab as the separator (as Excel saves \"Unicode text\")"))
                #expect(stderr.contains("videos.csv: note: read as UTF-16LE because the file is not UTF-8"))
            })
        #expect(differing == [])
    }

    @Test func excelsSepHintLine() throws {
        let differing = try differingTables(
            { dir, name, rows in
                dir.write("in/\(name)", "sep=;\n" + rows.map { Self.line($0, ";") }.joined(separator: "\n") + "\n")
            },
            notes: { stderr in
                #expect(
                    stderr.contains("reviews.csv: note: read with ';' as the separator, as its first line (sep=) says"))
            })
        #expect(differing == [])
    }

    @Test func titleRowsAboveAndFootnotesBelow() throws {
        let differing = try differingTables(
            { dir, name, rows in
                let width = rows[0].count
                func oneCell(_ text: String) -> String {
                    Self.line([text] + Array(repeating: "", count: width - 1), ",")
                }
                let text =
                    [
                        oneCell("Northmoor SCP: \(name.dropLast(4)) as kept by the business office"),
                        oneCell("Printed 3 April 2023"), "",
                    ]
                    + rows.map { Self.line($0, ",") }
                    + [
                        "", oneCell("Note: figures are unaudited"),
                        oneCell("Prepared by Jo Bloggs (jo.bloggs@example.org)"),
                    ]
                dir.write("in/\(name)", text.joined(separator: "\n") + "\n")
            },
            notes: { stderr in
                #expect(
                    stderr.contains(
                        "reviews.csv:4: note: the header is on line 4; the 2 rows above it (from line 1) are titles, not records, and are not read"
                    ))
                #expect(
                    stderr.contains(
                        "reviews.csv:20: note: 2 footnote lines under the records, not read as records: footnotes withheld (lines 20, 21), as they may name a person"
                    ))
                #expect(!stderr.contains("Bloggs") && !stderr.contains("unaudited"))
            })
        #expect(differing == [])
    }

    @Test func aSemicolonRegisterIsReadByTheRegistersOwnReader() throws {
        let dir = Workdir()
        dir.write("in/attendance-2023-24.csv", PersonKeyTests.register.replacingOccurrences(of: ",", with: ";"))
        let result = try run(["build", "--inputs", "in", "--out", "out", "--format", "md"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("attendance-2023-24.csv: note: read with ';' as the separator"))
        #expect(
            dir.read("out/2023-24/annual-report.md")?.contains(
                "In 2023-24, 4 people attended 6 times across 2 sessions") == true)
    }

    @Test func twoHeadersForOneColumnAreAnErrorNamingBoth() throws {
        let dir = Workdir()
        dir.write("in/training.csv", "Date,Course,Booked,Attendees,Places booked\n2022-05-10,Neglect,14,12,15\n")
        let result = try run(["check", "--inputs", "in"], in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "training.csv:1: error: columns 3 ('Booked') and 5 ('Places booked') are both read as 'booked'; expected one such column (rename or delete the other)"
            ))
    }

    @Test func decimalCommaAmounts() {
        #expect(RowReader.fromDecimalComma("1.234,56") == "1234.56")
        #expect(RowReader.fromDecimalComma("£102.496") == "£102496")
        #expect(RowReader.fromDecimalComma("119266,1") == "119266.1")
        #expect(RowReader.fromDecimalComma("-£1.000,00") == "-£1000.00")
        #expect(RowReader.fromDecimalComma("1.5") == "1.5")
        #expect(RowReader.fromDecimalComma("£102,496") == "£102,496")
    }

    @Test func separatorDetection() {
        func detect(_ text: String) -> UInt8 { Separators.detect(Array(text.utf8), from: 0) }
        #expect(
            detect(
                "LRSCP Training Log 2022-23\n\ndate,title,priorities\n2022-05-01,A,Babies; Adolescents\n2022-05-02,B,Babies\n"
            ) == UInt8(ascii: ","))
        #expect(
            detect("year;type;line;amount\n2022-23;contribution;LCC;119266,00\n2022-23;contribution;RCC;5,5\n")
                == UInt8(ascii: ";"))
        #expect(detect("a\tb\tc\n1\t2\t3\n") == 0x09)
    }
}
