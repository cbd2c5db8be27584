import Foundation

@testable import AnnualReportKit

extension ReportTable {
    /// The display text of every cell, row by row, as the Markdown shows it.
    var displayRows: [[String]] {
        rows.map { row in zip(row.cells, columns).map { CellText.display($0.value, column: $1.kind) } }
    }

    /// The display text of the row whose first cell is `label`.
    func display(_ label: String) -> [String]? {
        displayRows.first { $0.first == label }
    }
}
