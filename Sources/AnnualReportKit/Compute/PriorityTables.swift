/// Reach per business priority: sessions and attendees of events tagged with it, views of
/// videos tagged with it, and reach = trained + watched.
enum PriorityTables {
    static func table(year: FinancialYear, priorities: [Priority], events: [TrainingEvent], videos: [VideoViews],
                      id: String) -> ReportTable {
        var table = ReportTable(id: id, title: "Reach per business priority, \(year)",
                                columns: [ReportColumn("Priority", .label), ReportColumn("Sessions", .count),
                                          ReportColumn("Trained", .count), ReportColumn("Watched a training video", .count),
                                          ReportColumn("Total", .count)])
        let delivered = events.filter { $0.year == year && $0.status == .delivered }
        let watched = videos.filter { $0.year == year }
        for p in priorities {
            let tagged = delivered.filter { $0.priorities.contains(p) }
            let views = watched.filter { $0.priorities.contains(p) }.total(\.views)
            let r = table.rows.count
            let trained = tagged.total(\.attendees)
            table.rows.append(ReportRow([.text(p.name), .count(Int64(tagged.count)), .count(trained), .count(views),
                                         ReportCell(.count(trained + views), derivation: .sum([CellRef(row: r, column: 2), CellRef(row: r, column: 3)]))]))
        }
        table.rows.append(TrainingTables.sumRow("Total", columns: 1...4, table: table))
        table.notes.append("An event or video tagged with several priorities counts toward each, so the total can exceed the number of people trained.")
        return table
    }

    static func section(records: Records, year: FinancialYear, prioritiesFor: (FinancialYear) -> [Priority]) -> ReportSection {
        var section = ReportSection(title: "Business priorities")
        guard records.training != nil || records.videos != nil else {
            section.notes.append("No training or video records were supplied, so reach per priority cannot be shown.")
            return section
        }
        let events = records.training ?? [], videos = records.videos ?? []
        let priorities = prioritiesFor(year)
        guard !priorities.isEmpty else {
            section.notes.append("No business priorities are configured or tagged for \(year).")
            return section
        }
        let current = table(year: year, priorities: priorities, events: events, videos: videos, id: "priorities")
        for row in current.rows where row.role == .body {
            guard case .text(let name) = row.cells[0].value, case .count(let sessions) = row.cells[1].value,
                  case .count(let trained) = row.cells[2].value, case .count(let views) = row.cells[3].value else { continue }
            section.paragraphs.append(sessions == 0 && views == 0
                ? "\(name): no sessions or videos were tagged with this priority in \(year)."
                : "\(name): \(Count.grouped(sessions)) sessions were delivered to \(Count.grouped(trained)) attendees, and \(Count.grouped(views)) people watched a relevant training video.")
        }
        section.tables.append(current)
        section.charts.append(ChartSpec(id: "priority-reach", title: "People trained or who watched a training video, per priority, \(year)",
                                        tableID: current.id, rows: Array(0..<(current.rows.count - 1)), seriesColumns: [2, 3],
                                        style: .stackedColumn, xAxisTitle: "Business priority", yAxisTitle: "People"))
        let previous = year.previous
        let hasPrevious = events.contains { $0.year == previous } || videos.contains { $0.year == previous }
        let previousPriorities = prioritiesFor(previous)
        if hasPrevious && !previousPriorities.isEmpty {
            section.tables.append(table(year: previous, priorities: previousPriorities, events: events, videos: videos,
                                        id: "priorities-previous"))
        }
        return section
    }
}
