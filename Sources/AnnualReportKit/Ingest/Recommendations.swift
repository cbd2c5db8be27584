/// `recommendations*.csv`: one row per recommendation of a review or an audit, with its
/// status. Its text (`recommendation`) may be there and is withheld, never read.
enum Recommendations {
    static let schema = DatasetSchema(name: "recommendations", columns: [
        .init("source", aliases: ["review", "reference", "review reference", "audit", "from"], required: true),
        .init("number", aliases: ["no", "no.", "recommendation number", "rec no", "ref"]),
        .init("owner", aliases: ["agency", "lead", "lead agency", "responsible", "owner agency"]),
        .init("agreed", aliases: ["agreed date", "date agreed", "date"]),
        .init("due", aliases: ["due date", "target date", "target", "deadline"]),
        .init("status", aliases: ["progress", "rag", "rag status"], required: true),
        .init("completed", aliases: ["completed date", "date completed", "completion date", "closed"]),
        .init("recommendation", aliases: ["text", "action", "description", "recommendation text"]),
    ], personal: ["recommendation"], typed: ["source", "number", "agreed", "due", "status", "completed"])

    /// Status words and their aliases (SPEC): what offices write in a tracker.
    static let statuses: [(String, Recommendation.Status)] = [
        ("not started", .notStarted), ("not yet started", .notStarted), ("red", .notStarted),
        ("in progress", .inProgress), ("open", .inProgress), ("on track", .inProgress), ("ongoing", .inProgress), ("amber", .inProgress),
        ("complete", .complete), ("completed", .complete), ("closed", .complete), ("done", .complete), ("green", .complete), ("blue", .complete),
        ("impact evidenced", .impactEvidenced), ("embedded", .impactEvidenced),
    ]

    static func ingester() -> FileIngester<Recommendation> {
        FileIngester(schema: schema, parse: { row in
            let source = row.required("source", "the reference of the review (or the name of the audit) it comes from")
            let status = row.choice("status", statuses, default: nil)
            let agreed = row.date("agreed", required: false), due = row.date("due", required: false)
            let completed = row.date("completed", required: false)
            if let completed, let status, !status.isComplete {
                row.fail("completed", "completed \(completed) but status '\(status.rawValue)'; expected status complete (or impact evidenced), or no completed date")
            }
            if let agreed, let completed, completed < agreed {
                row.fail("completed", "completed \(completed) before it was agreed \(agreed); expected a later date")
            }
            if let agreed, let due, due < agreed {
                row.fail("due", "due \(due) before it was agreed \(agreed); expected a later date")
            }
            guard let source, let status, row.problems.isEmpty else { return nil }
            return Recommendation(source: source, number: row.text("number"), owner: row.text("owner"), agreed: agreed, due: due,
                                  status: status, completed: completed, location: SourceLocation(file: row.file, line: row.record.line))
        }, duplicateKey: { r in r.number.map { "\(r.source.lowercased())|\($0.lowercased())" } },
           describeDuplicate: "recommendation (same source and number)")
    }
}
