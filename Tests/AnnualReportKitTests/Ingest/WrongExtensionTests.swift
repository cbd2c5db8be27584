import Foundation
import Testing

@testable import AnnualReportKit

/// A file whose name says one kind and whose bytes another (the trial's f22): a workbook
/// saved or renamed as `.csv`, CSV text named `.xlsx`. One error naming what the file is and
/// the name to give it, never a NUL-byte or encoding message, nor "damaged".
@Suite struct WrongExtensionTests {
    static let sheet = TestSheet(
        name: "Ledger",
        rows: [
            [.text("year"), .text("type"), .text("partner"), .text("amount")],
            [.text("2023-24"), .text("contribution"), .text("Wyvern ICB"), .number("100")],
        ])

    func errors(_ files: [(String, [UInt8])]) -> [String] {
        let dir = Workdir()
        for (name, bytes) in files { dir.write(name, bytes: bytes) }
        return InputFolder.read(dir.url).errors.map(\.description)
    }

    @Test func aWorkbookNamedCSVIsNamedAsAWorkbook() {
        #expect(
            errors([("finance.csv", TestWorkbooks.xlsx([Self.sheet]))]) == [
                "finance.csv: error: the file is a workbook (a zip archive), not CSV text: rename it to .xlsx"
            ])
        #expect(
            errors([("training.csv", TestWorkbooks.ods([Self.sheet]))]) == [
                "training.csv: error: the file is a spreadsheet (an OpenDocument zip archive), not CSV text: rename it to .ods"
            ])
        // The register has its own reader; the same one error.
        #expect(
            errors([("attendance.csv", TestWorkbooks.xlsx([Self.sheet]))]) == [
                "attendance.csv: error: the file is a workbook (a zip archive), not CSV text: rename it to .xlsx"
            ])
        #expect(
            errors([("finance.csv", FileKinds.oleMagic + [UInt8](repeating: 0, count: 504))]) == [
                "finance.csv: error: the file is an Excel 97-2003 workbook (.xls) or a password-protected one, not CSV text: open it in Excel or LibreOffice Calc and save it as CSV UTF-8 or as an Excel Workbook (.xlsx)"
            ])
    }

    @Test func aCSVNamedAsAWorkbookIsNamedAsText() {
        let csv = Array("year,type,partner,amount\n2023-24,contribution,Wyvern ICB,100\n".utf8)
        #expect(
            errors([("finance.xlsx", csv)]) == [
                "finance.xlsx: error: cannot read the workbook: it is a text (CSV) file named .xlsx, not a workbook: rename it to .csv"
            ])
        #expect(
            errors([("finance.ods", Array("year;type;partner;amount\r\n".utf8))]) == [
                "finance.ods: error: cannot read the workbook: it is a text (CSV) file named .ods, not a workbook: rename it to .csv"
            ])
        // Neither text nor a whole zip: damaged, as before.
        #expect(
            errors([("finance.xlsx", Array(TestWorkbooks.xlsx([Self.sheet]).prefix(300)))]) == [
                "finance.xlsx: error: cannot read the workbook: it is damaged or incomplete (not a whole zip archive); open it in Excel or LibreOffice Calc and save it again"
            ])
    }
}
