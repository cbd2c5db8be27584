/// Multi-agency case audits: per audit in the year, the cases selected and each agency's
/// cases audited and grades; the grades' shares; per agency, cases audited in the year and
/// the year before.
enum AuditTables {
    static func section(_ rows: [CaseAuditRow]?, supplied: Bool, year: FinancialYear) -> ReportSection? {
        guard supplied else { return nil }
        var section = ReportSection(title: "Multi-agency case audits")
        guard let rows, !rows.isEmpty else {
            section.notes.append(MissingDataset.note("audit", files: "audits*.csv", supplied: true))
            return section
        }
        let coverage = YearCoverage(rows.map(\.year))
        guard coverage.covers(year) else {
            section.paragraphs.append(
                "Multi-agency case audits in \(year): not recorded (the audit records cover \(coverage.description)).")
            return section
        }
        let current = rows.filter { $0.year == year }
        let previous = rows.filter { $0.year == year.previous }
        section.paragraphs.append(
            headline(current, year: year, previous: coverage.recorded(year.previous) { previous }))
        guard !current.isEmpty else { return section }
        section.tables.append(auditTable(current, year: year))
        if current.contains(where: { !$0.grades.isEmpty }) { section.tables.append(gradeTable(current, year: year)) }
        let agencies = agencyTable(
            current: current, previous: coverage.recorded(year.previous) { previous }, year: year)
        section.tables.append(agencies)
        section.charts.append(
            ChartSpec(
                id: "audits-agencies", title: "Cases audited per agency, \(year.previous) and \(year)",
                tableID: agencies.id, rows: Array(0..<(agencies.rows.count - 1)), seriesColumns: [1, 2],
                style: .bar, xAxisTitle: "Agency", yAxisTitle: "Cases audited"))
        return section
    }

    /// Audits in file order of their first row.
    static func audits(_ rows: [CaseAuditRow]) -> [(name: String, date: CalendarDate, rows: [CaseAuditRow])] {
        var order: [String] = []
        var byKey: [String: [CaseAuditRow]] = [:]
        for r in rows {
            let key = "\(r.audit.lowercased())|\(r.date)"
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(r)
        }
        return order.map { (byKey[$0]![0].audit, byKey[$0]![0].date, byKey[$0]!) }
            .sorted { ($0.date, $0.name) < ($1.date, $1.name) }
    }

    static func headline(_ current: [CaseAuditRow], year: FinancialYear, previous: [CaseAuditRow]?) -> String {
        func phrase(_ rows: [CaseAuditRow]) -> String {
            let n = audits(rows).count
            let cases = rows.reduce(Int64(0)) { $0 + $1.cases }
            let agencies = Set(rows.map { $0.agency.lowercased() }).count
            return
                "\(Count.grouped(n)) audit\(n == 1 ? "" : "s"), \(Count.grouped(cases)) case\(cases == 1 ? "" : "s") audited by \(Count.grouped(agencies)) agenc\(agencies == 1 ? "y" : "ies")"
        }
        let before = previous.map { $0.isEmpty ? "none" : phrase($0) } ?? "not recorded"
        if current.isEmpty { return "No multi-agency case audit was held in \(year) (\(year.previous): \(before))." }
        return "Multi-agency case audits in \(year): \(phrase(current)) (\(year.previous): \(before))."
    }

    static let grades = CaseAuditRow.Grade.allCases

    static func auditTable(_ rows: [CaseAuditRow], year: FinancialYear) -> ReportTable {
        var table = ReportTable(
            id: "audits", title: "Multi-agency case audits, \(year)",
            columns: [
                ReportColumn("Audit and agency", .label), ReportColumn("Cases selected", .count),
                ReportColumn("Cases audited", .count),
            ] + grades.map { ReportColumn($0.rawValue, .count) })
        for audit in audits(rows) {
            let groupRow = table.rows.count
            table.rows.append(ReportRow([]))  // filled in below, once its agencies' rows are there
            let graded = audit.rows.contains { !$0.grades.isEmpty }
            for r in audit.rows {
                table.rows.append(
                    ReportRow(
                        [.text(r.agency), .empty, .count(r.cases)]
                            + grades.map { g in r.grades.isEmpty ? ReportCell(.notApplicable) : .count(r.grades[g] ?? 0)
                            }))
            }
            let body = (groupRow + 1)..<table.rows.count
            func sum(_ c: Int) -> ReportCell {
                var total: Int64 = 0
                var any = false
                for i in body {
                    if case .count(let n) = table.rows[i].cells[c].value {
                        total += n
                        any = true
                    }
                }
                return ReportCell(
                    any ? .count(total) : .notApplicable, derivation: .sum(body.map { CellRef(row: $0, column: c) }))
            }
            let selected = audit.rows.compactMap(\.selected).first
            table.rows[groupRow] = ReportRow(
                [
                    .text("\(audit.name) (\(audit.date))"),
                    selected.map(ReportCell.count) ?? ReportCell(.notApplicable), sum(2),
                ]
                    + grades.indices.map { graded ? sum(3 + $0) : ReportCell(.notApplicable) }, role: .group)
        }
        table.notes.append(
            "Cases selected: the cases chosen for the audit; each agency audits those it knows. Grades: N/A where the audit or the agency did not grade its cases."
        )
        return table
    }

    static func gradeTable(_ rows: [CaseAuditRow], year: FinancialYear) -> ReportTable {
        var table = ReportTable(
            id: "audit-grades", title: "Cases graded in multi-agency case audits, \(year)",
            columns: [
                ReportColumn("Grade", .label), ReportColumn("Cases", .count),
                ReportColumn("Share", .percent(decimals: 0)),
            ])
        let totalRow = grades.count
        let total = rows.reduce(Int64(0)) { $0 + $1.grades.values.reduce(0, +) }
        for (i, g) in grades.enumerated() {
            let n = rows.reduce(Int64(0)) { $0 + ($1.grades[g] ?? 0) }
            table.rows.append(
                ReportRow([
                    .text(g.rawValue), .count(n),
                    ReportCell(
                        Ratio(n, total).map(CellValue.percent) ?? .notApplicable,
                        derivation: .share(CellRef(row: i, column: 1), of: CellRef(row: totalRow, column: 1))),
                ]))
        }
        var totalCells = TableRows.sumRow("Total graded", columns: 1...1, table: table).cells
        totalCells[2] = ReportCell(
            Ratio(total, total).map(CellValue.percent) ?? .notApplicable,
            derivation: .share(CellRef(row: totalRow, column: 1), of: CellRef(row: totalRow, column: 1)))
        table.rows.append(ReportRow(totalCells, role: .total))
        let ungraded = rows.filter { $0.grades.isEmpty }.reduce(Int64(0)) { $0 + $1.cases }
        if ungraded > 0 {
            table.notes.append(
                "\(Count.grouped(ungraded)) audited case\(ungraded == 1 ? " was" : "s were") not graded and \(ungraded == 1 ? "is" : "are") not in this table."
            )
        }
        return table
    }

    /// Agencies by name as first written; `previous` nil when the year before is not recorded.
    static func agencyTable(current: [CaseAuditRow], previous: [CaseAuditRow]?, year: FinancialYear) -> ReportTable {
        var table = ReportTable(
            id: "audits-agencies", title: "Cases audited per agency, \(year.previous) and \(year)",
            columns: [
                ReportColumn("Agency", .label), ReportColumn(year.previous.label, .count),
                ReportColumn(year.label, .count),
            ])
        var names: [String: String] = [:]
        var order: [String] = []
        for r in (previous ?? []) + current where names[r.agency.lowercased()] == nil {
            names[r.agency.lowercased()] = r.agency
            order.append(r.agency.lowercased())
        }
        func cases(_ rows: [CaseAuditRow]?, _ key: String) -> ReportCell {
            guard let rows else { return ReportCell(.notApplicable) }
            return .count(rows.filter { $0.agency.lowercased() == key }.reduce(Int64(0)) { $0 + $1.cases })
        }
        for key in order.sorted(by: { names[$0]! < names[$1]! }) {
            table.rows.append(ReportRow([.text(names[key]!), cases(previous, key), cases(current, key)]))
        }
        table.rows.append(TableRows.sumRow("Total", columns: 1...2, table: table))
        if previous == nil { table.notes.append("N/A: no audit records for \(year.previous).") }
        return table
    }
}

extension AuditTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        let audits = context.records.audits
        return SectionOutput(section(audits, supplied: audits != nil, year: context.year))
    }
}
