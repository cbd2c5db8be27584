/// `recommendations*.csv`: one row per recommendation of a review or an audit, with its
/// status. Its text (`recommendation`) may be there and is withheld, never read.
enum Recommendations {
    static let schema = DatasetSchema(
        name: "recommendations",
        columns: [
            .init("source", aliases: ["review", "reference", "review reference", "audit", "from"], required: true),
            .init(
                "number",
                aliases: [
                    "no", "no.", "recommendation number", "recommendation no", "recommendation no.",
                    "rec no", "rec no.", "rec. no.", "rec number", "ref",
                ]),
            .init("owner", aliases: ["agency", "lead", "lead agency", "responsible", "owner agency"]),
            .init("agreed", aliases: ["agreed date", "date agreed", "date"]),
            .init("due", aliases: ["due date", "target date", "target", "deadline"]),
            .init("status", aliases: ["progress", "rag", "rag status", "brag", "brag status"], required: true),
            .init("completed", aliases: ["completed date", "date completed", "completion date", "closed"]),
            .init("recommendation", aliases: ["text", "action", "description", "recommendation text"]),
        ], personal: ["recommendation"], typed: ["source", "number", "agreed", "due", "status", "completed"])

    /// Status words and their aliases (SPEC): what offices write in a tracker. Colours are read
    /// by the file's scheme (`colours`), not here.
    static let statuses: [(String, Recommendation.Status)] = [
        ("not started", .notStarted), ("not yet started", .notStarted),
        ("in progress", .inProgress), ("open", .inProgress), ("on track", .inProgress), ("ongoing", .inProgress),
        ("at risk", .inProgress), ("off track", .inProgress),
        ("complete", .complete), ("completed", .complete), ("closed", .complete), ("done", .complete),
        ("impact evidenced", .impactEvidenced), ("embedded", .impactEvidenced),
    ]

    /// The colours of a RAG tracker, where they are stages (Red not started, Amber in progress,
    /// Green complete), and of a BRAG tracker, where Blue is complete and the others rate the
    /// progress of a started one (Green on track, Amber at risk, Red off track).
    static func colours(brag: Bool) -> [(String, Recommendation.Status)] {
        brag
            ? [("blue", .complete), ("green", .inProgress), ("amber", .inProgress), ("red", .inProgress)]
            : [("red", .notStarted), ("amber", .inProgress), ("green", .complete)]
    }

    /// The trait of a file read as a BRAG tracker (`RowReader.fileTraits`).
    static let bragTrait = "brag"

    static func ingester() -> FileIngester<Recommendation> {
        var ingester = FileIngester<Recommendation>(
            schema: schema,
            parse: { row in
                let source = row.required(
                    "source", "the reference of the review (or the name of the audit) it comes from")
                let brag = row.fileTraits.contains(bragTrait)
                var status = row.choice("status", statuses + colours(brag: brag), default: nil)
                let agreed = row.date("agreed", required: false)
                let due = row.date("due", required: false)
                let completed = row.date("completed", required: false)
                // A BRAG tracker's Green row with a completed date was completed and not yet turned
                // Blue: complete, named in the file's note (`TrackerColours`).
                if brag, completed != nil, row.text("status").map(TrackerColours.isGreen) == true { status = .complete }
                if let completed, let status, !status.isComplete {
                    row.fail(
                        "completed",
                        "completed \(completed) but status '\(status.rawValue)'; expected status complete (or impact evidenced), or no completed date"
                    )
                }
                if let agreed, let completed, completed < agreed {
                    row.fail(
                        "completed", "completed \(completed) before it was agreed \(agreed); expected a later date")
                }
                if let agreed, let due, due < agreed {
                    row.fail("due", "due \(due) before it was agreed \(agreed); expected a later date")
                }
                guard let source, let status, row.problems.isEmpty else { return nil }
                return Recommendation(
                    source: source, number: row.text("number"), owner: row.text("owner"), agreed: agreed, due: due,
                    status: status, completed: completed,
                    location: SourceLocation(file: row.file, line: row.record.line))
            }, duplicateKey: { r in r.number.map { "\(r.source.lowercased())|\($0.lowercased())" } },
            describeDuplicate: "recommendation (same source and number)")
        ingester.fileScan = TrackerColours.scan
        return ingester
    }
}
