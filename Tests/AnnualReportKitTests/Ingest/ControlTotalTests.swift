import Foundation
import Testing

@testable import AnnualReportKit

/// Summary rows are control totals: recognised, checked, counted apart, located when wrong.
@Suite struct ControlTotalTests {
    @Test func aTotalThatDisagreesIsAnErrorWithBothFiguresAndTheDifference() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv",
            """
            year,type,line,amount
            2022-23,contribution,Council,"£300,000"
            2022-23,contribution,Police,"£64,000"

            ,Grand Total,,"£364,633"
            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "finance.csv:5:15: error: control total £364,633 (amount) in the 'Grand Total' row does not agree with the 2 rows above it (lines 2–3), which add up to £364,000, a difference of £633; expected the rows to add up to the total"
            ])
        #expect(input.ledger.first.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [3, 2, 0, 1])
        #expect(input.records.finance?.count == 2)
    }

    /// A spreadsheet's empty row exports as `,,,`: skipped like a blank line, not a bad row.
    @Test func anEmptyRowBeforeTheTotalIsSkipped() {
        let dir = Workdir()
        dir.write(
            "finance.csv",
            "Financial Year,Type,Partner,Amount\r\n2023/24,Income,Council,\"£12,000\"\r\n,,,\r\n , ,,\r\nTotal,,,\"£12,000\"\r\n"
        )
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(input.ledger.first.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [2, 1, 0, 1])
    }

    @Test func subTotalsCheckTheRowsSinceThePreviousSummaryRowWithTheirKeys() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv",
            """
            year,type,line,amount
            2022-23,contribution,Council,100
            2022-23,contribution,Police,50
            2022-23,contribution,Sub-total,150
            2022-23,expenditure,Staff,40
            2022-23,expenditure,Rent,5
            2022-23,expenditure,Sub-total,45
            TOTAL:,,,195
            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            input.notes.map(\.description) == [
                "finance.csv:4:32: note: control total £150 (amount) in the 'Sub-total' row agrees with the 2 rows above it for year 2022-23, type contribution",
                "finance.csv:7:31: note: control total £45 (amount) in the 'Sub-total' row agrees with the 2 rows above it for year 2022-23, type expenditure",
                "finance.csv:8:10: note: control total £195 (amount) in the 'TOTAL:' row agrees with the 4 rows above it",
            ])
        #expect(input.ledger.first?.controlTotals == 3)
    }

    @Test func aCategoryRowOfAListedCategoryIsAControlTotalWhereverItStands() throws {
        let dir = Workdir()
        dir.write(
            "videos.csv",
            """
            year,category,video,views
            2022-23,ICON,,300
            2022-23,ICON,Morning,120
            2022-23,ICON,Evening,180
            2022-23,MARF,,91
            2022-23,FII,,85
            2022-23,FII,Dr Elias,80
            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.errors.map(\.description) == [
                "videos.csv:6:14: error: control total 85 for category 'FII' in 2022-23 does not agree with the 1 video listed for category 'FII' in 2022-23, which add up to 80, a difference of 5; expected a category's own row to equal the sum of its videos, or the category to list no videos"
            ])
        #expect(
            input.notes.map(\.description).contains(
                "videos.csv:2:15: note: control total 300 for category 'ICON' in 2022-23 agrees with the 2 videos listed for category 'ICON' in 2022-23; not counted again"
            ))
        #expect(input.ledger.first.map { [$0.read, $0.used, $0.rejected, $0.controlTotals] } == [6, 4, 0, 2])
        #expect(input.records.videos?.map(\.views).reduce(0, +) == Int64(120 + 180 + 91 + 80))
    }
}
