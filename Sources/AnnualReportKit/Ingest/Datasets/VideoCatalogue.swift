/// The video catalogue: what a platform's export does not know about each video.
struct CatalogueEntry {
    var id: String?
    var title: String?
    var categories: [String]
    var priorities: [Priority]
    var source: SourceLocation
}

extension DatasetSchema {
    /// `catalogue*.csv`: one row per video with its categories `;`-separated, or one row per
    /// video and category as a spreadsheet lists it (the rows of one video are merged).
    static let catalogue = DatasetSchema(
        name: "catalogue",
        columns: [
            .init("video_id", aliases: ["id", "content", "url", "video url"]),
            .init("video", aliases: ["title", "video title"]),
            .init("category", aliases: ["categories"], required: true),
            .init("priorities", aliases: ["priority", "business priorities"]),
        ], typed: ["video_id", "priorities"])
}

/// Reads the video catalogue, and gives a platform's exported videos their categories and priorities from it.
enum VideoCatalogue {
    static func ingester(catalog: PriorityCatalog) -> FileIngester<CatalogueEntry> {
        FileIngester(
            schema: .catalogue,
            parse: { row in
                let id = row.id("video_id")
                let title = row.label("video", "the video's title")
                if row.text("video_id") == nil && title == nil {
                    row.fail(
                        row.has("video_id") ? "video_id" : "video", "missing video; expected its id or its exact title")
                }
                let categories =
                    (row.requiredLabel(
                        "category", "the category (or categories, separated by ;) the report shows it under") ?? "")
                    .split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
                let priorities = row.priorities("priorities", catalog: catalog)
                guard id != nil || title != nil, !categories.isEmpty else { return nil }
                return CatalogueEntry(
                    id: id, title: title, categories: categories, priorities: priorities,
                    source: SourceLocation(file: row.file, line: row.record.line))
            },
            duplicateKey: { entry in
                // A video listed once per category is how a spreadsheet lists it; the same video
                // twice under the same category is the mistake.
                (entry.id.map { "id:" + $0 } ?? "title:" + (entry.title ?? "")) + "|"
                    + entry.categories.map { $0.lowercased() }.joined(separator: ";")
            }, describeDuplicate: "catalogue video (same id or title, and category)")
    }

    /// The catalogue with each video's rows merged: its categories and priorities in the
    /// order first listed, matched by id, or by title when a row has no id.
    static func merged(_ catalogue: [CatalogueEntry]) -> [CatalogueEntry] {
        var merged: [CatalogueEntry] = []
        var index: [String: Int] = [:]
        for entry in catalogue {
            let key = entry.id.map { "id:" + $0 } ?? "title:" + (entry.title ?? "")
            guard let at = index[key] else {
                index[key] = merged.count
                merged.append(entry)
                continue
            }
            for category in entry.categories
            where !merged[at].categories.contains(where: { $0.lowercased() == category.lowercased() }) {
                merged[at].categories.append(category)
            }
            for priority in entry.priorities where !merged[at].priorities.contains(priority) {
                merged[at].priorities.append(priority)
            }
            if merged[at].title == nil { merged[at].title = entry.title }
        }
        return merged
    }

    /// Each exported video as one row per catalogue category (a video in two categories counts
    /// once in the reach), or under "Uncategorised" with a note when the catalogue lacks it.
    static func videos(_ rows: [YouTubeExport.Row], catalogue: [CatalogueEntry]?) -> ([VideoViews], [Diagnostic]) {
        var byID: [String: CatalogueEntry] = [:]
        var byTitle: [String: CatalogueEntry] = [:]
        for entry in merged(catalogue ?? []) {
            if let id = entry.id, byID[id] == nil { byID[id] = entry }
            if let title = entry.title, byTitle[title] == nil { byTitle[title] = entry }
        }
        var videos: [VideoViews] = []
        var missing: [YouTubeExport.Row] = []
        for row in rows {
            let entry = row.id.flatMap { byID[$0] } ?? row.title.flatMap { byTitle[$0] }
            if entry == nil { missing.append(row) }
            for category in entry?.categories ?? ["Uncategorised"] {
                videos.append(
                    VideoViews(
                        year: row.year, category: category, video: row.title ?? row.id, videoID: row.id,
                        views: row.views,
                        priorities: entry?.priorities ?? [], source: row.source, metric: .views, period: row.period))
            }
        }
        var notes: [Diagnostic] = []
        if !missing.isEmpty {
            let file = missing[0].source.file
            let named = missing.prefix(10).map { "'\($0.title ?? $0.id ?? "")' (line \($0.source.line))" }.joined(
                separator: ", ")
            let more = missing.count > 10 ? " and \(missing.count - 10) more" : ""
            notes.append(
                Diagnostic(
                    .note, file: file, line: 0, column: nil,
                    catalogue == nil
                        ? "no catalogue*.csv, so every exported video (\(missing.count)) is counted under Uncategorised; a catalogue gives each video's categories and priorities"
                        : "\(missing.count) exported video\(missing.count == 1 ? " is" : "s are") not in the catalogue and counted under Uncategorised: \(named)\(more)"
                ))
        }
        return (videos, notes)
    }

    /// A video in both a videos file and an export for the same year would be counted twice.
    static func conflicts(listed: [VideoViews], exported: [VideoViews]) -> [Diagnostic] {
        var seen: [String: SourceLocation] = [:]
        for v in listed { if let id = v.identity { seen["\(v.year)|\(id)"] = seen["\(v.year)|\(id)"] ?? v.source } }
        var reported = Set<String>()
        return exported.compactMap { v in
            guard let id = v.identity, let other = seen["\(v.year)|\(id)"], reported.insert("\(v.year)|\(id)").inserted
            else { return nil }
            return Diagnostic(
                .error, file: v.source.file, line: v.source.line, column: nil,
                "video '\(v.video ?? id)' in \(v.year) is also listed at \(other); expected each video's figures from the export or from the videos file, not both"
            )
        }
    }
}
