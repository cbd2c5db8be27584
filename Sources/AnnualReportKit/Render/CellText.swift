/// How cell values read as text, shared by the Markdown, HTML and CSV writers.
enum CellText {
    /// Report form: `£119,266`, `2,569`, `16.4%`, `N/A`.
    static func display(_ value: CellValue, column: ReportColumn.Kind) -> String {
        switch value {
        case .empty: return ""
        case .text(let s): return s
        case .count(let n): return Count.grouped(n)
        case .money(let m): return m.formatted
        case .percent(let r): return r.percentText(decimals: decimals(column))
        case .decimal(let d): return d.description
        case .notApplicable: return "N/A"
        }
    }

    /// Plain form for CSV: `119266.00`, `2569`, `16.4`; blank for N/A.
    static func plain(_ value: CellValue, column: ReportColumn.Kind) -> String {
        switch value {
        case .empty, .notApplicable: return ""
        case .text(let s): return s
        case .count(let n): return String(n)
        case .money(let m): return m.plainPounds
        case .percent(let r): return r.plainPercent(decimals: decimals(column))
        case .decimal(let d): return d.description
        }
    }

    static func decimals(_ kind: ReportColumn.Kind) -> Int { kind.percentDecimals }
}
