/// What was done about reviews' and audits' recommendations (Working Together's yearly
/// report): where they stood at the end of the year and of the year before, per source and
/// per owner, and the overdue ones by name.
enum RecommendationTables {
    /// The measures of a year's end, in table order.
    struct Standing: Equatable {
        var made: Int64 = 0, complete: Int64 = 0, inProgress: Int64 = 0, notStarted: Int64 = 0
        var overdue: Int64 = 0, completedByDue: Int64 = 0

        init(_ recommendations: [Recommendation], at day: CalendarDate) {
            for r in recommendations {
                made += 1
                switch r.standing(at: day) {
                case .complete: complete += 1
                case .inProgress: inProgress += 1
                case .notStarted: notStarted += 1
                }
                if r.isOverdue(at: day) { overdue += 1 }
                if r.completedByDue(at: day) { completedByDue += 1 }
            }
        }

        var cells: [ReportCell] {
            [made, complete, inProgress, notStarted, overdue, completedByDue].map(ReportCell.count)
        }
        static let titles = [
            "Recommendations", "Complete", "In progress", "Not started", "Overdue", "Completed by due date",
        ]
    }

    /// Those made by the end of `year` (`year` is the report's: one with no agreed date counts there only).
    static func made(_ all: [Recommendation], by year: FinancialYear, reportYear: FinancialYear) -> [Recommendation] {
        all.filter { $0.made(by: year.lastDay, isReportYear: year == reportYear) }
    }

    static func section(_ recommendations: [Recommendation]?, supplied: Bool, year: FinancialYear) -> ReportSection? {
        guard supplied else { return nil }
        var section = ReportSection(title: "Recommendations from reviews and audits")
        guard let recommendations, !recommendations.isEmpty else {
            section.notes.append(MissingDataset.note("recommendation", files: "recommendations*.csv", supplied: true))
            return section
        }
        let end = year.lastDay
        let current = made(recommendations, by: year, reportYear: year)
        let previous = made(recommendations, by: year.previous, reportYear: year)
        guard !current.isEmpty else {
            section.paragraphs.append(
                "Recommendations at \(end.longDescription): not recorded (none was agreed by then).")
            return section
        }
        let now = Standing(current, at: end)
        section.paragraphs.append(
            headline(
                now, at: end, previous: previous.isEmpty ? nil : Standing(previous, at: year.previous.lastDay),
                previousEnd: year.previous.lastDay))
        let bySource = sourceTable(current, at: end)
        section.tables.append(bySource)
        section.charts.append(
            ChartSpec(
                id: "recommendations-by-source", title: "Recommendations by status and source, \(end.longDescription)",
                tableID: bySource.id, rows: Array(0..<(bySource.rows.count - 1)), seriesColumns: [2, 3, 4],
                style: .stackedColumn, xAxisTitle: "Source", yAxisTitle: "Recommendations"))
        section.tables.append(trendTable(current: current, previous: previous, year: year))
        section.tables.append(ownerTable(current, at: end))
        let overdue = current.filter { $0.isOverdue(at: end) }
        if overdue.isEmpty {
            section.paragraphs.append("No recommendation was overdue at \(end.longDescription).")
        } else {
            section.tables.append(overdueTable(overdue, at: end))
        }
        let undated = current.filter { $0.agreed == nil }.count
        if undated > 0 {
            section.notes.append(
                "\(Count.grouped(undated)) recommendation\(undated == 1 ? " has" : "s have") no agreed date, so \(undated == 1 ? "it is" : "they are") counted at \(end.longDescription) only."
            )
        }
        return section
    }

    static func headline(_ s: Standing, at end: CalendarDate, previous: Standing?, previousEnd: CalendarDate) -> String
    {
        let plural = s.made == 1 ? "recommendation" : "recommendations"
        var text =
            "Of the \(Count.grouped(s.made)) \(plural) from reviews and audits at \(end.longDescription), \(Count.grouped(s.complete)) \(s.complete == 1 ? "was" : "were") complete, \(Count.grouped(s.inProgress)) in progress and \(Count.grouped(s.notStarted)) not started; \(Count.grouped(s.overdue)) \(s.overdue == 1 ? "was" : "were") overdue"
        if let previous {
            text +=
                " (\(previousEnd.longDescription): \(Count.grouped(previous.made)), of which \(Count.grouped(previous.complete)) complete and \(Count.grouped(previous.overdue)) overdue)"
        }
        return text + "."
    }

    static func sourceTable(_ recommendations: [Recommendation], at end: CalendarDate) -> ReportTable {
        var table = ReportTable(
            id: "recommendations-by-source", title: "Recommendations by source, as at \(end.longDescription)",
            columns: [ReportColumn("Source", .label)] + Standing.titles.map { ReportColumn($0, .count) })
        var order: [String] = []
        var bySource: [String: [Recommendation]] = [:]
        for r in recommendations {
            if bySource[r.source] == nil { order.append(r.source) }
            bySource[r.source, default: []].append(r)
        }
        for source in order {
            table.rows.append(ReportRow([.text(source)] + Standing(bySource[source]!, at: end).cells))
        }
        table.rows.append(TableRows.sumRow("Total", columns: 1...6, table: table))
        table.notes.append(
            "Complete includes impact evidenced. Overdue: due by \(end.longDescription) and not complete by then. A recommendation completed after that date was still open at it."
        )
        return table
    }

    static func trendTable(current: [Recommendation], previous: [Recommendation], year: FinancialYear) -> ReportTable {
        var table = ReportTable(
            id: "recommendations-trend", title: "Recommendations at the end of \(year.previous) and \(year)",
            columns: [
                ReportColumn("Measure", .label), ReportColumn(year.previous.lastDay.longDescription, .count),
                ReportColumn(year.lastDay.longDescription, .count),
            ])
        let before = previous.isEmpty ? nil : Standing(previous, at: year.previous.lastDay).cells
        let now = Standing(current, at: year.lastDay).cells
        for (i, title) in Standing.titles.enumerated() {
            table.rows.append(ReportRow([.text(title), before?[i] ?? ReportCell(.notApplicable), now[i]]))
        }
        if before == nil {
            table.notes.append("N/A: no recommendation was agreed by \(year.previous.lastDay.longDescription).")
        }
        return table
    }

    static func ownerTable(_ recommendations: [Recommendation], at end: CalendarDate) -> ReportTable {
        var table = ReportTable(
            id: "recommendations-owners",
            title: "Open and overdue recommendations per owner, as at \(end.longDescription)",
            columns: [
                ReportColumn("Owner", .label), ReportColumn("Recommendations", .count),
                ReportColumn("Open", .count), ReportColumn("Overdue", .count),
            ])
        var order: [String] = []
        var byOwner: [String: [Recommendation]] = [:]
        for r in recommendations {
            let owner = r.owner ?? "Not recorded"
            if byOwner[owner] == nil { order.append(owner) }
            byOwner[owner, default: []].append(r)
        }
        for owner in order.sorted(by: { ($0 == "Not recorded" ? 1 : 0, $0) < ($1 == "Not recorded" ? 1 : 0, $1) }) {
            let s = Standing(byOwner[owner]!, at: end)
            table.rows.append(
                ReportRow([.text(owner), .count(s.made), .count(s.made - s.complete), .count(s.overdue)]))
        }
        table.rows.append(TableRows.sumRow("Total", columns: 1...3, table: table))
        return table
    }

    static func overdueTable(_ overdue: [Recommendation], at end: CalendarDate) -> ReportTable {
        var table = ReportTable(
            id: "recommendations-overdue", title: "Recommendations overdue at \(end.longDescription)",
            columns: [
                ReportColumn("Source", .label), ReportColumn("Number", .text),
                ReportColumn("Owner", .text), ReportColumn("Due", .text),
            ])
        for r in overdue.sorted(by: {
            ($0.source, $0.due ?? end, $0.number ?? "") < ($1.source, $1.due ?? end, $1.number ?? "")
        }) {
            table.rows.append(
                ReportRow([
                    .text(r.source), .text(r.number ?? "not recorded"), .text(r.owner ?? "Not recorded"),
                    .text(r.due?.description ?? ""),
                ]))
        }
        return table
    }
}

extension RecommendationTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        let recommendations = context.records.recommendations
        return SectionOutput(section(recommendations, supplied: recommendations != nil, year: context.year))
    }
}
