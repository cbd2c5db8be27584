/// Reach per business priority: sessions and attendees of events tagged with it, views of
/// videos tagged with it, and reach = trained + watched.
enum PriorityTables {
    /// `events` or `videos` nil: that dataset is not recorded for `year`, and its columns are N/A.
    static func table(
        year: FinancialYear, priorities: [Priority], events: [TrainingEvent]?, videos: [VideoViews]?,
        id: String
    ) -> ReportTable {
        // The published column's words for completions; YouTube's views are plays, and the column says so.
        let wording = Wording(videos?.filter { $0.year == year } ?? [])
        let watchedHeader =
            wording.metrics.isEmpty || wording.metrics == [.fullyWatched] ? "Watched a training video" : wording.title
        var table = ReportTable(
            id: id, title: "Reach per business priority, \(year)",
            columns: [
                ReportColumn("Priority", .label), ReportColumn("Sessions", .count),
                ReportColumn("Trained", .count), ReportColumn(watchedHeader, .count),
                ReportColumn("Total", .count),
            ])
        // Sessions and attendees per priority in one pass over the events, without copying them
        // (a register makes one event per session).
        var sessions = [Int64](repeating: 0, count: priorities.count)
        var attendees = sessions
        for e in events ?? [] where e.year == year && e.status == .delivered {
            for (i, p) in priorities.enumerated() where e.priorities.contains(p) {
                sessions[i] += 1
                attendees[i] += e.attendees
            }
        }
        let watched = videos?.filter { $0.year == year }
        for (i, p) in priorities.enumerated() {
            let views = watched.map { distinctViews($0.filter { $0.priorities.contains(p) }) }
            let r = table.rows.count
            let trained = events == nil ? nil : attendees[i]
            let parts = [trained.map { (2, $0) }, views.map { (3, $0) }].compactMap { $0 }
            table.rows.append(
                ReportRow([
                    .text(p.name), ReportCell(events == nil ? .notApplicable : .count(sessions[i])),
                    ReportCell(trained.map(CellValue.count) ?? .notApplicable),
                    ReportCell(views.map(CellValue.count) ?? .notApplicable),
                    ReportCell(.count(parts.total(\.1)), derivation: .sum(parts.map { CellRef(row: r, column: $0.0) })),
                ]))
        }
        table.rows.append(TableRows.sumRow("Total", columns: 1...4, table: table))
        table.notes.append(
            "An event or video tagged with several priorities counts toward each, so the total can exceed the number of people trained."
        )
        if wording.metrics.contains(.views) {
            table.notes.append(
                "Video views are plays, not people: the total adds people trained and plays of the priority's videos.")
        } else if wording.metrics == [.fullyWatched] {
            table.notes.append(
                "Videos fully watched are counted each time a video was watched to its end, not as people: the total adds people trained and those times."
            )
        }
        if events == nil {
            table.notes.append("Training is not recorded for \(year): the total counts video views only.")
        }
        if videos == nil {
            table.notes.append("Video views are not recorded for \(year): the total counts people trained only.")
        }
        table.notes += ExportPeriod.notes(watched ?? [], year: year)
        return table
    }

    /// Views of the rows, each video once: a video listed under two categories is one video.
    static func distinctViews(_ rows: [VideoViews]) -> Int64 {
        var seen = Set<String>()
        return rows.filter { $0.identity.map { seen.insert($0).inserted } ?? true }.total(\.views)
    }

    /// Training and videos as supplied (nil or empty: not recorded in any year).
    static func section(
        training: [TrainingEvent]?, videos: [VideoViews]?, year: FinancialYear,
        prioritiesFor: (FinancialYear) -> [Priority]
    ) -> ReportSection {
        var section = ReportSection(title: "Business priorities")
        let trainingYears = YearCoverage((training ?? []).map(\.year))
        let videoYears = YearCoverage((videos ?? []).map(\.year))
        func recorded(_ y: FinancialYear) -> ([TrainingEvent]?, [VideoViews]?) {
            (trainingYears.covers(y) ? training : nil, videoYears.covers(y) ? videos : nil)
        }
        let (events, watched) = recorded(year)
        guard events != nil || watched != nil else {
            section.notes.append(
                "Neither training nor training videos are recorded for \(year), so reach per priority cannot be shown.")
            return section
        }
        let priorities = prioritiesFor(year)
        guard !priorities.isEmpty else {
            section.notes.append("No business priorities are configured or tagged for \(year).")
            return section
        }
        let current = table(year: year, priorities: priorities, events: events, videos: watched, id: "priorities")
        // Views are plays and completions are times watched: neither counts people.
        let wording = Wording(watched ?? [])
        for row in current.rows where row.role == .body {
            guard case .text(let name) = row.cells[0].value else { continue }
            let sessions = row.cells[1].value
            let trained = row.cells[2].value
            let views = row.cells[3].value
            if sessions == .count(0) && (views == .count(0) || views == .notApplicable) && trained == .count(0) {
                section.paragraphs.append(
                    "\(name): no sessions\(views == .notApplicable ? "" : " or videos") were tagged with this priority in \(year)"
                        + (views == .notApplicable ? " (video views: not recorded)." : "."))
                continue
            }
            let trainedText =
                if case .count(let s) = sessions, case .count(let t) = trained {
                    "\(Count.grouped(s)) \(s == 1 ? "session was" : "sessions were") delivered to \(Count.grouped(t)) attendee\(t == 1 ? "" : "s")"
                } else { "training: not recorded" }
            let watchedText =
                if case .count(let v) = views {
                    wording.reach(v)
                } else { "video views: not recorded" }
            section.paragraphs.append("\(name): \(trainedText), and \(watchedText).")
        }
        section.tables.append(current)
        let chart = wording.reachChart(year)
        section.charts.append(
            ChartSpec(
                id: "priority-reach", title: chart.title,
                tableID: current.id, rows: Array(0..<(current.rows.count - 1)), seriesColumns: [2, 3],
                style: .stackedColumn, xAxisTitle: "Business priority",
                yAxisTitle: chart.axis))
        let previous = year.previous
        let (previousEvents, previousVideos) = recorded(previous)
        // A previous-year table only for a year with records of its own.
        let hasPrevious =
            (training ?? []).contains { $0.year == previous } || (videos ?? []).contains { $0.year == previous }
        let previousPriorities = prioritiesFor(previous)
        if hasPrevious && !previousPriorities.isEmpty {
            section.tables.append(
                table(
                    year: previous, priorities: previousPriorities, events: previousEvents, videos: previousVideos,
                    id: "priorities-previous"))
        }
        return section
    }
}

extension PriorityTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        SectionOutput(
            section(
                training: context.usable(context.records.training), videos: context.usable(context.records.videos),
                year: context.year, prioritiesFor: context.prioritiesFor))
    }
}
