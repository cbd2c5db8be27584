/// `videos*.csv`: the views of each video or video category per financial year (or date),
/// with its priorities; a category's own row beside its videos is their control total.
extension DatasetSchema {
    static let videos = DatasetSchema(
        name: "videos",
        columns: [
            Column("year", aliases: ["financial year"]),
            Column("date"),
            Column("category", aliases: ["name of category"], required: true),
            Column("video", aliases: ["title", "name of video", "video title"]),
            Column("video_id", aliases: ["id", "url", "video url"]),
            // The header says what the figures count: `views` are plays; the others, completions.
            Column(
                "views", aliases: ["total seen by", "watched", "fully watched", "completions", "completed views"],
                required: true),
            Column("priorities", aliases: ["priority", "business priorities"]),
        ], totalled: [Totalled("views")], totalKeys: ["year", "category"],
        typed: ["year", "date", "video_id", "views", "priorities"])
}

extension DatasetParsers {
    /// Views per year and category, each video once; a category's own row beside its videos is
    /// checked against their sum (`GroupTotals`), not counted again.
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
}
