/// A chart with nothing to draw is left out, and its section says why.
enum ChartCheck {
    static func dropEmptyCharts(_ section: ReportSection) -> ReportSection {
        var section = section
        section.charts = section.charts.filter { chart in
            guard let table = section.tables.first(where: { $0.id == chart.tableID }) else { return false }
            let drawable = chart.rows.contains { r in
                table.rows.indices.contains(r) && table.rows[r].role == .body
                    && chart.seriesColumns.contains { c in
                        switch table.rows[r].cells.indices.contains(c) ? table.rows[r].cells[c].value : .empty {
                        case .count, .money, .percent: return true
                        default: return false
                        }
                    }
            }
            if !drawable {
                section.notes.append(
                    "No chart of \(chart.title.prefix(1).lowercased() + chart.title.dropFirst()): it has nothing to draw."
                )
            }
            return drawable
        }
        return section
    }
}
