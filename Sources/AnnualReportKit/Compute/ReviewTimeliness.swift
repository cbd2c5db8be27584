/// Rapid review timeliness against the national Panel's limits (Working Together): the Panel
/// notified within `notifyDays` working days of the local authority becoming aware (`aware`
/// to `date`), and the rapid review completed within `rapidReviewDays` working days of the
/// notification (`date` to `completed`), for the year and the year before.
///
/// "Within N working days": the working days are counted after the start day up to and
/// including the end day (the next working day is day 1, the same day is 0; weekends, England
/// and Wales bank holidays and the configured `bank_holidays:` are not working days), and a
/// review is on time when the count is N or fewer. A review without the stage's two dates, or
/// counted on an aggregate row (count > 1), is not recorded for that stage.
enum ReviewTimeliness {
    enum Stage: CaseIterable {
        case notification, completion
    }

    /// What the limits are measured with: the configuration's limits and working-day calendar.
    struct Rules: Sendable {
        var limits = ReviewLimits()
        var calendar = WorkingDayCalendar()
    }

    /// One stage's figures over one year's rapid reviews.
    struct Tally: Equatable {
        var reviews: Int64 = 0, onTime: Int64 = 0, late: Int64 = 0
        /// The recorded reviews' working days, in order.
        var days: [Int] = []

        var recorded: Int64 { onTime + late }
        var notRecorded: Int64 { reviews - recorded }

        /// The median working days to one decimal (the mean of the middle two of an even count),
        /// nil when none is recorded.
        var median: FixedDecimal? {
            guard !days.isEmpty else { return nil }
            let mid = days.count / 2
            let twice = days.count % 2 == 1 ? 2 * days[mid] : days[mid - 1] + days[mid]
            return FixedDecimal(scaled: Int64(twice) * 5, places: 1)
        }
    }

    /// The working days a stage took, nil when not recorded (a date missing, or an aggregate row).
    static func workingDays(_ review: Review, _ stage: Stage, calendar: WorkingDayCalendar) -> Int? {
        guard review.kind == .rapidReview, review.count == 1 else { return nil }
        switch stage {
        case .notification: return review.aware.map { calendar.workingDays(from: $0, to: review.date) }
        case .completion: return review.completed.map { calendar.workingDays(from: review.date, to: $0) }
        }
    }

    static func limit(_ stage: Stage, _ limits: ReviewLimits) -> Int {
        stage == .notification ? limits.notifyDays : limits.rapidReviewDays
    }

    /// The stage's tally over the rapid reviews notified in `year`.
    static func tally(_ reviews: [Review], year: FinancialYear, stage: Stage, rules: Rules) -> Tally {
        var tally = Tally()
        for review in reviews where review.kind == .rapidReview && review.year == year {
            tally.reviews += review.count
            guard let days = workingDays(review, stage, calendar: rules.calendar) else { continue }
            if days <= limit(stage, rules.limits) { tally.onTime += 1 } else { tally.late += 1 }
            tally.days.append(days)
        }
        tally.days.sort()
        return tally
    }

    /// Adds the headline and table to the reviews section, or a note when no rapid review of the
    /// year or the year before has a date to measure. `coverage`: the review records' years.
    static func add(
        to section: inout ReportSection, reviews: [Review], year: FinancialYear, coverage: YearCoverage, rules: Rules
    ) {
        let dated = reviews.contains { r in
            (r.year == year || r.year == year.previous)
                && Stage.allCases.contains { workingDays(r, $0, calendar: rules.calendar) != nil }
        }
        guard dated else {
            section.notes.append(
                "Rapid review timeliness not recorded: no rapid review of \(year.previous) or \(year) has an aware or completed date."
            )
            return
        }
        let current = Stage.allCases.map { tally(reviews, year: year, stage: $0, rules: rules) }
        let previous = coverage.recorded(year.previous) {
            Stage.allCases.map { tally(reviews, year: year.previous, stage: $0, rules: rules) }
        }
        section.paragraphs.append(
            contentsOf: headline(current: current, previous: previous, year: year, limits: rules.limits))
        section.tables.append(
            table(
                current: current, previous: previous, year: year, limits: rules.limits,
                extraDays: rules.calendar.extraHolidays.count))
    }

    static let columns = [
        ReportColumn("Stage and year", .label), ReportColumn("Rapid reviews", .count), ReportColumn("On time", .count),
        ReportColumn("Late", .count), ReportColumn("Recorded", .count), ReportColumn("Not recorded", .count),
        ReportColumn("% on time", .percent(decimals: 1)), ReportColumn("Median working days", .decimal(places: 1)),
    ]

    /// Per stage a group row, then a row for the year before and one for the year; `previous`
    /// nil (outside the review records' years) reads N/A.
    static func table(
        current: [Tally], previous: [Tally]?, year: FinancialYear, limits: ReviewLimits, extraDays: Int = 0
    ) -> ReportTable {
        var table = ReportTable(
            id: "rapid-review-timeliness", title: "Rapid review timeliness, \(year.previous) and \(year)",
            columns: columns)
        for (i, stage) in Stage.allCases.enumerated() {
            table.rows.append(
                ReportRow(
                    [.text(stageTitle(stage, limits))] + Array(repeating: .empty, count: columns.count - 1),
                    role: .group))
            table.rows.append(row(previous?[i], label: year.previous.label, at: table.rows.count))
            table.rows.append(row(current[i], label: year.label, at: table.rows.count))
        }
        table.notes.append(
            "Working days: counted from the day after the first date up to and including the second (the next working day is day 1), leaving out weekends and England and Wales bank holidays\(extraDays == 0 ? "" : ", and the \(Count.grouped(Int64(extraDays))) day\(extraDays == 1 ? "" : "s") the configuration adds"); on time when at most the limit. Recorded: rapid reviews with both dates; those counted on an aggregate row (a count of reviews) are not recorded. % on time is of those recorded."
        )
        if previous == nil { table.notes.append("N/A: no review records for \(year.previous).") }
        return table
    }

    /// Counts with their totals as derivations (the workbook's live formulas): rapid reviews =
    /// recorded + not recorded, recorded = on time + late, % on time = on time / recorded.
    private static func row(_ tally: Tally?, label: String, at r: Int) -> ReportRow {
        func ref(_ c: Int) -> CellRef { CellRef(row: r, column: c) }
        func count(_ n: Int64?) -> ReportCell { n.map(ReportCell.count) ?? ReportCell(.notApplicable) }
        let onTime = tally?.onTime
        let recorded = tally?.recorded
        return ReportRow([
            .text(label),
            ReportCell(count(tally?.reviews).value, derivation: .sum([ref(4), ref(5)])),
            count(onTime), count(tally?.late),
            ReportCell(count(recorded).value, derivation: .sum([ref(2), ref(3)])),
            count(tally?.notRecorded),
            ReportCell(
                onTime.flatMap { n in recorded.flatMap { Ratio(n, $0) } }.map(CellValue.percent) ?? .notApplicable,
                derivation: .share(ref(2), of: ref(4))),
            ReportCell(tally?.median.map(CellValue.decimal) ?? .notApplicable),
        ])
    }

    // MARK: - Words

    /// The table's group row: `The Panel notified within 5 working days of becoming aware`.
    static func stageTitle(_ stage: Stage, _ limits: ReviewLimits) -> String {
        switch stage {
        case .notification: "The Panel notified within \(days(limits.notifyDays)) of the local authority becoming aware"
        case .completion: "Completed within \(days(limits.rapidReviewDays)) of notification"
        }
    }

    private static func days(_ n: Int) -> String { "\(n) working day\(n == 1 ? "" : "s")" }

    /// "Rapid reviews in 2022-23: 2 of 3 with the Panel notified within 5 working days, 2 of 3
    /// completed within 15 working days (2021-22: 6 of 7, 6 of 8).", counting the reviews with
    /// the dates, and a second sentence naming what is not recorded. Short enough to sit on two
    /// lines of the workbook's Summary, which prints on one page.
    static func headline(current: [Tally], previous: [Tally]?, year: FinancialYear, limits: ReviewLimits) -> [String] {
        func figures(_ tallies: [Tally], words: Bool) -> String {
            zip(Stage.allCases, tallies).map { stage, t in
                guard t.recorded > 0 else {
                    return stage == .notification ? "the Panel's notification not recorded" : "completion not recorded"
                }
                let ratio = "\(Count.grouped(t.onTime)) of \(Count.grouped(t.recorded))"
                guard words else { return ratio }
                return stage == .notification
                    ? "\(ratio) with the Panel notified within \(days(limits.notifyDays))"
                    : "\(ratio) completed within \(days(limits.rapidReviewDays))"
            }.joined(separator: ", ")
        }
        // The year before in words when it has no figure to give, else nil.
        let noneBefore: String?
        if let previous {
            noneBefore =
                previous[0].reviews == 0
                ? "no rapid review" : previous.allSatisfy { $0.recorded == 0 } ? "not recorded" : nil
        } else {
            noneBefore = "not recorded"
        }
        guard current[0].reviews > 0 else {
            return [
                "No rapid review was notified in \(year) (\(year.previous): \(noneBefore ?? figures(previous!, words: true)))."
            ]
        }
        var sentences = [
            "Rapid reviews in \(year): \(figures(current, words: true)) (\(year.previous): \(noneBefore ?? figures(previous!, words: false)))."
        ]
        let missing = zip(["notification", "completion"], current).filter { $1.recorded > 0 && $1.notRecorded > 0 }
            .map { "the \($0) of \(Count.grouped($1.notRecorded)) rapid review\($1.notRecorded == 1 ? "" : "s")" }
        if !missing.isEmpty { sentences.append("Not recorded in \(year): \(missing.joined(separator: " and ")).") }
        return sentences
    }
}
