/// `reviews*.csv`: one row per review (rapid review, LCSPR or national review), or one row
/// counting several, with its dates and, for one child, the child's details.
extension DatasetSchema {
    static let reviews = DatasetSchema(
        name: "reviews",
        columns: [
            Column("reference", aliases: ["ref", "id"], required: true),
            Column("type", aliases: ["kind", "review type"], required: true),
            Column("date", aliases: ["notification date", "start date", "started"], required: true),
            Column("published", aliases: ["publication date", "published date"]),
            Column("sex", aliases: ["gender"]),
            Column("ethnicity"),
            Column("age_group", aliases: ["age", "age band"]),
            Column("count", aliases: ["number"]),
            // A rapid review's timeline: the local authority aware, the Panel notified (`date`), completed.
            Column(
                "aware",
                aliases: [
                    "date aware", "aware date", "la aware", "date la aware", "date la became aware",
                    "became aware", "date of awareness", "incident date aware",
                ]),
            Column(
                "completed",
                aliases: [
                    "date completed", "completed date", "completion date", "sent to panel",
                    "date sent to panel", "rapid review completed", "submitted to panel",
                ]),
        ], totalled: [Totalled("count", blankCounts: 1)], totalKeys: ["type"],
        typed: ["reference", "type", "date", "published", "count", "aware", "completed"])
}

extension DatasetParsers {
    /// Reviews, each reference once, with a rapid review's timeline checked at its cells.
    static func reviews() -> FileIngester<Review> {
        FileIngester(
            schema: .reviews,
            parse: { row in
                let reference = row.id("reference", required: "a unique review reference")
                let kind = row.choice(
                    "type",
                    [
                        ("rapid review", Review.Kind.rapidReview), ("rapid", .rapidReview), ("RR", .rapidReview),
                        ("LCSPR", .lcspr), ("local child safeguarding practice review", .lcspr),
                        ("national", .national), ("national review", .national),
                    ], default: nil)
                let date = row.date("date")
                let published = row.date("published", required: false)
                let count = row.count("count", default: 1)
                if let count, count > 1,
                    [row.text("sex"), row.text("ethnicity"), row.text("age_group")].contains(where: { $0 != nil })
                {
                    row.fail(
                        "count",
                        "aggregate row (count \(count)) with child details; expected details only on rows with count 1")
                }
                if let date, let published, published < date {
                    row.fail("published", "published \(published) before it started \(date); expected a later date")
                }
                let (aware, completed) = rapidReviewTimeline(&row, kind: kind, date: date, count: count)
                guard let reference, let kind, let date, let count else { return nil }
                return Review(
                    reference: reference, kind: kind, date: date, published: published, sex: row.text("sex"),
                    ethnicity: row.text("ethnicity"), ageGroup: row.text("age_group"), count: count,
                    aware: aware, completed: completed, source: SourceLocation(file: row.file, line: row.record.line))
            }, duplicateKey: { $0.reference.lowercased() }, describeDuplicate: "review reference")
    }

    /// A rapid review's `aware` and `completed` dates, checked at their cells: they belong to a
    /// row of one rapid review (an LCSPR or national review has no Panel timeline; an aggregate
    /// row stands for reviews with different dates), and run aware ≤ notified (`date`) ≤ completed.
    private static func rapidReviewTimeline(
        _ row: inout RowReader, kind: Review.Kind?, date: CalendarDate?,
        count: Int64?
    ) -> (aware: CalendarDate?, completed: CalendarDate?) {
        let aware = row.date("aware", required: false)
        let completed = row.date("completed", required: false)
        for (column, value) in [("aware", aware), ("completed", completed)] where value != nil {
            if let kind, kind != .rapidReview {
                row.fail(
                    column,
                    "\(column) date on a\(kind == .lcspr ? "n" : "") \(kind.rawValue) row; the aware and completed columns are for rapid reviews only, so expected it blank"
                )
            } else if let count, count > 1 {
                row.fail(
                    column,
                    "\(column) date on an aggregate row (count \(count)); expected aware and completed dates only on rows of one rapid review (count 1)"
                )
            }
        }
        guard kind == .rapidReview, (count ?? 1) <= 1, let date else { return (aware, completed) }
        if let aware, date < aware {
            row.fail(
                "aware",
                "aware \(aware) after the Panel was notified \(date); expected the day the local authority became aware, on or before the notification date"
            )
        }
        if let completed, completed < date {
            row.fail(
                "completed",
                "completed \(completed) before the Panel was notified \(date); expected a date on or after the notification date"
            )
        }
        return (aware, completed)
    }
}
