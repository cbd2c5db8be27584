/// `audits*.csv`: one row per agency per multi-agency case audit.
enum CaseAudits {
    static let schema = DatasetSchema(
        name: "audits",
        columns: [
            .init("audit", aliases: ["audit name", "theme", "audit theme", "topic"], required: true),
            .init("date", aliases: ["audit date", "date of audit", "held"], required: true),
            .init("agency", aliases: ["organisation", "organization", "partner"], required: true),
            .init("cases", aliases: ["cases audited", "audited", "number audited"], required: true),
            .init("selected", aliases: ["cases selected", "sample", "sample size"]),
            .init("outstanding"),
            .init("good"),
            .init("requires improvement", aliases: ["requires_improvement", "ri"]),
            .init("inadequate"),
        ], typed: ["date", "cases", "selected", "outstanding", "good", "requires improvement", "inadequate"],
        datedBy: "date")

    static let gradeColumns: [(String, CaseAuditRow.Grade)] = [
        ("outstanding", .outstanding), ("good", .good), ("requires improvement", .requiresImprovement),
        ("inadequate", .inadequate),
    ]

    static func ingester() -> FileIngester<CaseAuditRow> {
        FileIngester(
            schema: schema,
            parse: { row in
                let audit = row.required("audit", "the audit's name or theme")
                let date = row.date("date")
                let agency = row.required("agency", "the agency that audited its records")
                let cases = row.count("cases")
                let selected = row.text("selected") == nil ? nil : row.count("selected")
                var grades: [CaseAuditRow.Grade: Int64] = [:]
                for (column, grade) in gradeColumns where row.text(column) != nil {
                    if let n = row.count(column) { grades[grade] = n }
                }
                if let cases, let selected, cases > selected {
                    row.fail(
                        "cases",
                        "\(cases) cases audited of \(selected) selected; expected no more than the cases selected")
                }
                let graded = grades.values.reduce(0, +)
                if let cases, graded > cases {
                    row.fail(
                        gradeColumns.last { grades[$0.1] != nil }!.0,
                        "\(graded) cases graded of \(cases) audited; expected no more than the cases audited")
                }
                guard let audit, let date, let agency, let cases, row.problems.isEmpty else { return nil }
                return CaseAuditRow(
                    audit: audit, date: date, agency: agency, cases: cases, selected: selected, grades: grades,
                    source: SourceLocation(file: row.file, line: row.record.line))
            }, duplicateKey: { "\($0.audit.lowercased())|\($0.date)|\($0.agency.lowercased())" },
            describeDuplicate: "audit row (same audit, date and agency)")
    }
}

extension CaseAudits {
    /// An audit's rows that give different `selected` figures: an error at the later row.
    static func selectedConflicts(_ rows: [CaseAuditRow]) -> [Diagnostic] {
        var first: [String: CaseAuditRow] = [:]
        var errors: [Diagnostic] = []
        for r in rows {
            guard let selected = r.selected else { continue }
            let key = "\(r.audit.lowercased())|\(r.date)"
            guard let earlier = first[key] else {
                first[key] = r
                continue
            }
            if earlier.selected != selected {
                errors.append(
                    Diagnostic(
                        .error, file: r.source.file, line: r.source.line, column: nil,
                        "audit '\(r.audit)' on \(r.date) has \(selected) cases selected here but \(earlier.selected!) at \(earlier.source); expected the same cases selected on each of its rows"
                    ))
            }
        }
        return errors
    }
}
