/// Training video views per category and video, and the total reach counting each video once.
enum VideoTables {
    static func section(_ videos: [VideoViews]?, supplied: Bool, year: FinancialYear) -> (ReportSection, [String]) {
        var section = ReportSection(title: "Training videos")
        guard let videos, !videos.isEmpty else {
            section.notes.append(MissingDataset.note("video", files: "videos*.csv", supplied: supplied))
            return (section, [])
        }
        let coverage = YearCoverage(videos.map(\.year))
        guard coverage.covers(year) else {
            section.paragraphs.append(
                "Training video views in \(year): not recorded (the video records cover \(coverage.description)).")
            return (section, [])
        }
        let inYear = videos.filter { $0.year == year }
        let words = Wording(inYear.isEmpty ? videos : inYear)
        guard !inYear.isEmpty else {
            section.paragraphs.append(
                "Training videos were \(words.verb) 0 times in \(year): the video records cover \(coverage.description), with none in \(year)."
            )
            return (section, [])
        }
        var table = ReportTable(
            id: "videos", title: "\(words.title), \(year)",
            columns: [
                ReportColumn("Category", .label), ReportColumn("Video", .text), ReportColumn(words.column, .count),
            ])
        let categoryRows = appendCategories(inYear, to: &table)
        let listed = inYear.total(\.views)
        table.rows.append(
            ReportRow(
                [
                    .text("Total views as listed"), .empty,
                    ReportCell(.count(listed), derivation: .sum(categoryRows.map { CellRef(row: $0, column: 2) })),
                ],
                role: .total))
        // A video listed under several categories is one video: its views count once in the reach.
        let (seen, repeats) = repeated(inYear)
        let notes = appendReach(listed: listed, repeats: repeats, seen: seen, to: &table)
        // Its notes first: the table is a value, copied into the section.
        if let mixed = words.mixedNote { table.notes.append(mixed) }
        table.notes += ExportPeriod.notes(inYear, year: year)
        section.tables.append(table)
        let reach = repeats.isEmpty ? listed : listed - repeats.total(\.views)
        section.paragraphs.append(
            "Training videos were \(words.verb) \(Count.grouped(reach)) times in \(year)"
                + (repeats.isEmpty
                    ? "."
                    : " (\(Count.grouped(listed)) as listed by category, with \(repeats.count == 1 ? "one video" : "\(repeats.count) videos") listed twice).")
                + ExportPeriod.notes(inYear, year: year).map { " " + $0 }.joined())
        return (section, notes)
    }

    /// Appends a group row per category (in order of first appearance) and a row per video
    /// under it; returns the group rows, which the total sums.
    private static func appendCategories(_ inYear: [VideoViews], to table: inout ReportTable) -> [Int] {
        var categories: [String] = []
        var byCategory: [String: [VideoViews]] = [:]
        for v in inYear {
            if byCategory[v.category] == nil { categories.append(v.category) }
            byCategory[v.category, default: []].append(v)
        }
        var categoryRows: [Int] = []
        for category in categories {
            let rows = byCategory[category]!
            let groupAt = table.rows.count
            categoryRows.append(groupAt)
            let videosInCategory = rows.filter { $0.video != nil }
            let level = rows.filter { $0.video == nil }.total(\.views)
            let refs = (0..<videosInCategory.count).map { CellRef(row: groupAt + 1 + $0, column: 2) }
            let total = rows.total(\.views)
            let derivation: Derivation? = videosInCategory.isEmpty || level != 0 ? nil : .sum(refs)
            if videosInCategory.count == 1 && level == 0 && videosInCategory[0].video == category {
                table.rows.append(ReportRow([.text(category), .text(category), .count(total)], role: .group))
                continue
            }
            table.rows.append(
                ReportRow([.text(category), .empty, ReportCell(.count(total), derivation: derivation)], role: .group))
            for v in videosInCategory {
                table.rows.append(ReportRow([.empty, .text(v.video!), .count(v.views)]))
            }
        }
        return categoryRows
    }

    /// Each video by its identity, first listing, and the later listings of a video already seen.
    private static func repeated(_ inYear: [VideoViews]) -> (seen: [String: VideoViews], repeats: [VideoViews]) {
        var seen: [String: VideoViews] = [:]
        var repeats: [VideoViews] = []
        for v in inYear {
            guard let id = v.identity else { continue }
            if seen[id] != nil { repeats.append(v) } else { seen[id] = v }
        }
        return (seen, repeats)
    }

    /// Renames the total row as the reach, or, with videos listed twice, appends the rows that
    /// take them out; returns the data-quality notes naming each repeat's file and line.
    private static func appendReach(
        listed: Int64, repeats: [VideoViews], seen: [String: VideoViews], to table: inout ReportTable
    ) -> [String] {
        var notes: [String] = []
        if repeats.isEmpty {
            table.rows[table.rows.count - 1].cells[0] = .text("Total reach")
        } else {
            let listedRow = table.rows.count - 1
            let repeated = repeats.total(\.views)
            table.rows.append(
                ReportRow([.text("Less videos listed in more than one category"), .empty, .count(repeated)]))
            table.rows.append(
                ReportRow(
                    [
                        .text("Total reach, each video counted once"), .empty,
                        ReportCell(
                            .count(listed - repeated),
                            derivation: .difference(
                                CellRef(row: listedRow, column: 2),
                                minus: CellRef(row: listedRow + 1, column: 2))),
                    ],
                    role: .total))
            for r in repeats {
                let first = seen[r.identity!]!
                // The reader's table says what; the data-quality note also says where (file and line).
                let what = "'\(r.video ?? r.category)' is listed under both '\(first.category)' and '\(r.category)'"
                let counted = "its \(Count.grouped(r.views)) views count once in the total reach."
                table.notes.append("\(what); \(counted)")
                notes.append("\(what) (\(first.source), \(r.source)); \(counted)")
            }
        }
        return notes
    }
}

/// The metric's own words: YouTube's views are "viewed", completions are "fully watched".
struct Wording {
    let metrics: Set<VideoMetric>
    init(_ videos: [VideoViews]) { metrics = Set(videos.map(\.metric)) }

    var verb: String {
        switch metrics {
        case [.views]: return "viewed"
        case [.fullyWatched]: return "fully watched"
        default: return "viewed or fully watched"
        }
    }

    var title: String {
        switch metrics {
        case [.views]: return "Training video views"
        case [.fullyWatched]: return "Training videos fully watched"
        default: return "Training video views and completions"
        }
    }

    /// The video table's figure column.
    var column: String {
        switch metrics {
        case [.views]: return "Views"
        case [.fullyWatched]: return "Fully watched"
        default: return "Views or completions"
        }
    }

    /// A priority's video figure in a sentence, in the metric's own word and counted as times:
    /// YouTube's views are plays, and a completion is one video watched to its end, so one
    /// person can count several times (the published report's "432 people watched" counted
    /// completions as people, a claim the figures cannot make).
    func reach(_ n: Int64) -> String {
        "its training videos were \(metrics.isEmpty ? "watched" : verb) \(Count.grouped(n)) time\(n == 1 ? "" : "s")"
    }

    /// The reach chart's title and value axis: people trained, stacked with the videos' own count.
    func reachChart(_ year: FinancialYear) -> (title: String, axis: String) {
        switch metrics {
        case [.views]: ("People trained, and training video views, per priority, \(year)", "People trained; views")
        case [.fullyWatched]:
            (
                "People trained, and training videos fully watched, per priority, \(year)",
                "People trained; times fully watched"
            )
        case []: ("People trained, and training videos watched, per priority, \(year)", "People trained; times watched")
        default:
            (
                "People trained, and training video views and completions, per priority, \(year)",
                "People trained; views and completions"
            )
        }
    }

    var mixedNote: String? {
        metrics.count > 1
            ? "The figures mix views (plays) and completions (fully watched), as the sources give them." : nil
    }
}

extension VideoTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        let videos = context.records.videos
        let (built, notes) = section(context.usable(videos), supplied: videos != nil, year: context.year)
        return SectionOutput(built, dataQualityNotes: notes)
    }
}
