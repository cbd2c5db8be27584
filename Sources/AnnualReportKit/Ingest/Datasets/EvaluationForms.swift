/// `evaluations*.csv`: one row per completed evaluation form. The event is named by
/// `event_id`, or by `date` and `title` matching one training event; an optional
/// `respondent` and `email` (Microsoft Forms gives both) are personal data, never written out; and every pair of columns named
/// `<measure> before` and `<measure> after` (also `_before`/`_after`, `(pre)`/`(post)`)
/// holds that measure's ratings, whole numbers on the configured scale (default 1 to 5).
enum EvaluationColumns {
    static let dataset = "evaluations"

    static let schema = DatasetSchema(
        name: dataset,
        columns: [
            .init("event_id", aliases: ["event id", "eventbrite event id"]),
            .init("date", aliases: ["event date", "session date", "date of event"]),
            .init("title", aliases: ["course", "event", "course title", "event name", "event title"]),
            .init("respondent", aliases: ["name", "delegate", "delegate name", "respondent name"]),
            // Microsoft Forms exports both a respondent (or name) and an email: one person, two columns.
            .init("email", aliases: ["email address", "e-mail", "respondent email"]),
        ], personal: ["respondent", "email"], typed: ["event_id", "date"], datedBy: "date")

    enum Side { case before, after }

    /// `Knowledge before` -> (`Knowledge`, before); nil for any other header.
    static func rating(_ header: String) -> (measure: String, side: Side)? {
        let text = header.trimmingSpaces
        let lower = text.lowercased()
        for (suffixes, side) in [
            ([" before", "_before", "-before", "(pre)", " pre"], Side.before),
            ([" after", "_after", "-after", "(post)", " post"], Side.after),
        ] {
            for suffix in suffixes where lower.hasSuffix(suffix) && lower.count > suffix.count {
                let measure = String(text.dropLast(suffix.count)).trimmingSpaces
                if !measure.isEmpty { return (measure, side) }
            }
        }
        return nil
    }

    /// Each measure's before and after field, in the order of the header.
    static func pairs(_ names: [String]) -> [(measure: String, before: Int?, after: Int?)] {
        var order: [String] = []
        var found: [String: (measure: String, before: Int?, after: Int?)] = [:]
        for (f, name) in names.enumerated() {
            guard let (measure, side) = rating(name) else { continue }
            let key = measure.lowercased()
            if found[key] == nil {
                order.append(key)
                found[key] = (measure, nil, nil)
            }
            switch side {
            case .before: found[key]!.before = found[key]!.before ?? f
            case .after: found[key]!.after = found[key]!.after ?? f
            }
        }
        return order.map { found[$0]! }
    }

    /// Errors at the header: a measure rated before but not after (or after but not before),
    /// or a file with no rating columns at all.
    static func check(header: CSVRecord, file: String) -> [Diagnostic] {
        let pairs = pairs(header.fields)
        var problems: [Diagnostic] = []
        for pair in pairs where pair.before == nil || pair.after == nil {
            let f = pair.before ?? pair.after!
            let p = header.positions[f]
            problems.append(
                Diagnostic(
                    .error, file: file, line: p.line, column: p.column,
                    pair.after == nil
                        ? "measure '\(pair.measure)' has a before column but no after column; expected '\(pair.measure) after' beside it"
                        : "measure '\(pair.measure)' has an after column but no before column; expected '\(pair.measure) before' beside it"
                ))
        }
        if pairs.isEmpty {
            problems.append(
                Diagnostic(
                    .error, file: file, line: header.line, column: nil,
                    "no rating columns; expected pairs such as 'Knowledge before' and 'Knowledge after'"))
        }
        return problems
    }

    /// Reads forms, each linked to a training event in `training` (else an error at its row),
    /// counting their ratings in `tally` (`EvaluationScale`, which holds the scale).
    static func ingester(training: [TrainingEvent], tally: EvaluationScale) -> FileIngester<EvaluationForm> {
        var byID: [String: TrainingEvent] = [:]
        var byDateTitle: [String: [TrainingEvent]] = [:]
        for e in training {
            if let id = e.eventID, byID[id] == nil { byID[id] = e }
            byDateTitle["\(e.date)|\(e.title.lowercased())", default: []].append(e)
        }
        // The rating pairs are the header's: found once per file, not once per row (they were
        // a third of the time to read a file of forms).
        final class PairsOfHeader {
            var names: [String] = []
            var pairs: [(measure: String, before: Int?, after: Int?)] = []
        }
        let cached = PairsOfHeader()
        var ingester = FileIngester<EvaluationForm>(
            schema: schema,
            parse: { row in
                if row.header.names != cached.names {
                    cached.names = row.header.names
                    cached.pairs = pairs(row.header.names)
                }
                let event = Self.event(for: &row, byID: byID, byDateTitle: byDateTitle)
                let (ratings, counted) = Self.ratings(&row, pairs: cached.pairs, tally: tally)
                tally.count(file: row.file, ratings: counted)
                guard let event, row.problems.isEmpty else { return nil }
                return EvaluationForm(
                    eventDate: event.date, eventTitle: event.title, eventSource: event.source,
                    priorities: event.priorities,
                    ratings: ratings, source: SourceLocation(file: row.file, line: row.record.line))
            }, duplicateKey: { _ in nil }, describeDuplicate: "form")
        ingester.headerCheck = { header, file in check(header: header, file: file) }
        return ingester
    }

    /// The training event a form is for: the one with its `event_id`, else the one training
    /// event with its `date` and `title`; nil, after an error at the cell, when none is named.
    private static func event(
        for row: inout RowReader, byID: [String: TrainingEvent], byDateTitle: [String: [TrainingEvent]]
    ) -> TrainingEvent? {
        var event: TrainingEvent?
        if row.text("event_id") != nil {
            if let id = row.id("event_id") {
                event = byID[id]
                if event == nil {
                    row.fail(
                        "event_id",
                        "form for event_id \(PersonalText.quoted(id)), which no training row has; expected the event_id of a training event"
                    )
                }
            }
        } else {
            let date = row.date("date")
            let title = row.required("title", "the title of the training event the form is for")
            if let date, let title {
                let matches = byDateTitle["\(date)|\(title.lowercased())"] ?? []
                if matches.count == 1 {
                    event = matches[0]
                } else {
                    row.fail(
                        "title",
                        matches.isEmpty
                            ? "form for '\(RowReader.shown(title))' on \(date), which is not in the training records; expected the date and title of a training event, or its event_id"
                            : "form for '\(RowReader.shown(title))' on \(date), which names \(matches.count) training events; expected an event_id to tell them apart"
                    )
                }
            }
        }
        return event
    }

    /// A form's ratings: one per measure whose before and after cells are both filled, every
    /// cell checked on the scale; and every filled rating cell (`counted`) for `tally`.
    private static func ratings(
        _ row: inout RowReader, pairs: [(measure: String, before: Int?, after: Int?)], tally: EvaluationScale
    ) -> (ratings: [EvaluationForm.Rating], counted: [(field: Int, name: String, value: Int64?)]) {
        var ratings: [EvaluationForm.Rating] = []
        var counted: [(field: Int, name: String, value: Int64?)] = []
        for pair in pairs {
            guard let b = pair.before, let a = pair.after else { continue }
            // Both cells checked, so that every off-scale rating is reported and counted.
            let before = rating(&row, field: b, tally: tally, counted: &counted)
            let after = rating(&row, field: a, tally: tally, counted: &counted)
            guard let before, let after else { continue }
            if let before, let after {
                ratings.append(.init(measure: pair.measure, before: before, after: after))
            }
        }
        return (ratings, counted)
    }

    /// One rating cell: `.some(nil)` when blank, the rating when on the scale, nil after an
    /// error at the cell when it is not (folded under its file's summary when the file's forms
    /// are on another scale, `EvaluationScale`). A filled cell is added to `counted`.
    private static func rating(
        _ row: inout RowReader, field f: Int, tally: EvaluationScale,
        counted: inout [(field: Int, name: String, value: Int64?)]
    ) -> Int64?? {
        let scale = tally.scale
        let raw = f < row.record.fields.count ? row.record.fields[f].trimmingSpaces : ""
        if raw.isEmpty { return .some(nil) }
        counted.append((f, row.header.names[f], Int64(raw)))
        guard let n = Int64(raw), scale.contains(n) else {
            // A whole number above the scale is most often a form on another scale (1-10).
            let other =
                Int64(raw).map { n in
                    n > scale.upperBound && n <= 10
                        ? " (if the forms use a 1 to 10 scale, set `evaluation_scale: [1, 10]` in annual-report.yaml)"
                        : ""
                } ?? ""
            row.fail(
                field: f,
                "rating \(PersonalText.quoted(raw)) for \(row.header.names[f]) is off the scale; expected a whole number from \(scale.lowerBound) to \(scale.upperBound)"
                    + other)
            if let n = Int64(raw), tally.onOtherScale(n) {
                row.foldLastProblem(into: EvaluationScale.key(row.file))
            }
            return nil
        }
        return .some(n)
    }

    /// Where a training row's `evaluations` figure and the forms for its event disagree: a
    /// note each, and one note listing the events with a figure but no forms at all.
    static func countNotes(training: [TrainingEvent], forms: [EvaluationForm]) -> [Diagnostic] {
        var counts: [SourceLocation: Int64] = [:]
        for form in forms { counts[form.eventSource, default: 0] += 1 }
        let years = Set(forms.map(\.year))
        var notes: [Diagnostic] = []
        var without: [TrainingEvent] = []
        for e in training where e.status == .delivered && years.contains(e.year) {
            guard let stated = e.evaluations, stated > 0 || counts[e.source] != nil else { continue }
            guard let found = counts[e.source] else {
                without.append(e)
                continue
            }
            if found != stated {
                notes.append(
                    Diagnostic(
                        .note, file: e.source.file, line: e.source.line, column: nil,
                        "'\(e.title)' on \(e.date) records \(Count.grouped(stated)) evaluations but the evaluations files hold \(Count.grouped(found)) forms for it; the report counts the forms (evaluations completed and impact)"
                    ))
            }
        }
        if let first = without.first {
            let total = without.reduce(Int64(0)) { $0 + ($1.evaluations ?? 0) }
            let named = without.prefix(5).map { "'\($0.title)' on \($0.date)" }.joined(separator: ", ")
            notes.append(
                Diagnostic(
                    .note, file: first.source.file, line: 0, column: nil,
                    "\(without.count) event\(without.count == 1 ? "" : "s") record\(without.count == 1 ? "s" : "") \(Count.grouped(total)) evaluations in all but the evaluations files hold no forms for \(without.count == 1 ? "it" : "them") (\(named)\(without.count > 5 ? " …" : "")); evaluations completed count \(without.count == 1 ? "its figure" : "their figures") and the impact figures use the forms"
                ))
        }
        return notes
    }
}
