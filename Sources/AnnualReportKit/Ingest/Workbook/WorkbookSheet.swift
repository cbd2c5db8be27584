/// One sheet of a workbook, as the CSV file Excel would save of it: one line per sheet row
/// (row 7 is line 7, blank rows blank lines), every row as wide as the widest, so the
/// dataset readers read it unchanged and a problem's line is the sheet's row.
struct WorkbookSheet: Sendable {
    var name: String
    /// Hidden (or "very hidden") in the workbook: not read, and named in a note.
    var hidden: Bool
    /// The sheet's cells as comma-separated UTF-8.
    var csv: [UInt8]
    /// Cells that hold no value the report can use (an error value, a formula never calculated).
    var problems: [CellProblem]
    /// Rows that hold any value.
    var rowsWithValues: Int

    /// A cell the reader could not turn into a value, 1-based.
    struct CellProblem: Sendable, Equatable {
        var row: Int
        var column: Int
        var message: String
    }
}
