/// Building blocks for the report's comparison tables: Y-1 against Y, change and percent change.
enum Amount {
    case count(Int64)
    case money(Money)

    var raw: Int64 {
        switch self {
        case .count(let n): return n
        case .money(let m): return m.pence
        }
    }

    var cell: CellValue {
        switch self {
        case .count(let n): return .count(n)
        case .money(let m): return .money(m)
        }
    }

    func same(_ raw: Int64) -> Amount {
        switch self {
        case .count: return .count(raw)
        case .money: return .money(Money(pence: raw))
        }
    }
}

enum YearOnYear {
    /// Cells `label | old | new | change | % change` for body row `row` (columns 1 and 2 hold the years).
    /// A missing year is N/A, and so are the change and percent change that would need it.
    static func cells(label: String, old: Amount?, new: Amount?, row: Int) -> [ReportCell] {
        let oldRef = CellRef(row: row, column: 1)
        let newRef = CellRef(row: row, column: 2)
        var cells: [ReportCell] = [
            .text(label), ReportCell(old?.cell ?? .notApplicable), ReportCell(new?.cell ?? .notApplicable),
        ]
        if let old, let new {
            cells.append(ReportCell(new.same(new.raw - old.raw).cell, derivation: .difference(newRef, minus: oldRef)))
        } else {
            cells.append(ReportCell(.notApplicable))
        }
        let ratio = Ratio.change(from: old?.raw, to: new?.raw)
        cells.append(
            ReportCell(
                ratio.map(CellValue.percent) ?? .notApplicable,
                derivation: old != nil && new != nil ? .percentChange(from: oldRef, to: newRef) : nil))
        return cells
    }

    /// The standard comparison columns for a table whose first column is `label`.
    static func columns(_ label: String, _ year: FinancialYear, kind: ReportColumn.Kind) -> [ReportColumn] {
        [
            ReportColumn(label, .label), ReportColumn(year.previous.label, kind), ReportColumn(year.label, kind),
            ReportColumn("Change", kind), ReportColumn("% change", .percent(decimals: 1)),
        ]
    }

    /// A total row summing columns 1...3 over body rows `rows`, with the percent change recomputed.
    static func totalRow(label: String, rows: Range<Int>, table: ReportTable, kind: (Int64) -> Amount) -> ReportRow {
        let at = table.rows.count
        func sum(_ column: Int) -> (Int64?, [CellRef]) {
            let refs = rows.map { CellRef(row: $0, column: column) }
            var total: Int64 = 0
            var any = false
            for ref in refs {
                switch table[ref].value {
                case .count(let n):
                    total += n
                    any = true
                case .money(let m):
                    total += m.pence
                    any = true
                default: break
                }
            }
            return (any ? total : nil, refs)
        }
        let (old, oldRefs) = sum(1)
        let (new, newRefs) = sum(2)
        var cells = cells(label: label, old: old.map(kind), new: new.map(kind), row: at)
        cells[1].derivation = old == nil ? nil : .sum(oldRefs)
        cells[2].derivation = new == nil ? nil : .sum(newRefs)
        return ReportRow(cells, role: .total)
    }
}

extension Sequence {
    /// Sum of an integer property.
    func total(_ value: (Element) -> Int64) -> Int64 { reduce(0) { $0 + value($1) } }
}
