import Foundation
import Testing

@testable import AnnualReportKit

/// Personal data never leaves the inputs: a footnote's text is never written out, a sign-off
/// with text in several cells is a footnote too, and a line read as a record shows no free
/// text, and no value that looks like a person, in its messages or in `rejects.csv`.
@Suite(.serialized) struct WithheldTextTests {
    static let ledger = "year,type,line,amount\n2022-23,contribution,Council,100\n\n"

    @Test func footnoteTextIsNeverWrittenOut() throws {
        let dir = Workdir()
        dir.write(
            "in/finance.csv",
            Self.ledger + """
                Checked: Jane Smith
                Business Manager - Jane Smith 01632 960123
                Prepared by Jane Smith (jane.smith@council.gov.uk)

                """)
        let result = try run(["build", "--inputs", "in", "--out", "out", "--keep-going"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stderr
                == "finance.csv:4: note: 3 footnote lines under the records, not read as records: footnotes withheld (lines 4, 5, 6), as they may name a person\n"
        )
        let written = try writtenText(dir.url.appendingPathComponent("out"))
        #expect(written.contains("footnotes withheld (lines 4, 5, 6)"))
        for text in ["Jane", "Smith", "01632", "council.gov.uk", "Checked"] {
            #expect(!written.contains(text) && !result.stdout.contains(text), "'\(text)' was written out")
        }
    }

    @Test func aSignOffInSeveralCellsIsAFootnote() {
        let dir = Workdir()
        dir.write("in/finance.csv", Self.ledger + "Prepared by:,Jane Smith,jane.smith@northmoor.gov.uk,\n")
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(result.ledger.map { [$0.read, $0.used, $0.rejected, $0.footnotes] } == [[2, 1, 0, 1]])
        #expect(
            result.diagnostics.map(\.description) == [
                "finance.csv:4: note: a footnote line under the records, not read as a record: footnote withheld (line 4), as it may name a person"
            ])
        #expect(result.rejected.isEmpty)
    }

    @Test func footnoteWords() {
        for cell in [
            "Note: excludes VAT", "Notes", "NB: amounts rounded", "Prepared by Jo", "Prepared by:", "Checked:",
            "Signed",
            "Source - finance system", "Compiled by the business unit", "Key:", "* provisional", "Approved (board)",
        ] {
            #expect(Footnotes.startsWithFootnoteWord(cell), "\(cell)")
        }
        for cell in [
            "Source Trust", "Key Stage 2", "Notable practice", "Checked In", "Signed up", "2023-24",
            "Northmoor Council",
        ] {
            #expect(!Footnotes.startsWithFootnoteWord(cell), "\(cell)")
        }
    }

    /// A sign-off that starts with no footnote word is read as a record and rejected: its
    /// messages and its `rejects.csv` row quote nothing that could reach the person.
    @Test func aRejectedSignOffShowsNothingPersonal() throws {
        let dir = Workdir()
        dir.write(
            "in/finance.csv", Self.ledger + "Business Manager,Jane Smith,01632 960123,jane.smith@northmoor.gov.uk\n")
        let result = try run(["build", "--inputs", "in", "--out", "out", "--keep-going", "--format", "md"], in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.split(separator: "\n").filter { $0.hasPrefix("finance.csv") } == [
                "finance.csv:4:1: error: bad financial year (withheld); expected 2022-23, 2022/23, 2022-2023, 22-23 or FY2022-23",
                "finance.csv:4:18: error: unknown type (withheld); expected one of: contribution, expenditure, budget",
                "finance.csv:4:29: error: line (withheld) holds an email address or a telephone number, which the report's tables would show; expected the partner or expenditure category, with no personal details",
                "finance.csv:4:42: error: bad amount (withheld); expected pounds with at most 2 decimals, such as £102,496, 102496.00, -£1,000 or (1,000)",
            ])
        #expect(
            parseCSV(dir.read("out/2022-23/rejects.csv") ?? "").last == [
                "finance.csv", "4",
                "bad financial year (withheld); expected 2022-23, 2022/23, 2022-2023, 22-23 or FY2022-23 | unknown type (withheld); expected one of: contribution, expenditure, budget | line (withheld) holds an email address or a telephone number, which the report's tables would show; expected the partner or expenditure category, with no personal details | bad amount (withheld); expected pounds with at most 2 decimals, such as £102,496, 102496.00, -£1,000 or (1,000)",
                "(withheld)", "(withheld)", "(withheld)", "(withheld)",
            ])
        let written = try writtenText(dir.url.appendingPathComponent("out"))
        for text in ["Jane", "Smith", "01632", "northmoor.gov.uk", "Business Manager"] {
            #expect(!written.contains(text) && !result.stderr.contains(text), "'\(text)' was written out")
        }
    }

    /// A keyword that is not a person is still quoted, so the message leads to the fix.
    @Test func aPlainWrongWordIsStillQuoted() {
        let dir = Workdir()
        dir.write(
            "in/finance.csv", "year,type,line,amount\n2022-23,grant income,Council,100\n2022-23,Donation,Council,100\n")
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        #expect(
            result.errors.map(\.description) == [
                "finance.csv:2:9: error: unknown type 'grant income'; expected one of: contribution, expenditure, budget",
                "finance.csv:3:9: error: unknown type 'Donation'; expected one of: contribution, expenditure, budget",
            ])
    }

    @Test func whatLooksPersonal() {
        for text in [
            "Jane Smith", "J Smith", "jane@example.org", "01632 960123", "+44 1632 960123", "Prepared by Jane Smith",
            "Deepa Patel",
        ] {
            #expect(PersonalText.looksPersonal(text), "\(text)")
        }
        for text in [
            "NHS", "contribution", "grant income", "26 September 2022", "£1,234.56", "did not attend", "Prepared by:",
            "2022-23", "44830", "Safeguardng",
        ] {
            #expect(!PersonalText.looksPersonal(text), "\(text)")
        }
    }
}
