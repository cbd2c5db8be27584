import Foundation
import Testing

@testable import AnnualReportKit

/// The workbook of the shipped sample (`Inputs/`), built by the real ingest and compute: it
/// writes, every stored figure agrees with its formula, and sheet names keep Excel's rules.
@Suite struct XLSXSampleInputsTests {
    static let inputs = SampleInputs.folder

    @Test(.enabled(if: FileManager.default.fileExists(atPath: inputs.path)))
    func sampleWorkbookRecomputes() throws {
        let report = try SampleInputs.report()
        // XLSX_KEEP=/path/file.xlsx keeps a copy to open in Excel or LibreOffice.
        if let keep = ProcessInfo.processInfo.environment["XLSX_KEEP"] {
            try XLSXWriter(documentTimestamp: nil).write(report, to: URL(fileURLWithPath: keep))
        }
        let book = try XLSXSample.readBack(report, timestamp: nil)
        #expect(book.sheets.first?.name == "Summary")
        #expect(book.sheets.last?.name == "Data quality")
        #expect(book.sheets.count == report.tables.count + 1)
        let names = book.sheets.map(\.name)
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        var formulas = 0
        for sheet in book.sheets {
            let evaluator = XLSXFormulaEvaluator(sheet: sheet)
            for (address, cell) in sheet.cells.sorted(by: { $0.key < $1.key }) {
                guard let formula = cell.formula else { continue }
                formulas += 1
                switch (evaluator.evaluate(formula), evaluator.stored(address)) {
                case (.number(let a), .number(let b)):
                    #expect(abs(a - b) <= 1e-9 * max(1, abs(a)), "\(sheet.name)!\(address) =\(formula)")
                case (let computed, let stored):
                    #expect(computed == stored, "\(sheet.name)!\(address) =\(formula)")
                }
            }
        }
        #expect(formulas == 161)
        let charts = report.sections.flatMap(\.charts).count
        #expect(book.sheets.flatMap(\.charts).count == charts)
        #expect(try XLSXSample.bytes(report, timestamp: nil) == XLSXSample.bytes(report, timestamp: nil))
    }
}
