/// Training impact from evaluation forms: per measure, for all events and per business
/// priority, the forms, mean ratings before and after, the mean change, how many rated it
/// higher, the same or lower, and the Wilcoxon signed-rank p (`Wilcoxon`). With fewer than
/// `minimumForms` forms a measure's statistics are N/A and its p reads "too few to say".
enum ImpactTables {
    static let minimumForms = 10

    struct Figures {
        var forms = 0
        var before: Int64 = 0, after: Int64 = 0
        var improved = 0, unchanged = 0, lower = 0
        var differences: [Int64] = []

        mutating func add(_ r: EvaluationForm.Rating) {
            forms += 1
            before += r.before
            after += r.after
            let d = r.after - r.before
            differences.append(d)
            if d > 0 { improved += 1 } else if d == 0 { unchanged += 1 } else { lower += 1 }
        }

        var enough: Bool { forms >= ImpactTables.minimumForms }
        func mean(_ sum: Int64) -> FixedDecimal { FixedDecimal(Double(sum) / Double(forms), places: 2) }
        var meanChange: FixedDecimal { FixedDecimal(Double(after - before) / Double(forms), places: 2) }
        var p: String {
            guard enough else { return "too few to say" }
            return Wilcoxon.test(differences).map { Wilcoxon.pText($0.p) } ?? "N/A"
        }
    }

    /// Measures in order of first appearance, and their figures over `forms`.
    static func figures(_ forms: [EvaluationForm]) -> [(String, Figures)] {
        var order: [String] = []
        var names: [String: String] = [:]
        var figures: [String: Figures] = [:]
        for form in forms {
            for r in form.ratings {
                let key = r.measure.lowercased()
                if names[key] == nil {
                    names[key] = r.measure
                    order.append(key)
                }
                figures[key, default: Figures()].add(r)
            }
        }
        return order.map { (names[$0]!, figures[$0]!) }
    }

    static let columns = [
        ReportColumn("Forms", .count), ReportColumn("Mean before", .decimal(places: 2)),
        ReportColumn("Mean after", .decimal(places: 2)), ReportColumn("Mean change", .decimal(places: 2)),
        ReportColumn("Improved", .percent(decimals: 0)), ReportColumn("Unchanged", .percent(decimals: 0)),
        ReportColumn("Lower", .percent(decimals: 0)), ReportColumn("p (Wilcoxon)", .figureText),
    ]

    static func cells(_ f: Figures) -> [ReportCell] {
        guard f.forms > 0, f.enough else {
            return [.count(Int64(f.forms))] + Array(repeating: ReportCell(.notApplicable), count: 6)
                + [.text(f.forms == 0 ? "N/A" : f.p)]
        }
        func share(_ n: Int) -> ReportCell {
            ReportCell(Ratio(Int64(n), Int64(f.forms)).map(CellValue.percent) ?? .notApplicable)
        }
        return [
            .count(Int64(f.forms)), ReportCell(.decimal(f.mean(f.before))), ReportCell(.decimal(f.mean(f.after))),
            ReportCell(.decimal(f.meanChange)), share(f.improved), share(f.unchanged), share(f.lower), .text(f.p),
        ]
    }

    static func section(
        _ forms: [EvaluationForm]?, supplied: Bool, year: FinancialYear, priorities: [Priority],
        scale: ClosedRange<Int64>
    ) -> ReportSection? {
        guard supplied else { return nil }
        var section = ReportSection(title: "Training impact")
        guard let forms, !forms.isEmpty else {
            section.notes.append(MissingDataset.note("evaluation", files: "evaluations*.csv", supplied: true))
            return section
        }
        let byYear = Dictionary(grouping: forms, by: \.year)
        guard let now = byYear[year] else {
            section.paragraphs.append(
                "Evaluation forms in \(year): not recorded (the forms cover \(YearCoverage(byYear.keys).description)).")
            return section
        }
        let measures = figures(now)
        for (measure, f) in measures {
            guard f.enough else {
                section.paragraphs.append(
                    "\(measure): \(f.forms) form\(f.forms == 1 ? "" : "s") in \(year), too few to say.")
                continue
            }
            let before = f.mean(f.before)
            let after = f.mean(f.after)
            let movement =
                after.scaled > before.scaled
                ? "rose from \(one(before)) to \(one(after))"
                : after.scaled < before.scaled
                    ? "fell from \(one(before)) to \(one(after))" : "stayed at \(one(before))"
            let improved = Ratio(Int64(f.improved), Int64(f.forms))?.percentText(decimals: 0) ?? "0%"
            let p = f.p
            section.paragraphs.append(
                "\(measure) \(movement) out of \(scale.upperBound) on average; \(improved) of \(Count.grouped(f.forms)) delegates rated it higher after the training (p \(p.hasPrefix("<") ? p : "= " + p))."
            )
        }
        var table = ReportTable(
            id: "impact", title: "Training impact: ratings before and after, \(year)",
            columns: [ReportColumn("Measure", .label)] + columns)
        for (measure, f) in measures { table.rows.append(ReportRow([.text(measure)] + cells(f))) }
        table.notes.append(
            "Ratings on a scale of \(scale.lowerBound) to \(scale.upperBound). p: two-sided Wilcoxon signed-rank test of after against before (zero differences dropped, normal approximation with tie correction). With fewer than \(minimumForms) forms the statistics are N/A: too few to say."
        )
        section.tables.append(table)
        section.charts.append(
            ChartSpec(
                id: "impact-before-after", title: "Mean rating before and after training, \(year)",
                tableID: table.id, rows: Array(table.rows.indices), seriesColumns: [2, 3], style: .column,
                xAxisTitle: "Measure", yAxisTitle: "Mean rating (\(scale.lowerBound)–\(scale.upperBound))"))
        if let previous = byYear[year.previous] {
            var before = ReportTable(
                id: "impact-previous", title: "Training impact: ratings before and after, \(year.previous)",
                columns: [ReportColumn("Measure", .label)] + columns)
            for (measure, f) in figures(previous) { before.rows.append(ReportRow([.text(measure)] + cells(f))) }
            section.tables.append(before)
        }
        if !priorities.isEmpty { section.tables.append(perPriorityTable(now, priorities: priorities, year: year)) }
        return section
    }

    /// Impact per priority: each priority a group row, its measures (Knowledge, Skills, …) the
    /// rows under it, so the table is as narrow as the all-events one (a Priority column beside
    /// Measure made it too wide for a page, the priority's name wrapping in every row).
    static func perPriorityTable(_ forms: [EvaluationForm], priorities: [Priority], year: FinancialYear) -> ReportTable
    {
        var table = ReportTable(
            id: "impact-priorities", title: "Training impact per business priority, \(year)",
            columns: [ReportColumn("Measure", .label)] + columns)
        for priority in priorities {
            table.rows.append(
                ReportRow([.text(priority.name)] + Array(repeating: .empty, count: columns.count), role: .group))
            let measuresHere = figures(forms.filter { $0.priorities.contains(priority) })
            if measuresHere.isEmpty { table.rows.append(ReportRow([.text("(no forms)")] + cells(Figures()))) }
            for (measure, f) in measuresHere { table.rows.append(ReportRow([.text(measure)] + cells(f))) }
        }
        table.notes.append("Forms count toward every priority their event was tagged with.")
        return table
    }

    /// A mean to one decimal for a sentence: 2.53 -> 2.5.
    private static func one(_ d: FixedDecimal) -> String { FixedDecimal(d.double, places: 1).description }
}

extension ImpactTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        let records = context.records
        let scale = context.configuration.evaluationScale
        let built = section(
            records.evaluations, supplied: records.evaluations != nil, year: context.year,
            priorities: context.prioritiesFor(context.year), scale: scale)
        return SectionOutput(built.map { RatingAxes.onScale($0, scale: scale) })
    }
}
