/// Finance: contributions per partner, expenditure per category, the balance, and budgets.
enum FinanceTables {
    static func section(_ lines: [FinanceLine]?, supplied: Bool, year: FinancialYear, board: String?) -> ReportSection {
        var section = ReportSection(title: "Finance")
        guard let lines, !lines.isEmpty else {
            section.notes.append(MissingDataset.note("finance", files: "finance*.csv", supplied: supplied))
            return section
        }
        let previous = year.previous
        let years = [previous, year]
        let contributions = lines.filter { $0.kind == .contribution }
        let expenditure = lines.filter { $0.kind == .expenditure }
        let boardExpenditure = expenditure.filter { board == nil || $0.board?.caseInsensitiveEquals(board!) == true }
        func total(_ lines: [FinanceLine], _ y: FinancialYear) -> Money? {
            let inYear = lines.filter { $0.year == y }
            return inYear.isEmpty ? nil : Money(pence: inYear.total(\.amount.pence))
        }
        func shown(_ m: Money?) -> String { m?.formatted ?? "not recorded" }

        if contributions.contains(where: { years.contains($0.year) }) {
            let income = contributionTable(contributions, year: year)
            section.tables.append(income)
            section.charts.append(ChartSpec(id: "contributions", title: "Contributions per partner, \(previous) and \(year)",
                                            tableID: income.id, rows: Array(0..<max(income.rows.count - 1, 0)), seriesColumns: [1, 2],
                                            style: .bar, xAxisTitle: "Partner", yAxisTitle: "Contribution (£)"))
        }
        if let now = total(contributions, year) {
            section.paragraphs.append("Partner contributions totalled \(now.formatted) in \(year) (\(previous): \(shown(total(contributions, previous)))).")
        } else {
            section.paragraphs.append("Partner contributions in \(year): not recorded (\(previous): \(shown(total(contributions, previous)))).")
        }
        if boardExpenditure.contains(where: { years.contains($0.year) }) {
            let spend = expenditureTable(boardExpenditure, year: year, board: board)
            section.tables.append(spend)
            section.charts.append(ChartSpec(id: "expenditure", title: "\(board.map { "\($0) e" } ?? "E")xpenditure per category, \(previous) and \(year)",
                                            tableID: spend.id, rows: Array(0..<max(spend.rows.count - 1, 0)), seriesColumns: [1, 2],
                                            style: .bar, xAxisTitle: "Category", yAxisTitle: "Expenditure (£)"))
        } else {
            section.paragraphs.append("\(board.map { "\($0) expenditure" } ?? "Expenditure") in \(previous) and \(year): not recorded.")
        }
        if (contributions + expenditure).contains(where: { years.contains($0.year) }) {
            section.tables.append(balanceTable(contributions: contributions, expenditure: expenditure, boardExpenditure: boardExpenditure,
                                               year: year, board: board))
        }
        let budgets = lines.filter { $0.kind == .budget && ($0.year == year || $0.year == previous) }
        if !budgets.isEmpty { section.tables.append(budgetTable(budgets: budgets, contributions: contributions, year: year)) }

        if let allSpend = total(expenditure, year), board != nil, allSpend != total(boardExpenditure, year) {
            section.paragraphs.append("Overall expenditure across all boards for \(year) was \(allSpend.formatted).")
        }
        return section
    }

    /// Amount per line name for one year, in order of first appearance; nil where a line has no record that year.
    static func byLine(_ lines: [FinanceLine], years: [FinancialYear]) -> [(String, [Money?])] {
        var order: [String] = []
        var names: [String: String] = [:]
        var amounts: [String: [FinancialYear: Money]] = [:]
        for l in lines where years.contains(l.year) {
            let key = l.line.lowercased()
            if names[key] == nil { names[key] = l.line; order.append(key) }
            amounts[key, default: [:]][l.year, default: .zero] += l.amount
        }
        return order.map { key in (names[key]!, years.map { amounts[key]?[$0] }) }
    }

    static func contributionTable(_ contributions: [FinanceLine], year: FinancialYear) -> ReportTable {
        var table = ReportTable(id: "finance-contributions", title: "Contributions from partners, \(year.previous) and \(year)",
                                columns: YearOnYear.columns("Partner", year, kind: .money) + [ReportColumn("Share of \(year)", .percent(decimals: 0))])
        let lines = byLine(contributions, years: [year.previous, year])
        for (name, amounts) in lines {
            table.rows.append(ReportRow(YearOnYear.cells(label: name, old: amounts[0].map(Amount.money),
                                                         new: amounts[1].map(Amount.money), row: table.rows.count)))
        }
        table.rows.append(YearOnYear.totalRow(label: "Total income", rows: 0..<lines.count, table: table, kind: { .money(Money(pence: $0)) }))
        let totalRow = table.rows.count - 1
        let total = table.rows[totalRow].cells[2].value
        for r in 0...totalRow {
            let share: ReportCell
            if case .money(let part) = table.rows[r].cells[2].value, case .money(let whole) = total, let ratio = Ratio(part.pence, whole.pence) {
                share = ReportCell(.percent(ratio), derivation: .share(CellRef(row: r, column: 2), of: CellRef(row: totalRow, column: 2)))
            } else {
                share = ReportCell(.notApplicable)
            }
            table.rows[r].cells.append(share)
        }
        let oneYear = lines.filter { ($0.1[0] == nil) != ($0.1[1] == nil) }.map(\.0)
        if !oneYear.isEmpty {
            table.notes.append("N/A: no contribution recorded that year from \(oneYear.joined(separator: ", ")).")
        }
        return table
    }

    static func expenditureTable(_ expenditure: [FinanceLine], year: FinancialYear, board: String?) -> ReportTable {
        var table = ReportTable(id: "finance-expenditure",
                                title: "\(board.map { "\($0) expenditure" } ?? "Expenditure"), \(year.previous) and \(year)",
                                columns: YearOnYear.columns("Category", year, kind: .money))
        let lines = byLine(expenditure, years: [year.previous, year])
        for (name, amounts) in lines {
            table.rows.append(ReportRow(YearOnYear.cells(label: name, old: amounts[0].map(Amount.money),
                                                         new: amounts[1].map(Amount.money), row: table.rows.count)))
        }
        table.rows.append(YearOnYear.totalRow(label: "Total expenditure", rows: 0..<lines.count, table: table, kind: { .money(Money(pence: $0)) }))
        return table
    }

    static func balanceTable(contributions: [FinanceLine], expenditure: [FinanceLine], boardExpenditure: [FinanceLine],
                             year: FinancialYear, board: String?) -> ReportTable {
        var table = ReportTable(id: "finance-balance", title: "Income and expenditure, \(year.previous) and \(year)",
                                columns: YearOnYear.columns("Measure", year, kind: .money))
        func amount(_ lines: [FinanceLine], _ y: FinancialYear) -> Amount? {
            let inYear = lines.filter { $0.year == y }
            return inYear.isEmpty ? nil : .money(Money(pence: inYear.total(\.amount.pence)))
        }
        func add(_ label: String, _ lines: [FinanceLine]) {
            table.rows.append(ReportRow(YearOnYear.cells(label: label, old: amount(lines, year.previous), new: amount(lines, year),
                                                         row: table.rows.count)))
        }
        add("Total income", contributions)
        let separateBoard = board != nil && Set(expenditure.map { $0.board?.lowercased() ?? "" }).count > 1
        if separateBoard { add("Expenditure, \(board!)", boardExpenditure) }
        add(separateBoard ? "Expenditure, all boards" : "Total expenditure", expenditure)
        let allRow = table.rows.count - 1
        var cells = YearOnYear.cells(label: "Income less expenditure",
                                     old: difference(table.rows[0].cells[1].value, table.rows[allRow].cells[1].value),
                                     new: difference(table.rows[0].cells[2].value, table.rows[allRow].cells[2].value),
                                     row: table.rows.count)
        for c in 1...2 where cells[c].value != .notApplicable {
            cells[c].derivation = .difference(CellRef(row: 0, column: c), minus: CellRef(row: allRow, column: c))
        }
        table.rows.append(ReportRow(cells, role: .total))
        return table
    }

    private static func difference(_ a: CellValue, _ b: CellValue) -> Amount? {
        guard case .money(let x) = a, case .money(let y) = b else { return nil }
        return .money(x - y)
    }

    static func budgetTable(budgets: [FinanceLine], contributions: [FinanceLine], year: FinancialYear) -> ReportTable {
        var table = ReportTable(id: "finance-budget", title: "Contributions received against agreed, \(year)",
                                columns: [ReportColumn("Partner", .label), ReportColumn("Agreed", .money), ReportColumn("Received", .money),
                                          ReportColumn("Difference", .money), ReportColumn("% received", .percent(decimals: 0))])
        let agreed = byLine(budgets, years: [year])
        let received = Dictionary(byLine(contributions, years: [year]).map { ($0.0.lowercased(), $0.1[0]) }, uniquingKeysWith: { a, _ in a })
        for (name, amounts) in agreed {
            let r = table.rows.count
            let got = received[name.lowercased()] ?? nil
            var cells: [ReportCell] = [.text(name), .money(amounts[0]), .money(got)]
            if let a = amounts[0], let g = got {
                cells.append(ReportCell(.money(g - a), derivation: .difference(CellRef(row: r, column: 2), minus: CellRef(row: r, column: 1))))
                cells.append(ReportCell(Ratio(g.pence, a.pence).map(CellValue.percent) ?? .notApplicable,
                                        derivation: .share(CellRef(row: r, column: 2), of: CellRef(row: r, column: 1))))
            } else {
                cells += [ReportCell(.notApplicable), ReportCell(.notApplicable)]
            }
            table.rows.append(ReportRow(cells))
        }
        return table
    }
}

extension String {
    func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
