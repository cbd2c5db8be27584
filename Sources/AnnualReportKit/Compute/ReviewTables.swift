/// Child safeguarding practice reviews: counts per year, LCSPRs under way, and the children
/// subject of rapid reviews and of LCSPRs under way in the year.
enum ReviewTables {
    static let statutoryMonths = 6

    static func section(
        _ reviews: [Review]?, supplied: Bool, year: FinancialYear,
        timeliness: ReviewTimeliness.Rules = ReviewTimeliness.Rules()
    ) -> ReportSection {
        var section = ReportSection(title: "Child safeguarding practice reviews")
        guard let reviews, !reviews.isEmpty else {
            section.notes.append(MissingDataset.note("review", files: "reviews*.csv", supplied: supplied))
            return section
        }
        let trend = trendTable(reviews)
        section.tables.append(trend)
        section.charts.append(
            ChartSpec(
                id: "rapid-reviews-per-year", title: "Rapid reviews per year", tableID: trend.id,
                rows: Array(0..<max(trend.rows.count - 1, 0)), seriesColumns: [1], style: .column,
                xAxisTitle: "Financial year", yAxisTitle: "Rapid reviews"))
        let rapid = reviews.filter { $0.kind == .rapidReview && $0.year == year }
        let underWay = reviews.filter { isUnderWay($0, in: year) }
        let publishedInYear = reviews.filter {
            $0.kind == .lcspr && $0.published.map { FinancialYear(containing: $0) } == year
        }
        let coverage = YearCoverage(
            reviews.map(\.year) + reviews.compactMap { $0.published.map(FinancialYear.init(containing:)) })
        guard coverage.covers(year) else {
            section.paragraphs.append(
                "Reviews in \(year): not recorded (the review records cover \(coverage.description)).")
            return section
        }
        let rapidCount = rapid.total(\.count)
        let previousCount =
            coverage.recorded(year.previous) {
                Count.grouped(reviews.filter { $0.kind == .rapidReview && $0.year == year.previous }.total(\.count))
            } ?? "not recorded"
        section.paragraphs.append(
            "The partnership carried out \(Count.grouped(rapidCount)) rapid review\(rapidCount == 1 ? "" : "s") in \(year) (\(year.previous): \(previousCount))."
        )
        section.paragraphs.append(
            "\(Count.grouped(underWay.total(\.count))) local child safeguarding practice review\(underWay.total(\.count) == 1 ? " was" : "s were") under way in \(year); \(Count.grouped(publishedInYear.total(\.count))) \(publishedInYear.total(\.count) == 1 ? "was" : "were") published in the year."
        )
        section.tables.append(underWayTable(underWay, year: year))
        let children = rapid + underWay
        let total = children.total(\.count)
        for (id, title, path) in [
            ("children-sex", "Sex", \Review.sex), ("children-ethnicity", "Ethnicity", \Review.ethnicity),
            ("children-age-group", "Age group", \Review.ageGroup),
        ] {
            section.tables.append(characteristicTable(children, id: id, title: title, year: year, value: path))
        }
        if total > 0 {
            section.paragraphs.append(
                "Of the \(Count.grouped(total)) children considered as subjects of rapid reviews and LCSPRs under way in \(year):"
                    + characteristicSentence(section.tables.suffix(3)))
        }
        ReviewTimeliness.add(to: &section, reviews: reviews, year: year, coverage: coverage, rules: timeliness)
        return section
    }

    /// Started on or before the year's end and not published before its start.
    static func isUnderWay(_ review: Review, in year: FinancialYear) -> Bool {
        guard review.kind == .lcspr, review.date <= year.lastDay else { return false }
        if let published = review.published, published < year.firstDay { return false }
        return true
    }

    static func trendTable(_ reviews: [Review]) -> ReportTable {
        var table = ReportTable(
            id: "reviews-trend", title: "Reviews per year",
            columns: [
                ReportColumn("Year", .label), ReportColumn("Rapid reviews", .count),
                ReportColumn("LCSPRs started", .count), ReportColumn("LCSPRs published", .count),
            ])
        let years = reviews.map(\.year) + reviews.compactMap { $0.published.map(FinancialYear.init(containing:)) }
        guard let first = years.min(), let last = years.max() else { return table }
        for y in FinancialYear.span(first, last) {
            let rapid = reviews.filter { $0.kind == .rapidReview && $0.year == y }.total(\.count)
            let started = reviews.filter { $0.kind == .lcspr && $0.year == y }.total(\.count)
            let published = reviews.filter {
                $0.kind == .lcspr && $0.published.map(FinancialYear.init(containing:)) == y
            }.total(\.count)
            table.rows.append(ReportRow([.text(y.label), .count(rapid), .count(started), .count(published)]))
        }
        table.rows.append(TableRows.sumRow("Total", columns: 1...3, table: table))
        return table
    }

    static func underWayTable(_ reviews: [Review], year: FinancialYear) -> ReportTable {
        var table = ReportTable(
            id: "lcspr-under-way", title: "Local child safeguarding practice reviews under way, \(year)",
            columns: [
                ReportColumn("Reference", .label), ReportColumn("Started", .text),
                ReportColumn("Published", .text), ReportColumn("Months running", .count),
                ReportColumn("Beyond statutory 6 months", .text),
            ])
        for r in reviews.sorted(by: { ($0.date, $0.reference) < ($1.date, $1.reference) }) {
            let end = r.published.map { min($0, year.lastDay) } ?? year.lastDay
            let months = Int64(max(0, r.date.wholeMonths(until: end)))
            table.rows.append(
                ReportRow([
                    .text(r.reference), .text(r.date.description), .text(r.published?.description ?? "not yet"),
                    .count(months), .text(months > Int64(statutoryMonths) ? "yes" : "no"),
                ]))
        }
        table.notes.append(
            "Months running: whole months from the start to publication, or to the end of \(year) if not published by then."
        )
        return table
    }

    static func characteristicTable(
        _ children: [Review], id: String, title: String, year: FinancialYear,
        value: KeyPath<Review, String?>
    ) -> ReportTable {
        var table = ReportTable(
            id: id, title: "Children subject of reviews in \(year), by \(title.lowercased())",
            columns: [
                ReportColumn(title, .label), ReportColumn("Children", .count),
                ReportColumn("Share", .percent(decimals: 0)),
            ])
        var counts: [String: Int64] = [:]
        var names: [String: String] = [:]
        for child in children {
            let raw = child[keyPath: value] ?? "Not recorded"
            let key = raw.lowercased()
            names[key] = names[key] ?? raw.prefix(1).uppercased() + raw.dropFirst()
            counts[key, default: 0] += child.count
        }
        let ordered = counts.keys.sorted { (counts[$0]!, names[$1]!) > (counts[$1]!, names[$0]!) }
        let total = counts.values.reduce(0, +)
        let totalRow = ordered.count
        for (r, key) in ordered.enumerated() {
            table.rows.append(
                ReportRow([
                    .text(names[key]!), .count(counts[key]!),
                    ReportCell(
                        Ratio(counts[key]!, total).map(CellValue.percent) ?? .notApplicable,
                        derivation: .share(CellRef(row: r, column: 1), of: CellRef(row: totalRow, column: 1))),
                ]))
        }
        var totals = TableRows.sumRow("Total", columns: 1...1, table: table)
        totals.cells[2] = ReportCell(
            Ratio(total, total).map(CellValue.percent) ?? .notApplicable,
            derivation: .share(CellRef(row: totalRow, column: 1), of: CellRef(row: totalRow, column: 1)))
        table.rows.append(totals)
        return table
    }

    private static func characteristicSentence(_ tables: ArraySlice<ReportTable>) -> String {
        tables.map { table in
            " "
                + table.rows.filter { $0.role == .body }.map { row -> String in
                    guard case .text(let name) = row.cells[0].value, case .count(let n) = row.cells[1].value,
                        case .percent(let share) = row.cells[2].value
                    else { return "" }
                    return "\(Count.grouped(n)) \(name) (\(share.percentText(decimals: 0)))"
                }.joined(separator: ", ") + "."
        }.joined()
    }
}

extension ReviewTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        let (records, configuration) = (context.records, context.configuration)
        let rules = ReviewTimeliness.Rules(
            limits: configuration.reviewLimits,
            calendar: WorkingDayCalendar(extraHolidays: configuration.bankHolidays))
        return SectionOutput(
            section(
                context.usable(records.reviews), supplied: records.reviews != nil, year: context.year,
                timeliness: rules))
    }
}
