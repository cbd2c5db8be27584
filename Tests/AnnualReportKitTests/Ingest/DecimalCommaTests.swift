import Foundation
import Testing

@testable import AnnualReportKit

/// In a `;`-separated file (Excel where the decimal mark is a comma) amounts and counts are
/// read with the file's own convention on every row, summary rows included: `£214.250,75`
/// is £214,250.75 and `1.054` is 1,054, in a record and in a `Total` alike.
@Suite struct DecimalCommaTests {
    /// Reads one file of the folder: its ledger as [read, used, rejected, control totals, footnotes] and its messages.
    func ingest(_ name: String, _ text: String) -> (result: IngestResult, ledger: [[Int]], messages: [String]) {
        let dir = Workdir()
        dir.write("in/\(name)", text)
        let result = InputFolder.read(dir.url.appendingPathComponent("in"))
        return (
            result, result.ledger.map { [$0.read, $0.used, $0.rejected, $0.controlTotals, $0.footnotes] },
            result.diagnostics.filter { $0.file == name }.map(\.description)
        )
    }

    static let separatorNote =
        "note: read with ';' as the separator (as Excel saves CSV where the decimal mark is a comma; amounts such as 1.234,56 and counts such as 1.054 are read so)"

    @Test func aSummaryRowsAmountIsReadAsTheRowsAre() {
        let (result, ledger, messages) = ingest(
            "finance.csv",
            """
            year;type;line;amount
            2023-24;contribution;Northmoor Council;£120.000,00
            2023-24;contribution;Northmoor Police;£94.250,75
            2023-24;contribution;Total contributions;£214.250,75

            """)
        #expect(ledger == [[3, 2, 0, 1, 0]])
        #expect(
            messages == [
                "finance.csv: " + Self.separatorNote,
                "finance.csv:4:42: note: control total £214,250.75 (amount) in the 'Total contributions' row agrees with the 2 rows above it for year 2023-24, type contribution",
            ])
        #expect(result.records.finance?.map(\.amount.pence) == [12_000_000, 9_425_075])
    }

    @Test func aSummaryRowThatDisagreesSaysByHowMuchInPounds() {
        let (_, ledger, messages) = ingest(
            "finance.csv",
            """
            year;type;line;amount
            2023-24;expenditure;Staffing;£100.000,00
            2023-24;expenditure;Training;12.345,67
            2023-24;expenditure;Total;£112.345,76

            """)
        #expect(ledger == [[3, 2, 0, 1, 0]])
        #expect(
            messages.last
                == "finance.csv:4:27: error: control total £112,345.76 (amount) in the 'Total' row does not agree with the 2 rows above it for year 2023-24, type expenditure (lines 2–3), which add up to £112,345.67, a difference of £0.09; expected the rows to add up to the total"
        )
    }

    @Test func countsGroupThousandsWithDotsWhereAmountsDo() {
        let (result, ledger, messages) = ingest(
            "videos.csv",
            """
            year;category;video;views
            2023-24;ICON;Safer sleep;1.054
            2023-24;ICON;Never shake;2.310
            2023-24;Total;;3.364

            """)
        #expect(ledger == [[3, 2, 0, 1, 0]])
        #expect(
            messages == [
                "videos.csv: " + Self.separatorNote,
                "videos.csv:4:16: note: control total 3,364 (views) in the 'Total' row agrees with the 2 rows above it for year 2023-24",
            ])
        #expect(result.records.videos?.map(\.views) == [1054, 2310])
    }

    @Test func aDotInACountIsAnErrorInACommaFile() {
        let (_, ledger, messages) = ingest("videos.csv", "year,category,video,views\n2023-24,ICON,Safer sleep,1.054\n")
        #expect(ledger == [[1, 0, 1, 0, 0]])
        #expect(
            messages == ["videos.csv:2:26: error: bad views '1.054'; expected a whole number such as 1054 or 1,054"])
    }

    @Test func aFractionIsAnErrorInASemicolonFileToo() {
        let (_, _, messages) = ingest("videos.csv", "year;category;video;views\n2023-24;ICON;Safer sleep;1.5\n")
        #expect(
            messages.last
                == "videos.csv:2:26: error: bad views '1.5'; expected a whole number such as 1054 or 1,054 (or 1.054 in this file)"
        )
    }

    @Test func theCountRule() {
        #expect(RowReader.count("1.054", decimalComma: true) == 1054)
        #expect(RowReader.count("12.345.678", decimalComma: true) == 12_345_678)
        #expect(RowReader.count("1,054", decimalComma: true) == 1054)
        #expect(RowReader.count("1.054", decimalComma: false) == nil)
        #expect(RowReader.count("1.5", decimalComma: true) == nil)
        #expect(RowReader.count("1.054,5", decimalComma: true) == nil)
        #expect(RowReader.count("10.54", decimalComma: true) == nil)
    }

    /// The trial's f1 ledger (`sep=;`, Windows-1252): a negative amount in each way Excel and
    /// offices write one is -£1,000 with a decimal comma too, in a record and in a `Total`.
    @Test func negativesWithADecimalComma() {
        let (result, ledger, messages) = ingest(
            "finance.csv",
            """
            sep=;
            Year;Board;Type;Partner;Amount
            2023-24;SCP;contribution;Wyvern ICB;£84.000,00
            2023-24;SCP;contribution;Wyvern ICB;£(1.000,00)
            2023-24;SCP;contribution;Wyvern ICB;(1.000,00)
            2023-24;SCP;contribution;Wyvern ICB;(£1.000,00)
            2023-24;SCP;contribution;Wyvern ICB;-£1.000,00
            2023-24;SCP;contribution;Wyvern ICB;£-1.000,00
            2023-24;SCP;contribution;Wyvern ICB; £ -1.000,50 
            2023-24;SCP;contribution;Total contributions;£77.999,50

            """)
        #expect(ledger == [[8, 7, 0, 1, 0]])
        #expect(
            result.records.finance?.map(\.amount.pence) == [
                8_400_000, -100_000, -100_000, -100_000, -100_000, -100_000, -100_050,
            ])
        #expect(
            messages == [
                "finance.csv: note: read with ';' as the separator, as its first line (sep=) says",
                "finance.csv:3: note: 7 lines for the contribution 'Wyvern ICB' in 2023-24, board SCP are added together: £84,000 (line 3) + -£1,000 (line 4) + -£1,000 (line 5) + -£1,000 (line 6) + -£1,000 (line 7) + -£1,000 (line 8) + -£1,000.50 (line 9) = £77,999.50; check that none is entered twice",
                "finance.csv:10:46: note: control total £77,999.50 (amount) in the 'Total contributions' row agrees with the 7 rows above it for year 2023-24, type contribution, board scp",
            ])
    }

    @Test func theBadAmountMessageGivesThisFilesConvention() {
        let (_, _, semicolon) = ingest(
            "finance.csv", "year;type;partner;amount\n2023-24;contribution;Wyvern ICB;£1.000,00x\n")
        #expect(
            semicolon.last
                == "finance.csv:2:33: error: bad amount '£1.000,00x'; expected pounds with at most 2 decimals, such as £102.496, 102496,00, -£1.000,50 or (1.000,00) (a decimal comma, as in this file)"
        )
        let (_, _, comma) = ingest("finance.csv", "year,type,partner,amount\n2023-24,contribution,Wyvern ICB,£1.000x\n")
        #expect(
            comma.last
                == "finance.csv:2:33: error: bad amount '£1.000x'; expected pounds with at most 2 decimals, such as £102,496, 102496.00, -£1,000 or (1,000)"
        )
    }

    @Test func theAmountRule() {
        for form in ["£(1.000,00)", "(1.000,00)", "(£1.000,00)", "-£1.000,00", "£-1.000,00", "-1.000", "(1000,5)"] {
            #expect(
                RowReader.money(form, decimalComma: true)?.pence == (form == "(1000,5)" ? -100_050 : -100_000),
                "\(form)")
        }
        #expect(RowReader.money("£(1.000,00)", decimalComma: false) == nil)
        #expect(RowReader.money("£1.000,00)", decimalComma: true) == nil)
        #expect(RowReader.money("(1.00,00)", decimalComma: true) == nil)
        #expect(RowReader.money(" £ -   ", decimalComma: true)?.pence == 0)
        #expect(RowReader.money("£102,496", decimalComma: true)?.pence == 10_249_600)
    }
}
