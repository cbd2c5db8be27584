/// Finance: contributions per partner, expenditure per category, the balance, and budgets.
enum FinanceTables {
    /// The finance section of `year` and the year before; `board` names the report's board in a
    /// ledger that holds several boards' lines.
    static func section(_ lines: [FinanceLine]?, supplied: Bool, year: FinancialYear, board: String?) -> ReportSection {
        var section = ReportSection(title: "Finance")
        guard let lines, !lines.isEmpty else {
            section.notes.append(MissingDataset.note("finance", files: "finance*.csv", supplied: supplied))
            return section
        }
        let split = Split(lines, board: board, year: year)
        addIncome(split, to: &section)
        addExpenditure(split, to: &section)
        addOtherBoards(split, to: &section)
        addBalanceAndBudgets(split, to: &section)
        addAllBoards(split, to: &section)
        return section
    }

    /// A combined ledger: the report's board's lines (a blank board is the report's) make its
    /// tables; each other board's lines make tables of their own and count only in the all-boards totals.
    private struct Split {
        let lines: [FinanceLine]
        let board: String?
        let year: FinancialYear
        let own: [FinanceLine]
        let otherBoards: [String]
        let allContributions: [FinanceLine]
        let contributions: [FinanceLine]
        let expenditure: [FinanceLine]
        let boardExpenditure: [FinanceLine]

        init(_ lines: [FinanceLine], board: String?, year: FinancialYear) {
            func isOwn(_ l: FinanceLine) -> Bool {
                guard let board, let b = l.board, !b.isEmpty else { return true }
                return b.caseInsensitiveEquals(board)
            }
            self.lines = lines
            self.board = board
            self.year = year
            own = lines.filter(isOwn)
            otherBoards = FinanceLine.boards(in: lines.filter { !isOwn($0) })
            allContributions = lines.filter { $0.kind == .contribution }
            contributions = own.filter { $0.kind == .contribution }
            expenditure = lines.filter { $0.kind == .expenditure }
            boardExpenditure = own.filter { $0.kind == .expenditure }
        }

        var previous: FinancialYear { year.previous }
        var years: [FinancialYear] { [year.previous, year] }
        /// Name the board in the contribution figures only when another board has contributions too.
        var othersContribute: Bool { allContributions.count != contributions.count }
        var separateBoards: Bool {
            !otherBoards.isEmpty || (board != nil && Set(expenditure.map { $0.board?.lowercased() ?? "" }).count > 1)
        }

        func total(_ lines: [FinanceLine], _ y: FinancialYear) -> Money? {
            let inYear = lines.filter { $0.year == y }
            return inYear.isEmpty ? nil : Money(pence: inYear.total(\.amount.pence))
        }
    }

    /// The contributions table and chart, and the sentence on the year's total.
    private static func addIncome(_ split: Split, to section: inout ReportSection) {
        let (year, previous, board, contributions) = (split.year, split.previous, split.board, split.contributions)
        func shown(_ m: Money?) -> String { m?.formatted ?? "not recorded" }
        if contributions.contains(where: { split.years.contains($0.year) }) {
            let income = contributionTable(contributions, year: year, board: split.othersContribute ? board : nil)
            section.tables.append(income)
            section.charts.append(
                ChartSpec(
                    id: "contributions", title: "Contributions per partner, \(previous) and \(year)",
                    tableID: income.id, rows: Array(0..<max(income.rows.count - 1, 0)), seriesColumns: [1, 2],
                    style: .bar, xAxisTitle: "Partner", yAxisTitle: "Contribution (£)"))
        }
        let whose = split.othersContribute ? "\(board!) " : ""
        if let now = split.total(contributions, year) {
            section.paragraphs.append(
                "\(whose.isEmpty ? "P" : whose + "p")artner contributions totalled \(now.formatted) in \(year) (\(previous): \(shown(split.total(contributions, previous))))."
            )
        } else {
            section.paragraphs.append(
                "\(whose.isEmpty ? "P" : whose + "p")artner contributions in \(year): not recorded (\(previous): \(shown(split.total(contributions, previous))))."
            )
        }
    }

    /// The report's board's expenditure table and chart, or the sentence saying it is not recorded.
    private static func addExpenditure(_ split: Split, to section: inout ReportSection) {
        let (year, previous, board) = (split.year, split.previous, split.board)
        if split.boardExpenditure.contains(where: { split.years.contains($0.year) }) {
            let spend = expenditureTable(split.boardExpenditure, year: year, board: board)
            section.tables.append(spend)
            section.charts.append(
                ChartSpec(
                    id: "expenditure",
                    title: "\(board.map { "\($0) e" } ?? "E")xpenditure per category, \(previous) and \(year)",
                    tableID: spend.id, rows: Array(0..<max(spend.rows.count - 1, 0)), seriesColumns: [1, 2],
                    style: .bar, xAxisTitle: "Category", yAxisTitle: "Expenditure (£)"))
        } else {
            section.paragraphs.append(
                "\(board.map { "\($0) expenditure" } ?? "Expenditure") in \(previous) and \(year): not recorded.")
        }
    }

    /// Each other board's contribution and expenditure tables.
    private static func addOtherBoards(_ split: Split, to section: inout ReportSection) {
        for other in split.otherBoards {
            let theirs = split.lines.filter { $0.board?.caseInsensitiveEquals(other) == true }
            let given = theirs.filter { $0.kind == .contribution && split.years.contains($0.year) }
            if !given.isEmpty { section.tables.append(contributionTable(given, year: split.year, board: other)) }
            let spent = theirs.filter { $0.kind == .expenditure && split.years.contains($0.year) }
            if !spent.isEmpty {
                section.tables.append(expenditureTable(spent, year: split.year, board: other, otherBoard: true))
            }
        }
    }

    /// The balance table, and the report's board's budgets of the two years.
    private static func addBalanceAndBudgets(_ split: Split, to section: inout ReportSection) {
        let year = split.year
        if (split.allContributions + split.expenditure).contains(where: { split.years.contains($0.year) }) {
            section.tables.append(
                balanceTable(
                    contributions: split.contributions, allContributions: split.allContributions,
                    expenditure: split.expenditure, boardExpenditure: split.boardExpenditure, year: year,
                    board: split.separateBoards ? split.board : nil))
        }
        let budgets = split.own.filter { $0.kind == .budget && ($0.year == year || $0.year == split.previous) }
        if !budgets.isEmpty {
            section.tables.append(budgetTable(budgets: budgets, contributions: split.contributions, year: year))
        }
    }

    /// The all-boards totals, where other boards' lines make them differ from the report's board's.
    private static func addAllBoards(_ split: Split, to section: inout ReportSection) {
        let year = split.year
        if split.othersContribute, let all = split.total(split.allContributions, year) {
            section.paragraphs.append("Contributions across all boards for \(year) were \(all.formatted).")
        }
        if let allSpend = split.total(split.expenditure, year), split.board != nil,
            allSpend != split.total(split.boardExpenditure, year)
        {
            section.paragraphs.append("Overall expenditure across all boards for \(year) was \(allSpend.formatted).")
        }
    }

    /// The id of a board's table: `base` for the report's board, `base-sab` for another's.
    private static func tableID(_ base: String, board: String?) -> String {
        guard let board else { return base }
        let slug = board.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return base + "-" + String(slug)
    }

    /// Amount per line name for one year, in order of first appearance; nil where a line has no record that year.
    static func byLine(_ lines: [FinanceLine], years: [FinancialYear]) -> [(String, [Money?])] {
        var order: [String] = []
        var names: [String: String] = [:]
        var amounts: [String: [FinancialYear: Money]] = [:]
        for l in lines where years.contains(l.year) {
            let key = l.line.lowercased()
            if names[key] == nil {
                names[key] = l.line
                order.append(key)
            }
            amounts[key, default: [:]][l.year, default: .zero] += l.amount
        }
        return order.map { key in (names[key]!, years.map { amounts[key]?[$0] }) }
    }

    /// Contributions per partner; `board` names the board when the ledger holds several.
    static func contributionTable(_ contributions: [FinanceLine], year: FinancialYear, board: String? = nil)
        -> ReportTable
    {
        var table = ReportTable(
            id: tableID("finance-contributions", board: board),
            title:
                "\(board.map { "\($0) contributions" } ?? "Contributions") from partners, \(year.previous) and \(year)",
            columns: YearOnYear.columns("Partner", year, kind: .money) + [
                ReportColumn("Share of \(year)", .percent(decimals: 0))
            ])
        let lines = byLine(contributions, years: [year.previous, year])
        for (name, amounts) in lines {
            table.rows.append(
                ReportRow(
                    YearOnYear.cells(
                        label: name, old: amounts[0].map(Amount.money),
                        new: amounts[1].map(Amount.money), row: table.rows.count)))
        }
        table.rows.append(
            YearOnYear.totalRow(
                label: "Total income", rows: 0..<lines.count, table: table, kind: { .money(Money(pence: $0)) }))
        let totalRow = table.rows.count - 1
        let total = table.rows[totalRow].cells[2].value
        for r in 0...totalRow {
            let share: ReportCell
            if case .money(let part) = table.rows[r].cells[2].value, case .money(let whole) = total,
                let ratio = Ratio(part.pence, whole.pence)
            {
                share = ReportCell(
                    .percent(ratio),
                    derivation: .share(CellRef(row: r, column: 2), of: CellRef(row: totalRow, column: 2)))
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

    /// Expenditure per category, titled with `board` when given; `otherBoard` for a board not the report's.
    static func expenditureTable(
        _ expenditure: [FinanceLine], year: FinancialYear, board: String?, otherBoard: Bool = false
    ) -> ReportTable {
        var table = ReportTable(
            id: tableID("finance-expenditure", board: otherBoard ? board : nil),
            title: "\(board.map { "\($0) expenditure" } ?? "Expenditure"), \(year.previous) and \(year)",
            columns: YearOnYear.columns("Category", year, kind: .money))
        let lines = byLine(expenditure, years: [year.previous, year])
        for (name, amounts) in lines {
            table.rows.append(
                ReportRow(
                    YearOnYear.cells(
                        label: name, old: amounts[0].map(Amount.money),
                        new: amounts[1].map(Amount.money), row: table.rows.count)))
        }
        table.rows.append(
            YearOnYear.totalRow(
                label: "Total expenditure", rows: 0..<lines.count, table: table, kind: { .money(Money(pence: $0)) }))
        return table
    }

    /// Income less expenditure across all boards; `board` (when the ledger holds several)
    /// adds that board's own income and expenditure rows above the all-boards ones.
    static func balanceTable(
        contributions: [FinanceLine], allContributions: [FinanceLine], expenditure: [FinanceLine],
        boardExpenditure: [FinanceLine], year: FinancialYear, board: String?
    ) -> ReportTable {
        var table = ReportTable(
            id: "finance-balance", title: "Income and expenditure, \(year.previous) and \(year)",
            columns: YearOnYear.columns("Measure", year, kind: .money))
        func amount(_ lines: [FinanceLine], _ y: FinancialYear) -> Amount? {
            let inYear = lines.filter { $0.year == y }
            return inYear.isEmpty ? nil : .money(Money(pence: inYear.total(\.amount.pence)))
        }
        func add(_ label: String, _ lines: [FinanceLine]) {
            table.rows.append(
                ReportRow(
                    YearOnYear.cells(
                        label: label, old: amount(lines, year.previous), new: amount(lines, year),
                        row: table.rows.count)))
        }
        if let board, allContributions.count != contributions.count {
            add("Income, \(board)", contributions)
            add("Income, all boards", allContributions)
        } else {
            add("Total income", allContributions)
        }
        let incomeRow = table.rows.count - 1
        if let board { add("Expenditure, \(board)", boardExpenditure) }
        add(board != nil ? "Expenditure, all boards" : "Total expenditure", expenditure)
        let allRow = table.rows.count - 1
        var cells = YearOnYear.cells(
            label: "Income less expenditure",
            old: difference(table.rows[incomeRow].cells[1].value, table.rows[allRow].cells[1].value),
            new: difference(table.rows[incomeRow].cells[2].value, table.rows[allRow].cells[2].value),
            row: table.rows.count)
        for c in 1...2 where cells[c].value != .notApplicable {
            cells[c].derivation = .difference(
                CellRef(row: incomeRow, column: c), minus: CellRef(row: allRow, column: c))
        }
        table.rows.append(ReportRow(cells, role: .total))
        return table
    }

    private static func difference(_ a: CellValue, _ b: CellValue) -> Amount? {
        guard case .money(let x) = a, case .money(let y) = b else { return nil }
        return .money(x - y)
    }

    static func budgetTable(budgets: [FinanceLine], contributions: [FinanceLine], year: FinancialYear) -> ReportTable {
        var table = ReportTable(
            id: "finance-budget", title: "Contributions received against agreed, \(year)",
            columns: [
                ReportColumn("Partner", .label), ReportColumn("Agreed", .money), ReportColumn("Received", .money),
                ReportColumn("Difference", .money), ReportColumn("% received", .percent(decimals: 0)),
            ])
        let agreed = byLine(budgets, years: [year])
        let received = Dictionary(
            byLine(contributions, years: [year]).map { ($0.0.lowercased(), $0.1[0]) }, uniquingKeysWith: { a, _ in a })
        for (name, amounts) in agreed {
            let r = table.rows.count
            let got = received[name.lowercased()] ?? nil
            var cells: [ReportCell] = [.text(name), .money(amounts[0]), .money(got)]
            if let a = amounts[0], let g = got {
                cells.append(
                    ReportCell(
                        .money(g - a),
                        derivation: .difference(CellRef(row: r, column: 2), minus: CellRef(row: r, column: 1))))
                cells.append(
                    ReportCell(
                        Ratio(g.pence, a.pence).map(CellValue.percent) ?? .notApplicable,
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

extension FinanceTables: Section {
    static func build(_ context: SectionContext) -> SectionOutput {
        let finance = context.records.finance
        let built = section(
            context.usable(finance), supplied: finance != nil, year: context.year,
            board: context.configuration.board)
        return SectionOutput(ChartCheck.dropEmptyCharts(built))
    }
}
