import Foundation
import Testing

@testable import AnnualReportKit

/// A year column reads the forms `--year` takes (`FinancialYear(loose:)`, one reading for
/// both): `FY23/24` and `23-24` in a ledger are 2023-24, not bad years.
@Suite struct YearFormsTests {
    @Test func aYearColumnReadsTheFormsYearTakes() throws {
        let dir = Workdir()
        dir.write(
            "finance.csv",
            """
            year,type,partner,amount
            FY23/24,contribution,Wyvern County Council,100000
            FY2023/24,contribution,Wyvern ICB,80000
            FY 2023-24,contribution,Wyvern Police,40000
            23-24,expenditure,Staffing,150000
            23/24,expenditure,Training,12000
            fy23-24,contribution,Total contributions,220000
            2022-2023,contribution,Wyvern County Council,90000
            FY23/25,contribution,Wyvern ICB,1

            """)
        let input = InputFolder.read(dir.url)
        #expect(
            input.diagnostics.map(\.description) == [
                "finance.csv:7:42: note: control total £220,000 (amount) in the 'Total contributions' row agrees with the 3 rows above it for year 2023-24, type contribution",
                "finance.csv:9:1: error: bad financial year 'FY23/25'; expected 2022-23, 2022/23, 2022-2023, 22-23 or FY2022-23",
            ])
        let lines = try #require(input.records.finance)
        #expect(lines.map(\.year.label) == ["2023-24", "2023-24", "2023-24", "2023-24", "2023-24", "2022-23"])
        #expect(lines.map(\.amount.pence) == [10_000_000, 8_000_000, 4_000_000, 15_000_000, 1_200_000, 9_000_000])
    }

    @Test func theLooseFormsAreTheCommandLines() {
        for form in ["FY23/24", "FY2023/24", "FY 2023-24", "23-24", "23/24", "fy23-24", "2023-2024", "2023/24"] {
            #expect(FinancialYear(loose: form)?.label == "2023-24", "\(form)")
        }
        for bad in ["23-25", "FY", "2023", "FY2023-25", "23-24-25"] {
            #expect(FinancialYear(loose: bad) == nil, "\(bad)")
        }
    }
}
