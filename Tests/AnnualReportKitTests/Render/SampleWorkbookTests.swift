import Foundation
import Testing

@testable import AnnualReportKit

/// The published figures, read back from the sample workbook's cells.
@Suite struct SampleWorkbookTests {
    static let book: XLSXReadBack = {
        let dir = Workdir("sample-workbook")
        let outcome = try! ReportRun(inputs: SampleInputs.folder, output: dir.url, formats: [.xlsx]).build()
        return try! XLSXReadBack(url: outcome.written!.appendingPathComponent("annual-report.xlsx"))
    }()

    /// The sheet whose A1 title is the table's title (row 1 title, row 2 header, body from row 3).
    func sheet(_ tableID: String) throws -> XLSXReadBack.Sheet {
        let table = try #require(SampleReportTests.report.tables.first { $0.id == tableID })
        return try #require(Self.book.sheets.first { $0["A1"]?.value == table.title }, "no sheet titled \(table.title)")
    }

    /// Stored values of the row whose column A is `label`, as text (numbers without trailing .0).
    func row(_ tableID: String, _ label: String, columns: String = "ABCDEF") throws -> [String] {
        let s = try sheet(tableID)
        let r = try #require((3...200).first { s["A\($0)"]?.value == label }, "no row \(label) in \(tableID)")
        return columns.map { column in
            guard let cell = s["\(column)\(r)"], let value = cell.value else { return "" }
            if let n = cell.number { return n == n.rounded() ? String(Int64(n)) : String(n) }
            return value
        }
    }

    @Test func financeCellsAndFormats() throws {
        #expect(
            try row("finance-contributions", "Leicestershire County Council", columns: "ABC") == [
                "Leicestershire County Council", "102496", "119266",
            ])
        #expect(try row("finance-contributions", "Rutland County Council", columns: "BC") == ["45833", "50367"])
        #expect(try row("finance-contributions", "Leicestershire Police", columns: "BC") == ["88725", "97500"])
        #expect(
            try row(
                "finance-contributions", "West Leicestershire CCG and East Leicestershire & Rutland CCG", columns: "BC")
                == ["88724", "97500"])
        #expect(
            try row("finance-contributions", "National Probation Services", columns: "BCDE") == [
                "1348", "N/A", "N/A", "N/A",
            ])
        #expect(try row("finance-contributions", "Total income", columns: "BC") == ["327126", "364633"])
        let s = try sheet("finance-contributions")
        let total = try #require((3...20).first { s["A\($0)"]?.value == "Total income" })
        #expect(s["C\(total)"]?.formula == "SUM(C3:C7)")
        #expect(s["C\(total)"]?.numberFormat.contains("£") == true)
        #expect(s["C\(total)"]?.bold == true)
        #expect(s["E3"]?.numberFormat.contains("%") == true)
        let expected: [(String, String, String)] = [
            ("Staffing", "105579", "115357"), ("Independent Advisor", "7914", "6562"),
            ("Support Services", "12370", "1090"),
            ("Operating Costs", "6700", "8055"), ("Training", "48100", "48550"), ("Case Reviews", "5254", "5800"),
            ("Total expenditure", "185917", "185414"),
        ]
        for (label, old, new) in expected {
            #expect(try row("finance-expenditure", label, columns: "BC") == [old, new], "\(label)")
        }
        #expect(try row("finance-balance", "Expenditure, all boards", columns: "C") == ["317689"])
    }

    @Test func prioritiesConferencesVideosAndReviews() throws {
        #expect(try row("priorities", "Safeguarding Babies", columns: "BCDE") == ["8", "465", "1054", "1519"])
        #expect(
            try row("priorities", "Child Mental Health and Emotional Wellbeing", columns: "BCDE") == [
                "15", "353", "432", "785",
            ])
        #expect(
            try row("priorities", "Keeping Adolescents Safe / Supporting Safe Adolescents", columns: "BCDE") == [
                "18", "472", "75", "547",
            ])
        #expect(
            try row("priorities", "Safeguarding Children from Diverse Backgrounds", columns: "BCDE") == [
                "25", "520", "432", "952",
            ])
        #expect(
            try row("priorities", "Effective Safeguarding in Independent and Out of School Settings", columns: "BCDE")
                == ["0", "0", "0", "0"])
        #expect(try row("training-delivery", "Events delivered", columns: "C") == ["103"])
        #expect(try row("training-delivery", "Attendances", columns: "C") == ["2569"])
        #expect(try row("training-delivery", "Course attendances", columns: "C") == ["1315"])
        #expect(try row("training-delivery", "Evaluations completed", columns: "C") == ["1161"])
        #expect(try row("conferences", "Safeguarding Matters Online Briefing", columns: "BC") == ["2", "789"])
        #expect(try row("conferences", "Total", columns: "BC") == ["10", "1254"])
        #expect(try row("videos", "ICON", columns: "C") == ["560"])
        #expect(try row("videos", "Total views as listed", columns: "C") == ["2356"])
        #expect(try row("videos", "Total reach, each video counted once", columns: "C") == ["2271"])
        #expect(try row("reviews-trend", "2020-21", columns: "B") == ["3"])
        #expect(try row("reviews-trend", "2021-22", columns: "B") == ["8"])
        #expect(try row("reviews-trend", "2022-23", columns: "BD") == ["3", "1"])
        #expect(try row("children-sex", "Female", columns: "BC") == ["4", "0.8"])
        #expect(try row("children-ethnicity", "Mixed heritage", columns: "BC") == ["2", "0.4"])
        #expect(try row("children-age-group", "Baby", columns: "BC") == ["3", "0.6"])
    }

    @Test func summaryHasHeadlinesAndLinks() throws {
        let summary = try #require(Self.book[sheet: "Summary"])
        let texts = Set(summary.cells.values.compactMap(\.value))
        #expect(texts.contains("Headline figures"))
        #expect(
            texts.contains(
                "Overall training was delivered to 2,569 attendees over 103 training events in 2022-23 (2021-22: 2,215 over 88)."
            ))
        #expect(texts.contains("Partner contributions totalled £364,633 in 2022-23 (2021-22: £327,126)."))
        #expect(summary.hyperlinks.count == SampleReportTests.report.tables.count)
    }
}
