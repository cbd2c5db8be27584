/// The writer-neutral report: what compute produces and every writer (Markdown, CSV, XLSX,
/// charts) consumes. Cells carry a value and its meaning; each writer decides how to show it.
struct Report: Sendable, Equatable {
    var title: String
    var partnership: String?
    var year: FinancialYear
    var sections: [ReportSection]
    /// The data-quality section: ledger and notes. Kept apart so writers can place it last.
    var dataQuality: DataQuality

    init(
        title: String, partnership: String?, year: FinancialYear, sections: [ReportSection],
        dataQuality: DataQuality
    ) {
        self.title = title
        self.partnership = partnership
        self.year = year
        self.sections = sections
        self.dataQuality = dataQuality
    }

    /// Every table, in report order, data quality last.
    var tables: [ReportTable] { sections.flatMap(\.tables) + [dataQuality.ledgerTable] }
}

/// One section of the report, in the published report's order.
struct ReportSection: Sendable, Equatable {
    var title: String
    /// Headline sentences, plain text (writers escape them).
    var paragraphs: [String]
    var tables: [ReportTable]
    var charts: [ChartSpec]
    /// Why the section has no tables (e.g. its dataset is absent).
    var notes: [String]

    init(
        title: String, paragraphs: [String] = [], tables: [ReportTable] = [], charts: [ChartSpec] = [],
        notes: [String] = []
    ) {
        self.title = title
        self.paragraphs = paragraphs
        self.tables = tables
        self.charts = charts
        self.notes = notes
    }
}

/// A table of the report. `id` names its CSV file and is unique within a report.
struct ReportTable: Sendable, Equatable {
    var id: String
    var title: String
    var columns: [ReportColumn]
    var rows: [ReportRow]
    var notes: [String]

    init(id: String, title: String, columns: [ReportColumn], rows: [ReportRow] = [], notes: [String] = []) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// The cell at a body row and column.
    subscript(_ ref: CellRef) -> ReportCell { rows[ref.row].cells[ref.column] }

    /// The first row whose first cell is the text `label`.
    func row(labelled label: String) -> ReportRow? {
        rows.first { $0.cells.first?.value == .text(label) }
    }
}

struct ReportColumn: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case label
        case count
        case money
        /// A percentage shown with this many decimals.
        case percent(decimals: Int)
        /// A number with a fixed count of decimals (a mean rating: `3.42`).
        case decimal(places: Int)
        case text
        /// Text that reads as a figure and sits right-aligned like one (a p value: `0.003`,
        /// `< 0.001`, `too few to say`).
        case figureText
    }
    var title: String
    var kind: Kind
    init(_ title: String, _ kind: Kind) {
        self.title = title
        self.kind = kind
    }
}

extension ReportColumn.Kind {
    /// Decimals of a percentage in this column: its own for a percent column; one elsewhere,
    /// where a percentage is a rate in a table of counts (a cancellation rate: `4.3%`).
    var percentDecimals: Int {
        if case .percent(let d) = self { return min(max(d, 0), 10) }
        return 1
    }
}

struct ReportRow: Sendable, Equatable {
    enum Role: Sendable, Equatable {
        case body
        /// A heading row for the rows below it (a video category), usually with their subtotal.
        case group
        case total
    }
    var cells: [ReportCell]
    var role: Role
    init(_ cells: [ReportCell], role: Role = .body) {
        self.cells = cells
        self.role = role
    }
}

/// A position in a table's body: `row` indexes `rows`, `column` indexes `columns`.
struct CellRef: Hashable, Sendable {
    var row: Int
    var column: Int
}

enum CellValue: Sendable, Equatable {
    case empty
    case text(String)
    case count(Int64)
    case money(Money)
    case percent(Ratio)
    /// A number with fixed decimals (a mean rating), never money.
    case decimal(FixedDecimal)
    /// Not applicable: no record for that year, or a percentage of zero. Blank in CSV.
    case notApplicable
}

/// How a derived cell is computed from other cells of the same table; the workbook writes it
/// as a live formula with the computed value stored.
enum Derivation: Sendable, Equatable {
    case sum([CellRef])
    case difference(CellRef, minus: CellRef)
    /// (to - from) / from, N/A when from is zero or missing.
    case percentChange(from: CellRef, to: CellRef)
    /// part / whole, N/A when whole is zero or missing.
    case share(CellRef, of: CellRef)
}

struct ReportCell: Sendable, Equatable {
    var value: CellValue
    var derivation: Derivation?
    init(_ value: CellValue, derivation: Derivation? = nil) {
        self.value = value
        self.derivation = derivation
    }

    static func text(_ s: String) -> ReportCell { ReportCell(.text(s)) }
    static func count(_ n: Int64) -> ReportCell { ReportCell(.count(n)) }
    static func money(_ m: Money?) -> ReportCell { ReportCell(m.map(CellValue.money) ?? .notApplicable) }
    static let empty = ReportCell(.empty)
}

/// A chart the published report has, drawn from a table's columns.
struct ChartSpec: Sendable, Equatable {
    enum Style: Sendable, Equatable { case column, stackedColumn, bar, line }
    var id: String
    var title: String
    var tableID: String
    /// Rows of the table used as categories (body rows by default).
    var rows: [Int]
    /// Column indexes plotted as series; column 0 gives the category labels.
    var seriesColumns: [Int]
    var style: Style
    var xAxisTitle: String
    var yAxisTitle: String
    /// A value axis fixed to a scale, such as mean ratings on the forms' 1 to 5 (one gridline per
    /// point); nil lets the writer choose a range from zero that holds the values.
    var valueRange: ClosedRange<Int64>?

    init(
        id: String, title: String, tableID: String, rows: [Int], seriesColumns: [Int], style: Style,
        xAxisTitle: String, yAxisTitle: String, valueRange: ClosedRange<Int64>? = nil
    ) {
        self.id = id
        self.title = title
        self.tableID = tableID
        self.rows = rows
        self.seriesColumns = seriesColumns
        self.style = style
        self.xAxisTitle = xAxisTitle
        self.yAxisTitle = yAxisTitle
        self.valueRange = valueRange
    }
}
