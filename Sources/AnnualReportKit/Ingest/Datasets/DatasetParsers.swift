/// Row parsers for the report's own datasets (training, videos, reviews, finance), one function each.
enum DatasetParsers {
    /// The words for a training event's kind and format, in training files and registers alike.
    static let kinds: [(String, TrainingEvent.Kind)] = [("course", .course), ("conference", .conference)]
    static let formats: [(String, TrainingEvent.Format)] = [
        ("face-to-face", .faceToFace), ("in person", .faceToFace),
        ("virtual", .virtual), ("online", .virtual),
    ]

    static func training(catalog: PriorityCatalog) -> FileIngester<TrainingEvent> {
        FileIngester(
            schema: .training,
            parse: { row in
                let date = row.date("date")
                let title = row.requiredLabel("title", "the course or conference name")
                let kind = row.choice("kind", kinds, default: .course)
                let priorities = row.priorities("priorities", catalog: catalog)
                let status = row.choice(
                    "status",
                    [
                        ("delivered", TrainingEvent.Status.delivered), ("cancelled", .cancelled),
                        ("canceled", .cancelled),
                    ],
                    default: .delivered)
                let eventID = row.id("event_id")
                // Blank attendees are allowed for a cancelled event, and for one a linked register counts.
                let linkedBlank = row.text("event_id") != nil && row.text("attendees") == nil
                let attendees = row.count("attendees", default: status == .cancelled || linkedBlank ? 0 : nil)
                let format = row.text("format") == nil ? nil : row.choice("format", formats, default: nil)
                let evaluations = row.text("evaluations") == nil ? nil : row.count("evaluations")
                let places = row.text("places") == nil ? nil : row.count("places")
                let booked = row.text("booked") == nil ? nil : row.count("booked")
                guard let date, let title, let kind, let status, let attendees else { return nil }
                return TrainingEvent(
                    date: date, title: title, kind: kind, priorities: priorities, status: status,
                    attendees: attendees, format: format, evaluations: evaluations,
                    source: SourceLocation(file: row.file, line: row.record.line),
                    eventID: eventID, attendeesGiven: !linkedBlank || status == .cancelled,
                    places: places, booked: booked, cancelReason: row.text("cancel_reason"))
            }, duplicateKey: { "\($0.date)|\($0.title.lowercased())|\($0.kind)" },
            describeDuplicate: "training event (same date, title and kind)")
    }

    static func videos(catalog: PriorityCatalog) -> FileIngester<VideoViews> {
        FileIngester(
            schema: .videos,
            parse: { row in
                var year: FinancialYear?
                if row.text("year") != nil {
                    year = row.year("year")
                } else if row.text("date") != nil {
                    year = row.date("date").map(FinancialYear.init(containing:))
                } else {
                    row.fail(
                        row.has("year") || !row.has("date") ? "year" : "date",
                        "missing year; expected a financial year like 2022-23 (or a date)")
                }
                let category = row.requiredLabel("category", "the category shown in the report")
                let video = row.label("video", "the video's title")
                let views = row.count("views")
                let priorities = row.priorities("priorities", catalog: catalog)
                let videoID = row.id("video_id")
                guard let year, let category, let views else { return nil }
                let metric: VideoMetric =
                    DatasetSchema.normalize(row.headerName("views") ?? "") == "views" ? .views : .fullyWatched
                return VideoViews(
                    year: year, category: category, video: video, videoID: videoID,
                    views: views, priorities: priorities, source: SourceLocation(file: row.file, line: row.record.line),
                    metric: metric)
            },
            duplicateKey: { v in
                "\(v.year)|\(v.category.lowercased())|\(v.identity ?? "")"
            }, describeDuplicate: "video row (same year, category and video)",
            groupTotal: { v in
                // A category's own row (no video) when the category also lists its videos that year.
                GroupTotalKey(
                    group: "\(v.year)|\(v.category.lowercased())", isTotal: v.video == nil && v.videoID == nil,
                    amount: v.views, source: v.source, name: "category '\(v.category)' in \(v.year)")
            })
    }

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

    /// `partners` maps each spelling (normalised by `PartnerNames.key`) to the canonical name.
    static func finance(partners: [String: String] = [:]) -> FileIngester<FinanceLine> {
        FileIngester(
            schema: .finance,
            parse: { row in
                let year = row.year("year")
                let kind = row.choice(
                    "type",
                    [
                        ("contribution", FinanceLine.Kind.contribution), ("income", .contribution),
                        ("expenditure", .expenditure), ("spend", .expenditure),
                        ("budget", .budget), ("agreed", .budget),
                    ], default: nil)
                let line = row.requiredLabel("line", "the partner or expenditure category").map {
                    partners[PartnerNames.key($0)] ?? $0
                }
                let amount = row.money("amount")
                guard let year, let kind, let line, let amount else { return nil }
                return FinanceLine(
                    year: year, kind: kind, line: line, amount: amount, board: row.text("board"),
                    source: SourceLocation(file: row.file, line: row.record.line))
            }, duplicateKey: { _ in nil },  // several lines for one key are summed (FinanceInstalments)
            describeDuplicate: "finance line")
    }
}

/// Other spellings of a partner (the configuration's `partners:`), matched ignoring case and spacing.
enum PartnerNames {
    static func key(_ name: String) -> String { name.collapsingSpaces.lowercased() }

    /// Every spelling, the canonical name included, to the canonical name.
    static func lookup(_ partners: [String: [String]]) -> [String: String] {
        var map: [String: String] = [:]
        for (name, spellings) in partners.sorted(by: { $0.key < $1.key }) {
            for spelling in [name] + spellings where map[key(spelling)] == nil {
                map[key(spelling)] = name.collapsingSpaces
            }
        }
        return map
    }
}
