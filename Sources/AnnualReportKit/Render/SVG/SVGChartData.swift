extension SVGChartWriter {
    /// A value's exact form, kept so totals add up exactly and labels match the tables.
    enum Exact: Equatable {
        case count(Int64)
        case money(Money)
        case percent(Ratio, decimals: Int)
        case decimal(FixedDecimal)
    }

    enum Unit: Equatable {
        case count, money
        case percent(decimals: Int)
    }

    struct Datum: Equatable {
        /// Nil for N/A, empty or non-numeric cells.
        var exact: Exact?

        /// The value on the axis: a count, pounds, or percent points.
        var value: Double? {
            switch exact {
            case nil: nil
            case .count(let n)?: Double(n)
            case .money(let m)?: Double(m.pence) / 100
            case .percent(let r, _)?: Double(r.numerator) / Double(r.denominator) * 100
            case .decimal(let d)?: d.double
            }
        }

        var label: String {
            switch exact {
            case nil: "N/A"
            case .count(let n)?: Count.grouped(n)
            case .money(let m)?: m.formatted
            case .percent(let r, let d)?: r.percentText(decimals: d)
            case .decimal(let d)?: d.description
            }
        }
    }

    struct Category {
        var name: String
        var values: [Datum]
    }

    struct ChartData {
        var series: [String]
        var categories: [Category]
        var unit: Unit

        init(chart: ChartSpec, table: ReportTable) {
            let columns = chart.seriesColumns.filter { table.columns.indices.contains($0) }
            series = columns.map { SVGChartWriter.plain(table.columns[$0].title) }
            categories = chart.rows.filter { table.rows.indices.contains($0) }.map { index in
                let row = table.rows[index]
                let labelKind = table.columns.first?.kind ?? .label
                let name = row.cells.first.map { SVGChartWriter.text(of: $0.value, kind: labelKind) } ?? ""
                let values = columns.map { column -> Datum in
                    guard row.cells.indices.contains(column) else { return Datum(exact: nil) }
                    return Datum(exact: SVGChartWriter.exact(row.cells[column].value, kind: table.columns[column].kind))
                }
                return Category(name: SVGChartWriter.plain(name), values: values)
            }
            // The axis is labelled in the unit of the first value present, else the first series' column.
            let first = categories.lazy.flatMap(\.values).compactMap(\.exact).first
            switch first {
            case .money?: unit = .money
            case .percent(_, let d)?: unit = .percent(decimals: d)
            case .count?, .decimal?: unit = .count
            case nil:
                switch columns.first.map({ table.columns[$0].kind }) {
                case .money?: unit = .money
                case .percent(let d)?: unit = .percent(decimals: d)
                default: unit = .count
                }
            }
        }

        /// Sum of a category's values when they are all counts or all money; nil otherwise.
        func total(_ category: Category) -> Datum? {
            let present = category.values.compactMap(\.exact)
            guard !present.isEmpty else { return nil }
            var counts: Int64 = 0
            var pence: Int64 = 0
            var sawCount = false
            var sawMoney = false
            for value in present {
                switch value {
                case .count(let n):
                    let (s, o) = counts.addingReportingOverflow(n)
                    guard !o else { return nil }
                    counts = s
                    sawCount = true
                case .money(let m):
                    let (s, o) = pence.addingReportingOverflow(m.pence)
                    guard !o else { return nil }
                    pence = s
                    sawMoney = true
                case .percent, .decimal: return nil
                }
            }
            if sawCount && !sawMoney { return Datum(exact: .count(counts)) }
            if sawMoney && !sawCount { return Datum(exact: .money(Money(pence: pence))) }
            return nil
        }

        /// `2020-21: 1,802; 2021-22: 2,215`, or with several series
        /// `Safeguarding Babies: Trained 465, Watched 1,054 (total 1,519); …`.
        func description(stacked: Bool) -> String {
            categories.map { category in
                let label = category.name.isEmpty ? "(blank)" : category.name
                if series.count == 1 { return "\(label): \(category.values[0].label)" }
                var parts = zip(series, category.values).map { "\($0) \($1.label)" }.joined(separator: ", ")
                if stacked, let total = total(category) { parts += " (total \(total.label))" }
                return "\(label): \(parts)"
            }.joined(separator: "; ")
        }
    }

    static func exact(_ value: CellValue, kind: ReportColumn.Kind) -> Exact? {
        switch value {
        case .count(let n): return .count(n)
        case .money(let m): return .money(m)
        case .percent(let r):
            if case .percent(let d) = kind { return .percent(r, decimals: max(0, min(d, 6))) }
            return .percent(r, decimals: 1)
        case .decimal(let d): return .decimal(d)
        case .empty, .notApplicable, .text: return nil
        }
    }

    static func text(of value: CellValue, kind: ReportColumn.Kind) -> String {
        switch value {
        case .text(let s): return s
        case .empty: return ""
        case .notApplicable: return "N/A"
        default: return Datum(exact: exact(value, kind: kind)).label
        }
    }

    /// Line breaks and tabs become spaces; runs of spaces collapse.
    static func plain(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
