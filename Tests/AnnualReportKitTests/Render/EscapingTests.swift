import Foundation
import Testing

@testable import AnnualReportKit

/// Text from inputs is data: it cannot become markup, a formula or a different table shape.
@Suite struct EscapingTests {
    @Test func markdownCellsKeepTheirShape() {
        let table = ReportTable(
            id: "t", title: "T", columns: [ReportColumn("Title", .label), ReportColumn("N", .count)],
            rows: [ReportRow([.text("a | b <script>alert(1)</script> &amp; *x*\nsecond line"), .count(1)])])
        let lines = MarkdownWriter.render(table).split(separator: "\n")
        #expect(
            lines.count == 4
                && lines[3] == #"| a \| b &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; \*x\*<br>second line | 1 |"#)
        #expect(MarkdownWriter.escapeInline("Fish & Chips") == "Fish & Chips")
    }

    @Test func csvDefusesFormulas() {
        #expect(CSVWriter.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVWriter.field("+44 1234") == "'+44 1234")
        #expect(CSVWriter.field("-rf") == "'-rf")
        #expect(CSVWriter.field("@cmd") == "'@cmd")
        #expect(CSVWriter.field("\tx") == "'\tx")
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("=1,2") == "\"'=1,2\"")
        // Numbers are not text: a negative amount stays a number.
        let table = ReportTable(
            id: "t", title: "T", columns: [ReportColumn("L", .label), ReportColumn("M", .money)],
            rows: [ReportRow([.text("=x"), .money(Money(pence: -150))])])
        #expect(CSVWriter.csv(table) == "L,M\n'=x,-1.50\n")
    }

    @Test func windows1252TitleComesOutRightEverywhere() throws {
        let dir = Workdir()
        let inputs = try SampleInputs.copy(into: dir)
        let title: [UInt8] =
            Array("Parental Conflict ".utf8) + [0xA3] + Array("0 ".utf8) + [0x96] + Array(" Pilot".utf8)
        dir.write(
            "Inputs/training-extra.csv",
            bytes: Array("date,title,kind,attendees\n2023-03-20,".utf8) + title + Array(",conference,12\n".utf8))
        let outcome = try ReportRun(
            inputs: inputs, output: dir.url.appendingPathComponent("Reports")
        ).build()
        #expect(outcome.ingest.errors.isEmpty)
        #expect(
            outcome.ingest.notes.map(\.description).contains(
                "training-extra.csv: note: read as Windows-1252 because the file is not UTF-8"))
        let md = try #require(dir.read("Reports/2022-23/annual-report.md"))
        #expect(md.contains("| Parental Conflict £0 – Pilot | 1 | 12 | 0 |"))
        #expect(!md.contains("\u{FFFD}"))
        let csv = try #require(dir.read("Reports/2022-23/tables/conferences.csv"))
        #expect(parseCSV(csv).contains(["Parental Conflict £0 – Pilot", "1", "12", "0"]))
        let book = try XLSXReadBack(url: dir.url.appendingPathComponent("Reports/2022-23/annual-report.xlsx"))
        let titles = book.sheets.flatMap { $0.cells.values.compactMap(\.value) }
        #expect(titles.contains("Parental Conflict £0 – Pilot"))
        #expect(!titles.contains { $0.contains("\u{FFFD}") || $0.contains("Â£") })
    }
}
