/// Training delivery: events, attendances, cancellations and evaluations, year on year; the
/// attendance trend; and the conferences table.
enum TrainingTables {
    struct YearFigures {
        var delivered: Int64 = 0
        var attendances: Int64 = 0
        var courseEvents: Int64 = 0
        var courseAttendances: Int64 = 0
        var conferenceEvents: Int64 = 0
        var conferenceAttendances: Int64 = 0
        var cancelled: Int64 = 0
        var evaluations: Int64 = 0
        var courseEvaluations: Int64 = 0
        var conferenceEvaluations: Int64 = 0
        /// Whether any event of the year gives an evaluations figure (else they are not recorded).
        var evaluationsRecorded = false

        /// Evaluation forms counted for the year's events that have any, and what the training
        /// rows' `evaluations` column says of those events (nil: it gives no figure for them).
        var forms: Int64 = 0
        var formEvents: Int64 = 0
        var columnForFormEvents: Int64?

        /// Adds an event; `forms` is the number of evaluation forms for it, nil when it has none.
        mutating func add(_ e: TrainingEvent, forms eventForms: Int64? = nil) {
            if let eventForms {
                forms += eventForms
                formEvents += 1
                if let stated = e.evaluations { columnForFormEvents = (columnForFormEvents ?? 0) + stated }
            }
            // The forms for an event count its evaluations; else its row's own figure.
            let evaluated = eventForms ?? e.evaluations
            if evaluated != nil { evaluationsRecorded = true }
            if e.status == .cancelled {
                cancelled += 1
                return
            }
            delivered += 1
            attendances += e.attendees
            evaluations += evaluated ?? 0
            switch e.kind {
            case .course:
                courseEvents += 1
                courseAttendances += e.attendees
                courseEvaluations += evaluated ?? 0
            case .conference:
                conferenceEvents += 1
                conferenceAttendances += e.attendees
                conferenceEvaluations += evaluated ?? 0
            }
        }

        /// Each year's figures in one pass, without grouping (copying) the events: a register
        /// makes one event per session, hundreds of thousands of them. A year with evaluation
        /// forms records its evaluations (an event with neither forms nor a figure had none).
        static func byYear(_ events: [TrainingEvent], forms: EvaluationCounts = .init(nil)) -> [FinancialYear:
            YearFigures]
        {
            var figures: [FinancialYear: YearFigures] = [:]
            // A run of events of one year (a register's sessions come in date order) is added up
            // in a local and stored once.
            var run: (year: FinancialYear, figures: YearFigures)?
            for e in events {
                let year = e.year
                if run?.year != year {
                    if let run { figures[run.year] = run.figures }
                    run = (year, figures[year] ?? YearFigures())
                }
                run!.figures.add(e, forms: forms.count(e))
            }
            if let run { figures[run.year] = run.figures }
            for year in forms.years where figures[year] != nil { figures[year]!.evaluationsRecorded = true }
            return figures
        }

        /// Where the forms and the training rows' column disagree for the year, what the
        /// training-delivery table's note says; nil when they agree.
        func formsNote(_ year: FinancialYear) -> String? {
            guard formEvents > 0, columnForFormEvents != forms else { return nil }
            let counted =
                "Evaluations completed in \(year) count the evaluation forms of each event that has any (\(Count.grouped(forms)) form\(forms == 1 ? "" : "s") for \(Count.grouped(formEvents)) event\(formEvents == 1 ? "" : "s"))"
            guard let stated = columnForFormEvents else {
                return counted
                    + "; the training records' evaluations column gives no figure for \(formEvents == 1 ? "it" : "them")."
            }
            return counted
                + "; the training records' evaluations column gives \(Count.grouped(stated)) for \(formEvents == 1 ? "it" : "them")."
        }
    }

    /// `events` nil: absent (`supplied` false) or without usable rows.
    /// `forms`: the evaluation forms, when the dataset was supplied; they count the
    /// evaluations of the events they are for (`EvaluationCounts`).
    static func section(_ events: [TrainingEvent]?, supplied: Bool, year: FinancialYear, forms: [EvaluationForm]? = nil)
        -> ReportSection
    {
        var section = ReportSection(title: "Training")
        guard let events, !events.isEmpty else {
            section.notes.append(MissingDataset.note("training", files: "training*.csv", supplied: supplied))
            return section
        }
        let counts = EvaluationCounts(forms)
        let byYear = YearFigures.byYear(events, forms: counts)
        let coverage = YearCoverage(byYear.keys)
        let now = coverage.recorded(year) { byYear[year] ?? YearFigures() }
        let before = coverage.recorded(year.previous) { byYear[year.previous] ?? YearFigures() }
        let previousText =
            before.map { "\(year.previous): \(Count.grouped($0.attendances)) over \(Count.grouped($0.delivered))" }
            ?? "\(year.previous): not recorded"
        if let now {
            section.paragraphs.append(
                "Overall training was delivered to \(Count.grouped(now.attendances)) attendees over \(Count.grouped(now.delivered)) training events in \(year) (\(previousText))."
            )
            section.paragraphs.append(
                "\(Count.grouped(now.courseAttendances)) delegates attended regular multi-agency courses, and a further \(Count.grouped(now.conferenceAttendances)) attended \(Count.grouped(now.conferenceEvents)) conference and larger events."
            )
            section.paragraphs.append(
                now.evaluationsRecorded
                    ? "\(Count.grouped(now.evaluations)) evaluations were completed: \(Count.grouped(now.courseEvaluations)) for courses and \(Count.grouped(now.conferenceEvaluations)) for conferences and larger events."
                    : "Evaluations completed in \(year): not recorded.")
        } else {
            section.paragraphs.append(
                "Training in \(year): not recorded (the training records cover \(coverage.description)).")
        }
        if now != nil || before != nil {
            section.tables.append(deliveryTable(now: now, before: before, year: year))
        }
        let trend = trendTable(byYear)
        section.tables.append(trend)
        section.charts.append(
            ChartSpec(
                id: "attendances-per-year", title: "Training attendances per year", tableID: trend.id,
                rows: Array(trend.rows.indices), seriesColumns: [2], style: .column,
                xAxisTitle: "Financial year", yAxisTitle: "Attendances"))
        // No conference in the year is said in the sentence above; a table of one zero total adds nothing.
        if let now, now.conferenceEvents > 0 {
            section.tables.append(conferenceTable(events.lazy.filter { $0.year == year }, year: year, forms: counts))
        }
        return section
    }

    /// A year that is not recorded (nil) is N/A throughout, and so are its evaluations when no
    /// event of the year gives a figure.
    static func deliveryTable(now: YearFigures?, before: YearFigures?, year: FinancialYear) -> ReportTable {
        var table = ReportTable(
            id: "training-delivery", title: "Training delivery, \(year.previous) and \(year)",
            columns: YearOnYear.columns("Measure", year, kind: .count))
        let measures: [(String, KeyPath<YearFigures, Int64>)] = [
            ("Events delivered", \.delivered), ("Attendances", \.attendances),
            ("Course events", \.courseEvents), ("Course attendances", \.courseAttendances),
            ("Conference events", \.conferenceEvents), ("Conference attendances", \.conferenceAttendances),
            ("Events cancelled", \.cancelled),
        ]
        for (label, path) in measures {
            table.rows.append(
                ReportRow(
                    YearOnYear.cells(
                        label: label, old: before.map { .count($0[keyPath: path]) },
                        new: now.map { .count($0[keyPath: path]) }, row: table.rows.count)))
        }
        func rate(_ f: YearFigures?) -> ReportCell {
            guard let f, let ratio = Ratio(f.cancelled, f.cancelled + f.delivered) else {
                return ReportCell(.notApplicable)
            }
            return ReportCell(.percent(ratio))
        }
        table.rows.append(ReportRow([.text("Cancellation rate"), rate(before), rate(now), .empty, .empty]))
        for (label, path) in [
            ("Evaluations completed", \YearFigures.evaluations), ("Course evaluations", \.courseEvaluations),
            ("Conference evaluations", \.conferenceEvaluations),
        ] {
            func evaluations(_ f: YearFigures?) -> Amount? {
                f.flatMap { $0.evaluationsRecorded ? .count($0[keyPath: path]) : nil }
            }
            table.rows.append(
                ReportRow(
                    YearOnYear.cells(
                        label: label, old: evaluations(before), new: evaluations(now),
                        row: table.rows.count)))
        }
        table.notes.append("Cancellation rate = events cancelled / (events delivered + events cancelled).")
        table.notes += [before?.formsNote(year.previous), now?.formsNote(year)].compactMap { $0 }
        return table
    }

    static func trendTable(_ byYear: [FinancialYear: YearFigures]) -> ReportTable {
        var table = ReportTable(
            id: "training-trend", title: "Training events and attendances per year",
            columns: [
                ReportColumn("Year", .label), ReportColumn("Events delivered", .count),
                ReportColumn("Attendances", .count), ReportColumn("Events cancelled", .count),
            ])
        guard let first = byYear.keys.min(), let last = byYear.keys.max() else { return table }
        for y in FinancialYear.span(first, last) {
            let f = byYear[y] ?? YearFigures()
            table.rows.append(
                ReportRow([.text(y.label), .count(f.delivered), .count(f.attendances), .count(f.cancelled)]))
        }
        return table
    }

    /// Per conference title: events, attendees and evaluations (the forms of each event that
    /// has any, else its row's figure); Evaluations is N/A for a title none of whose events
    /// records any, and the total is N/A when no title does.
    static func conferenceTable(
        _ events: some Sequence<TrainingEvent>, year: FinancialYear, forms: EvaluationCounts = .init(nil)
    ) -> ReportTable {
        var table = ReportTable(
            id: "conferences", title: "Conferences and larger events, \(year)",
            columns: [
                ReportColumn("Conference", .label), ReportColumn("Events", .count),
                ReportColumn("Attendees", .count), ReportColumn("Evaluations", .count),
            ])
        var order: [String] = []
        var sums: [String: (events: Int64, attendees: Int64, evaluations: Int64?)] = [:]
        for e in events where e.kind == .conference && e.status == .delivered {
            if sums[e.title] == nil { order.append(e.title) }
            let s = sums[e.title, default: (0, 0, nil)]
            let evaluated = forms.evaluations(e)
            sums[e.title] = (
                s.events + 1, s.attendees + e.attendees,
                evaluated.map { (s.evaluations ?? 0) + $0 } ?? s.evaluations
            )
        }
        for title in order {
            let s = sums[title]!
            table.rows.append(
                ReportRow([
                    .text(title), .count(s.events), .count(s.attendees),
                    ReportCell(s.evaluations.map(CellValue.count) ?? .notApplicable),
                ]))
        }
        table.rows.append(TableRows.sumRow("Total", columns: 1...3, table: table))
        return table
    }
}

extension TrainingTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        let records = context.records
        return SectionOutput(
            section(
                context.usable(records.training), supplied: records.training != nil, year: context.year,
                forms: records.evaluations))
    }
}
