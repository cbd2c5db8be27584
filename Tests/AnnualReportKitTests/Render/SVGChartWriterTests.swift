import Foundation
import Testing

@testable import AnnualReportKit

// MARK: - Fixtures: the published report's charts

private enum ChartFixtures {
    static let attendances = ReportTable(
        id: "training-trend", title: "Attendances per year",
        columns: [ReportColumn("Year", .label), ReportColumn("Attendances", .count)],
        rows: [
            ReportRow([.text("2020-21"), .count(1_802)]),
            ReportRow([.text("2021-22"), .count(2_215)]),
            ReportRow([.text("2022-23"), .count(2_569)]),
        ])
    static let attendanceChart = ChartSpec(
        id: "attendances", title: "Training attendances per year", tableID: "training-trend",
        rows: [0, 1, 2], seriesColumns: [1], style: .column, xAxisTitle: "Financial year",
        yAxisTitle: "Attendances")

    static let contributions = ReportTable(
        id: "finance-contributions", title: "Contributions from partners",
        columns: [ReportColumn("Partner", .label), ReportColumn("2021-22", .money), ReportColumn("2022-23", .money)],
        rows: [
            ReportRow([
                .text("Leicestershire County Council"), .money(Money(pounds: 102_496)), .money(Money(pounds: 119_266)),
            ]),
            ReportRow([.text("Rutland County Council"), .money(Money(pounds: 45_833)), .money(Money(pounds: 50_367))]),
            ReportRow([.text("Leicestershire Police"), .money(Money(pounds: 88_725)), .money(Money(pounds: 97_500))]),
            ReportRow([
                .text("West Leicestershire CCG and East Leicestershire & Rutland CCG*"),
                .money(Money(pounds: 88_724)), .money(Money(pounds: 97_500)),
            ]),
            ReportRow([.text("National Probation Services"), .money(Money(pounds: 1_348)), .money(nil)]),
            ReportRow(
                [
                    .text("Total income for SCP and SAB"), .money(Money(pounds: 327_126)),
                    .money(Money(pounds: 364_633)),
                ],
                role: .total),
        ])
    static func contributionChart(_ style: ChartSpec.Style) -> ChartSpec {
        ChartSpec(
            id: "contributions", title: "Contributions from partners, 2021-22 and 2022-23",
            tableID: "finance-contributions", rows: [0, 1, 2, 3, 4], seriesColumns: [1, 2], style: style,
            xAxisTitle: "Partner", yAxisTitle: "Contribution (£)")
    }

    static let reach = ReportTable(
        id: "priority-reach", title: "Reach per business priority",
        columns: [
            ReportColumn("Priority", .label), ReportColumn("Trained", .count),
            ReportColumn("Watched a training video", .count), ReportColumn("Total", .count),
        ],
        rows: [
            ReportRow([.text("Safeguarding Babies"), .count(465), .count(1_054), .count(1_519)]),
            ReportRow([.text("Child Mental Health and Emotional Wellbeing"), .count(340), .count(432), .count(772)]),
            ReportRow([
                .text("Keeping Adolescents Safe / Supporting Safe Adolescents"), .count(472), .count(75), .count(547),
            ]),
            ReportRow([.text("Safeguarding Children from Diverse Backgrounds"), .count(520), .count(432), .count(952)]),
            ReportRow([
                .text("Effective Safeguarding in Independent and Out of School Settings"), .count(0), .count(0),
                .count(0),
            ]),
        ])
    static let reachChart = ChartSpec(
        id: "priority-reach", title: "People trained or watching a training video, per business priority",
        tableID: "priority-reach", rows: [0, 1, 2, 3, 4], seriesColumns: [1, 2], style: .stackedColumn,
        xAxisTitle: "Business priority", yAxisTitle: "People reached")

    static let expenditure = ReportTable(
        id: "finance-expenditure", title: "Expenditure",
        columns: [ReportColumn("Category", .label), ReportColumn("2021-22", .money), ReportColumn("2022-23", .money)],
        rows: [
            ReportRow([.text("Staffing"), .money(Money(pounds: 105_579)), .money(Money(pounds: 115_357))]),
            ReportRow([.text("Independent Advisor"), .money(Money(pounds: 7_914)), .money(Money(pounds: 6_562))]),
            ReportRow([.text("Support Services"), .money(Money(pounds: 12_370)), .money(Money(pounds: 1_090))]),
            ReportRow([.text("Refunds"), .money(Money(pounds: -3_000)), .money(Money(pence: -123_450))]),
            ReportRow([.text("Training"), .money(Money(pounds: 48_100)), .money(Money(pounds: 48_550))]),
        ])
    static let expenditureChart = ChartSpec(
        id: "expenditure", title: "SCP expenditure per category", tableID: "finance-expenditure",
        rows: [0, 1, 2, 3, 4], seriesColumns: [1, 2], style: .column, xAxisTitle: "Category",
        yAxisTitle: "Expenditure (£)")

    static let reviews = ReportTable(
        id: "reviews-trend", title: "Reviews per year",
        columns: [
            ReportColumn("Year", .label), ReportColumn("Rapid reviews", .count),
            ReportColumn("LCSPRs started", .count), ReportColumn("Share", .percent(decimals: 1)),
        ],
        rows: [
            ReportRow([.text("2020-21"), .count(3), .count(1), .init(.percent(Ratio(1, 3)!))]),
            ReportRow([.text("2021-22"), .count(8), .init(.notApplicable), .init(.percent(Ratio(1, 8)!))]),
            ReportRow([.text("2022-23"), .count(3), .count(0), .init(.percent(Ratio(0, 3)!))]),
        ])
}

// MARK: - Helpers

private func svg(_ chart: ChartSpec, _ table: ReportTable) throws -> (String, SVGNode) {
    let text = SVGChartWriter.svg(for: chart, table: table)
    let root = try #require(SVGDOM.parse(text), "not well-formed XML:\n\(text)")
    return (text, root)
}

private func texts(_ root: SVGNode, class cls: String) -> [String] { root.all("text", class: cls).map(\.text) }

/// Pixels per unit on a vertical value axis, from two gridlines and their tick labels.
private func verticalScale(_ root: SVGNode) throws -> (zeroY: Double, perUnit: Double) {
    let grid = root.all("line", class: "grid")
    let ticks = root.all("text", class: "tick").map {
        Double($0.text.filter { $0.isNumber || $0 == "-" || $0 == "." })!
    }
    try #require(grid.count == ticks.count && grid.count >= 2)
    let y0 = try #require(grid[0].number("y1"))
    let y1 = try #require(grid[1].number("y1"))
    let perUnit = (y0 - y1) / (ticks[1] - ticks[0])
    let zeroY = y0 + ticks[0] * perUnit
    return (zeroY, perUnit)
}

// MARK: - Tests

@Suite struct SVGChartWriterTests {
    @Test func columnChartIsAccessibleStandaloneSVG() throws {
        let (text, root) = try svg(ChartFixtures.attendanceChart, ChartFixtures.attendances)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["version"] == "1.1")
        #expect(root.attributes["role"] == "img")
        let width = try #require(root.number("width"))
        let height = try #require(root.number("height"))
        #expect(root.attributes["viewBox"] == "0 0 \(SVGChartWriter.num(width)) \(SVGChartWriter.num(height))")
        #expect(root.attributes["font-family"] == "sans-serif")

        let title = try #require(root.children.first { $0.name == "title" })
        let desc = try #require(root.children.first { $0.name == "desc" })
        #expect(title.text == "Training attendances per year")
        #expect(desc.text == "2020-21: 1,802; 2021-22: 2,215; 2022-23: 2,569")
        let labelled = (root.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
        #expect(labelled == [try #require(title.attributes["id"]), try #require(desc.attributes["id"])])

        let bars = root.all("rect", class: "bar")
        #expect(bars.count == 3)
        #expect(bars.allSatisfy { $0.classes.contains("s0") })
        #expect(texts(root, class: "value") == ["1,802", "2,215", "2,569"])
        #expect(texts(root, class: "category") == ["2020-21", "2021-22", "2022-23"])
        #expect(texts(root, class: "x-axis-title") == ["Financial year"])
        #expect(texts(root, class: "y-axis-title") == ["Attendances"])
        #expect(root.all("line", class: "value-axis").count == 1)
        #expect(root.all("line", class: "baseline").count == 1)
        // One series: no legend.
        #expect(root.all("g", class: "legend").isEmpty)
        // Ticks at a nice step from zero: 0, 500, …, 3,000.
        #expect(texts(root, class: "tick") == ["0", "500", "1,000", "1,500", "2,000", "2,500", "3,000"])
        #expect(!text.contains("<?xml"))
    }

    @Test func barHeightsAreProportionalToValues() throws {
        let (_, root) = try svg(ChartFixtures.attendanceChart, ChartFixtures.attendances)
        let (zeroY, perUnit) = try verticalScale(root)
        #expect(root.all("rect", class: "bar").count == 3)
        for (bar, value) in zip(root.all("rect", class: "bar"), [1_802.0, 2_215, 2_569]) {
            let y = try #require(bar.number("y"))
            let h = try #require(bar.number("height"))
            #expect(abs(y + h - zeroY) < 0.11)
            #expect(abs(h - value * perUnit) < 0.11)
        }
    }

    @Test func everyTextIsReadable() throws {
        var sized = 0
        for (chart, table) in [
            (ChartFixtures.attendanceChart, ChartFixtures.attendances),
            (ChartFixtures.reachChart, ChartFixtures.reach),
            (ChartFixtures.contributionChart(.bar), ChartFixtures.contributions),
        ] {
            let (_, root) = try svg(chart, table)
            #expect(root.number("font-size").map { $0 >= 11 } == true)
            for node in root.all("text") {
                if let size = node.number("font-size") {
                    #expect(size >= 11)
                    sized += 1
                }
            }
        }
        // Texts that set their own size, in the three charts: none went unchecked.
        #expect(sized == 9)
    }

    @Test func groupedMoneyBarsWithNotApplicable() throws {
        let (_, root) = try svg(ChartFixtures.contributionChart(.column), ChartFixtures.contributions)
        // 5 partners × 2 years, one N/A: 9 bars, 5 per year but one missing.
        let bars = root.all("rect", class: "bar")
        #expect(bars.count == 9)
        #expect(bars.filter { $0.classes.contains("s0") }.count == 5)
        #expect(bars.filter { $0.classes.contains("s1") }.count == 4)
        let values = texts(root, class: "value")
        #expect(values.contains("£119,266"))
        #expect(values.contains("£102,496"))
        #expect(values.contains("N/A"))
        // The total row was not asked for.
        #expect(!values.contains("£364,633"))
        // Legend with both series; the second series has a pattern fill for greyscale.
        #expect(texts(root, class: "legend-label") == ["2021-22", "2022-23"])
        let swatches = root.all("rect", class: "swatch")
        #expect(swatches.count == 2)
        #expect(swatches[0].attributes["fill"] != swatches[1].attributes["fill"])
        #expect(swatches[1].attributes["fill"]?.hasPrefix("url(#") == true)
        #expect(root.all("pattern").count >= 1)
        let desc = root.children.first { $0.name == "desc" }?.text ?? ""
        #expect(desc.contains("National Probation Services: 2021-22 £1,348, 2022-23 N/A"))
        #expect(desc.contains("Leicestershire County Council: 2021-22 £102,496, 2022-23 £119,266"))
    }

    @Test func horizontalBarsCarryLongNames() throws {
        let (_, root) = try svg(ChartFixtures.contributionChart(.bar), ChartFixtures.contributions)
        #expect(root.all("rect", class: "bar").count == 9)
        let lines = texts(root, class: "category")
        #expect(lines.allSatisfy { $0.count <= 28 })
        #expect(lines.joined(separator: " ").contains("West Leicestershire CCG and East Leicestershire & Rutland CCG*"))
        // Bars grow rightwards from the baseline.
        let baseline = try #require(root.all("line", class: "baseline").first)
        let zeroX = try #require(baseline.number("x1"))
        for bar in root.all("rect", class: "bar") {
            #expect(abs(try #require(bar.number("x")) - zeroX) < 0.11)
        }
        #expect(texts(root, class: "x-axis-title") == ["Partner"])
        #expect(texts(root, class: "y-axis-title") == ["Contribution (£)"])
    }

    @Test func categoryNamesAreEscaped() throws {
        var table = ChartFixtures.attendances
        table.rows[0].cells[0] = .text("Health & Care <NHS> \"Trust\"")
        var chart = ChartFixtures.attendanceChart
        chart.title = "Reach & <trends>"
        let (text, root) = try svg(chart, table)
        #expect(text.contains("Health &amp; Care"))
        #expect(text.contains("&lt;NHS&gt;"))
        #expect(text.contains("&quot;Trust&quot;"))
        #expect(!text.contains("<NHS>"))
        #expect(root.children.first { $0.name == "title" }?.text == "Reach & <trends>")
        #expect(texts(root, class: "category").prefix(2).joined(separator: " ") == "Health & Care <NHS> \"Trust\"")
        #expect(
            root.children.first { $0.name == "desc" }?.text.hasPrefix("Health & Care <NHS> \"Trust\": 1,802;") == true)
    }

    @Test func controlCharactersCannotBreakTheXML() throws {
        var table = ChartFixtures.attendances
        table.rows[1].cells[0] = .text("Bad\u{1}name\u{0}\nwith line")
        let (_, root) = try svg(ChartFixtures.attendanceChart, table)
        #expect(root.all("rect", class: "bar").count == 3)
    }

    @Test func outputIsByteIdentical() {
        for (chart, table) in [
            (ChartFixtures.attendanceChart, ChartFixtures.attendances),
            (ChartFixtures.reachChart, ChartFixtures.reach),
            (ChartFixtures.expenditureChart, ChartFixtures.expenditure),
        ] {
            #expect(SVGChartWriter.svg(for: chart, table: table) == SVGChartWriter.svg(for: chart, table: table))
        }
    }

    @Test func stackedColumnsAddUpToTheTotal() throws {
        let (_, root) = try svg(ChartFixtures.reachChart, ChartFixtures.reach)
        let bars = root.all("rect", class: "bar")
        // Five priorities × two series; the zero row still draws (zero-height) bars.
        #expect(bars.count == 10)
        let (zeroY, perUnit) = try verticalScale(root)
        let totals = [1_519.0, 772, 547, 952, 0]
        for (i, total) in totals.enumerated() {
            let trained = bars[2 * i]
            let watched = bars[2 * i + 1]
            #expect(trained.classes.contains("s0") && watched.classes.contains("s1"))
            let tY = try #require(trained.number("y"))
            let tH = try #require(trained.number("height"))
            let wY = try #require(watched.number("y"))
            let wH = try #require(watched.number("height"))
            // Trained sits on the baseline, watched on top of trained.
            #expect(abs(tY + tH - zeroY) < 0.11)
            #expect(abs(wY + wH - tY) < 0.001)
            // The top of the stack is the total, scaled.
            #expect(abs((zeroY - wY) - total * perUnit) < 0.15)
            #expect(abs((tH + wH) - (zeroY - wY)) < 0.001)
        }
        let totalLabels = texts(root, class: "total")
        #expect(totalLabels == ["1,519", "772", "547", "952", "0"])
        let values = texts(root, class: "value")
        #expect(values.contains("1,054") && values.contains("465") && values.contains("75"))
        let desc = root.children.first { $0.name == "desc" }?.text ?? ""
        #expect(desc.hasPrefix("Safeguarding Babies: Trained 465, Watched a training video 1,054 (total 1,519); "))
        // Long priority names wrap.
        #expect(texts(root, class: "category").allSatisfy { $0.count <= 18 })
    }

    @Test func stackedHorizontalBarsAddUpToTheTotal() throws {
        let text = SVGChartWriter.render(
            chart: ChartFixtures.reachChart, table: ChartFixtures.reach,
            layout: .init(horizontal: true, stacked: true))
        let root = try #require(SVGDOM.parse(text))
        let bars = root.all("rect", class: "bar")
        #expect(bars.count == 10)
        let baseline = try #require(root.all("line", class: "baseline").first)
        let zeroX = try #require(baseline.number("x1"))
        let firstRight = try #require(bars[1].number("x")) + (try #require(bars[1].number("width")))
        let thirdRight = try #require(bars[5].number("x")) + (try #require(bars[5].number("width")))
        // 1,519 and 547 in proportion.
        #expect(abs((firstRight - zeroX) / (thirdRight - zeroX) - 1_519.0 / 547) < 0.01)
    }

    @Test func negativeMoneyDrawsBelowTheBaseline() throws {
        let (_, root) = try svg(ChartFixtures.expenditureChart, ChartFixtures.expenditure)
        let baseline = try #require(root.all("line", class: "baseline").first)
        let zeroY = try #require(baseline.number("y1"))
        let bars = root.all("rect", class: "bar")
        #expect(bars.count == 10)
        let refunds = bars.filter { $0.children.first?.text.hasPrefix("Refunds") == true }
        #expect(refunds.count == 2)
        for bar in refunds {
            let y = try #require(bar.number("y"))
            let h = try #require(bar.number("height"))
            #expect(abs(y - zeroY) < 0.11)
            #expect(h > 0)
        }
        let staffing = try #require(bars.first { $0.children.first?.text.hasPrefix("Staffing") == true })
        #expect(try #require(staffing.number("y")) < zeroY)
        let values = texts(root, class: "value")
        #expect(values.contains("-£3,000"))
        #expect(values.contains("-£1,234.50"))
        #expect(values.contains("£115,357"))
        // The axis runs below zero.
        #expect(texts(root, class: "tick").first?.hasPrefix("-£") == true)
    }

    @Test func emptyChartsSayNoData() throws {
        let empty = ReportTable(id: "t", title: "t", columns: ChartFixtures.attendances.columns)
        var chart = ChartFixtures.attendanceChart
        chart.rows = []
        for (c, t) in [(chart, empty), (chart, ChartFixtures.attendances)] {
            let (_, root) = try svg(c, t)
            #expect(root.children.first { $0.name == "title" }?.text == "Training attendances per year")
            #expect(texts(root, class: "no-data") == ["No data"])
            #expect(root.all("rect", class: "bar").isEmpty)
        }
        var noSeries = ChartFixtures.attendanceChart
        noSeries.seriesColumns = []
        let (_, root) = try svg(noSeries, ChartFixtures.attendances)
        #expect(texts(root, class: "no-data") == ["No data"])
    }

    @Test func allNotApplicableStillDrawsAnAxis() throws {
        var table = ChartFixtures.attendances
        for i in table.rows.indices { table.rows[i].cells[1] = ReportCell(.notApplicable) }
        let (_, root) = try svg(ChartFixtures.attendanceChart, table)
        #expect(root.all("rect", class: "bar").isEmpty)
        #expect(texts(root, class: "value") == ["N/A", "N/A", "N/A"])
        #expect(root.children.first { $0.name == "desc" }?.text == "2020-21: N/A; 2021-22: N/A; 2022-23: N/A")
    }

    @Test func lineChartMarksEveryPointAndBreaksAtNotApplicable() throws {
        let chart = ChartSpec(
            id: "reviews", title: "Reviews per year", tableID: "reviews-trend", rows: [0, 1, 2],
            seriesColumns: [1, 2], style: .line, xAxisTitle: "Year", yAxisTitle: "Reviews")
        let (_, root) = try svg(chart, ChartFixtures.reviews)
        #expect(root.all("path", class: "point").count == 5)
        // LCSPRs: N/A in the middle leaves no line of two or more points.
        #expect(root.all("path", class: "line").count == 1)
        #expect(texts(root, class: "value").filter { $0 == "N/A" }.count == 1)
        #expect(texts(root, class: "legend-label") == ["Rapid reviews", "LCSPRs started"])
    }

    @Test func percentValuesUseTheColumnDecimals() throws {
        let chart = ChartSpec(
            id: "share", title: "Share", tableID: "reviews-trend", rows: [0, 1, 2],
            seriesColumns: [3], style: .column, xAxisTitle: "Year", yAxisTitle: "Share")
        let (_, root) = try svg(chart, ChartFixtures.reviews)
        #expect(texts(root, class: "value") == ["33.3%", "12.5%", "0.0%"])
        #expect(texts(root, class: "tick").last == "35%")
    }

    @Test func outOfRangeIndexesAndExtremeValuesDoNotCrash() throws {
        let table = ReportTable(
            id: "x", title: "x", columns: [ReportColumn("Name", .label), ReportColumn("Money", .money)],
            rows: [
                ReportRow([.text("Huge"), .money(Money(pence: Int64.max))]),
                ReportRow([.text("Tiny"), .money(Money(pence: Int64.min + 1))]),
                ReportRow([.text("Short row")]),
            ])
        let chart = ChartSpec(
            id: "x y/z", title: "Extremes", tableID: "x", rows: [0, 1, 2, 7, -1],
            seriesColumns: [1, 9], style: .column, xAxisTitle: "", yAxisTitle: "")
        let (text, root) = try svg(chart, table)
        #expect(root.all("rect", class: "bar").count == 2)
        #expect(text.contains("id=\"chart-x_y_z-title\""))
        let stacked = SVGChartWriter.render(chart: chart, table: table, layout: .init(horizontal: true, stacked: true))
        #expect(SVGDOM.parse(stacked) != nil)
    }

    @Test func niceAxisSteps() {
        let a = SVGChartWriter.niceAxis(low: 0, high: 8, unit: .count)
        #expect(a.ticks.map(\.label) == ["0", "1", "2", "3", "4", "5", "6", "7", "8"])
        #expect(SVGChartWriter.niceAxis(low: 0, high: 1_519, unit: .count).ticks.map(\.label).last == "1,600")
        let b = SVGChartWriter.niceAxis(low: -3_000, high: 119_266, unit: .money)
        #expect(
            b.ticks.map(\.label) == [
                "-£20,000", "£0", "£20,000", "£40,000", "£60,000", "£80,000", "£100,000", "£120,000",
            ])
        let b4 = SVGChartWriter.niceAxis(low: 0, high: 119_266, unit: .money, maxIntervals: 4)
        #expect(b4.ticks.map(\.label) == ["£0", "£50,000", "£100,000", "£150,000"])
        let c = SVGChartWriter.niceAxis(low: 0, high: 0, unit: .count)
        #expect(c.ticks.map(\.label) == ["0", "1"])
        let d = SVGChartWriter.niceAxis(low: 0, high: 2.4, unit: .percent(decimals: 1))
        #expect(d.ticks.map(\.label) == ["0.0%", "0.5%", "1.0%", "1.5%", "2.0%", "2.5%"])
        let e = SVGChartWriter.niceAxis(low: 0, high: 3, unit: .count)
        #expect(e.ticks.map(\.label) == ["0", "1", "2", "3"])
    }

    @Test func ratingAxisRunsAcrossTheScale() throws {
        let table = ReportTable(
            id: "impact", title: "Impact",
            columns: [
                ReportColumn("Measure", .label), ReportColumn("Mean before", .decimal(places: 2)),
                ReportColumn("Mean after", .decimal(places: 2)),
            ],
            rows: [
                ReportRow([
                    .text("Knowledge"), ReportCell(.decimal(FixedDecimal(1.99, places: 2))),
                    ReportCell(.decimal(FixedDecimal(2.92, places: 2))),
                ])
            ])
        let chart = ChartSpec(
            id: "impact", title: "Mean rating", tableID: "impact", rows: [0], seriesColumns: [1, 2],
            style: .column, xAxisTitle: "Measure", yAxisTitle: "Mean rating (1–5)", valueRange: 1...5)
        let (_, root) = try svg(chart, table)
        // A gridline at each point of the scale, from 1 (not 0, nor 4.5 or 3).
        #expect(texts(root, class: "tick") == ["1", "2", "3", "4", "5"])
        // Bars rise from the scale's lowest point: 1.99 is 0.99 of a point tall.
        let (zeroY, perUnit) = try verticalScale(root)
        let baseY = zeroY - perUnit
        #expect(root.all("rect", class: "bar").count == 2)
        for (bar, value) in zip(root.all("rect", class: "bar"), [1.99, 2.92]) {
            let y = try #require(bar.number("y"))
            let h = try #require(bar.number("height"))
            #expect(abs(y + h - baseY) < 0.11)
            #expect(abs(h - (value - 1) * perUnit) < 0.11)
        }
        // The baseline is drawn at 1.
        let baseline = try #require(root.all("line", class: "baseline").first?.number("y1"))
        #expect(abs(baseline - baseY) < 0.11)
    }

    @Test func scaleAxisSteps() {
        #expect(SVGChartWriter.scaleAxis(1...5, low: 1.96, high: 3.84).ticks.map(\.label) == ["1", "2", "3", "4", "5"])
        #expect(SVGChartWriter.scaleAxis(1...10, low: 2, high: 9).ticks.map(\.label) == (1...10).map(String.init))
        // More than ten intervals: every 2 points.
        #expect(
            SVGChartWriter.scaleAxis(0...20, low: 3, high: 4).ticks.map(\.label)
                == ["0", "2", "4", "6", "8", "10", "12", "14", "16", "18", "20"])
        // A value off the scale widens it to the next whole point rather than lose its bar.
        let wide = SVGChartWriter.scaleAxis(1...5, low: 0.5, high: 5.2)
        #expect(wide.lo == 0 && wide.hi == 6 && wide.base == 0)
        #expect(SVGChartWriter.scaleAxis(1...5, low: .nan, high: .nan).ticks.count == 5)
        #expect(SVGChartWriter.scaleAxis(1...5, low: 2, high: 3).base == 1)
    }

    @Test func wrapsOnSpaces() {
        #expect(
            SVGChartWriter.wrap("Keeping Adolescents Safe / Supporting Safe Adolescents", limit: 18)
                == ["Keeping", "Adolescents Safe /", "Supporting Safe", "Adolescents"])
        #expect(SVGChartWriter.wrap("2022-23", limit: 18) == ["2022-23"])
        #expect(SVGChartWriter.wrap("Abcdefghijklmnopqrstuvwxyz", limit: 10) == ["Abcdefghij", "klmnopqrst", "uvwxyz"])
        #expect(SVGChartWriter.wrap("a b c d e f", limit: 3, maxLines: 2) == ["a b", "c…"])
        #expect(SVGChartWriter.num(12.25) == "12.3")
        #expect(SVGChartWriter.num(-0.04) == "0")
        #expect(SVGChartWriter.num(-3.5) == "-3.5")
        #expect(SVGChartWriter.num(.nan) == "0")
    }
}
