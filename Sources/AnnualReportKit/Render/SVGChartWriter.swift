/// Draws a report chart as a standalone SVG 1.1 document.
///
/// There is no charting library for Swift on Linux, so the report draws its own: column,
/// stacked column, horizontal bar and line charts over the rows and columns of one
/// `ReportTable`, which is all the published report needs.
///
/// What a chart shows:
/// - `<title>` is `chart.title`; `<desc>` lists every category's values in words
///   (`2020-21: 1,802; 2021-22: 2,215; 2022-23: 2,569`), and the root carries
///   `role="img"` and `aria-labelledby`, so the chart reads out in a screen reader.
/// - The value axis includes zero and has gridlines at 1, 2 or 5 × 10ⁿ; negative values
///   (money can be negative) are drawn below (or left of) the zero baseline. A chart with a
///   `valueRange` (mean ratings) runs across that scale instead, a gridline at each point,
///   its bars rising from the scale's lowest point.
/// - Every bar or point carries its value, formatted as the table's cell would be
///   (`2,569`, `£119,266`, `16.4%`). An N/A or empty cell draws no bar and says `N/A`.
/// - Series are told apart by lightness and by a fill pattern (solid, hatched, dotted…),
///   and every bar has a dark outline, so a greyscale print still reads. A legend is drawn
///   when there is more than one series.
/// - `xAxisTitle` names the category axis and `yAxisTitle` the value axis, whatever the
///   orientation (as in Excel: in a horizontal bar chart the categories run down the side).
/// - Long category names wrap on spaces (≤ 18 characters a line under columns, ≤ 28 beside
///   horizontal bars).
///
/// Output is deterministic: no random ids (ids derive from `chart.id`), coordinates with
/// one decimal written by integer arithmetic, no locale. The document has no XML
/// declaration, so it can be written to a `.svg` file or inlined in HTML as it is.
enum SVGChartWriter {
    /// The chart as an SVG document (UTF-8 text ending in a newline).
    ///
    /// - Parameters:
    ///   - chart: what to draw; `chart.rows` index `table.rows` (the categories, labelled
    ///     by column 0) and `chart.seriesColumns` index `table.columns` (one series each).
    ///     Indexes out of range are ignored.
    ///   - table: the table the chart is drawn from.
    /// - Returns: a valid SVG; with no categories or no series it holds the title and
    ///   the text "No data".
    static func svg(for chart: ChartSpec, table: ReportTable) -> String {
        render(chart: chart, table: table, layout: Layout(style: chart.style))
    }

    /// How a chart style is drawn. Kept apart from `ChartSpec.Style` so a new style (say a
    /// stacked horizontal bar) is one line here.
    struct Layout: Equatable {
        var horizontal: Bool
        var stacked: Bool
        var line: Bool

        init(horizontal: Bool, stacked: Bool, line: Bool = false) {
            self.horizontal = horizontal
            self.stacked = stacked
            self.line = line
        }

        init(style: ChartSpec.Style) {
            switch style {
            case .column: self.init(horizontal: false, stacked: false)
            case .stackedColumn: self.init(horizontal: false, stacked: true)
            case .bar: self.init(horizontal: true, stacked: false)
            case .line: self.init(horizontal: false, stacked: false, line: true)
            }
        }
    }

    static func render(chart: ChartSpec, table: ReportTable, layout: Layout) -> String {
        let data = ChartData(chart: chart, table: table)
        var canvas = Canvas(idPrefix: idPrefix(chart.id))
        if data.categories.isEmpty || data.series.isEmpty {
            return canvas.noData(title: chart.title)
        }
        Plotter(chart: chart, data: data, layout: layout).draw(into: &canvas)
        return canvas.document(title: chart.title, desc: data.description(stacked: layout.stacked))
    }
}

// MARK: - Data

extension SVGChartWriter {
    /// A value's exact form, kept so totals add up exactly and labels match the tables.
    enum Exact: Equatable {
        case count(Int64)
        case money(Money)
        case percent(Ratio, decimals: Int)
        case decimal(FixedDecimal)
    }

    enum Unit: Equatable {
        case count, money
        case percent(decimals: Int)
    }

    struct Datum: Equatable {
        /// Nil for N/A, empty or non-numeric cells.
        var exact: Exact?

        /// The value on the axis: a count, pounds, or percent points.
        var value: Double? {
            switch exact {
            case nil: nil
            case .count(let n)?: Double(n)
            case .money(let m)?: Double(m.pence) / 100
            case .percent(let r, _)?: Double(r.numerator) / Double(r.denominator) * 100
            case .decimal(let d)?: d.double
            }
        }

        var label: String {
            switch exact {
            case nil: "N/A"
            case .count(let n)?: Count.grouped(n)
            case .money(let m)?: m.formatted
            case .percent(let r, let d)?: r.percentText(decimals: d)
            case .decimal(let d)?: d.description
            }
        }
    }

    struct Category {
        var name: String
        var values: [Datum]
    }

    struct ChartData {
        var series: [String]
        var categories: [Category]
        var unit: Unit

        init(chart: ChartSpec, table: ReportTable) {
            let columns = chart.seriesColumns.filter { table.columns.indices.contains($0) }
            series = columns.map { SVGChartWriter.plain(table.columns[$0].title) }
            categories = chart.rows.filter { table.rows.indices.contains($0) }.map { index in
                let row = table.rows[index]
                let labelKind = table.columns.first?.kind ?? .label
                let name = row.cells.first.map { SVGChartWriter.text(of: $0.value, kind: labelKind) } ?? ""
                let values = columns.map { column -> Datum in
                    guard row.cells.indices.contains(column) else { return Datum(exact: nil) }
                    return Datum(exact: SVGChartWriter.exact(row.cells[column].value, kind: table.columns[column].kind))
                }
                return Category(name: SVGChartWriter.plain(name), values: values)
            }
            // The axis is labelled in the unit of the first value present, else the first series' column.
            let first = categories.lazy.flatMap(\.values).compactMap(\.exact).first
            switch first {
            case .money?: unit = .money
            case .percent(_, let d)?: unit = .percent(decimals: d)
            case .count?, .decimal?: unit = .count
            case nil:
                switch columns.first.map({ table.columns[$0].kind }) {
                case .money?: unit = .money
                case .percent(let d)?: unit = .percent(decimals: d)
                default: unit = .count
                }
            }
        }

        /// Sum of a category's values when they are all counts or all money; nil otherwise.
        func total(_ category: Category) -> Datum? {
            let present = category.values.compactMap(\.exact)
            guard !present.isEmpty else { return nil }
            var counts: Int64 = 0
            var pence: Int64 = 0
            var sawCount = false
            var sawMoney = false
            for value in present {
                switch value {
                case .count(let n):
                    let (s, o) = counts.addingReportingOverflow(n)
                    guard !o else { return nil }
                    counts = s
                    sawCount = true
                case .money(let m):
                    let (s, o) = pence.addingReportingOverflow(m.pence)
                    guard !o else { return nil }
                    pence = s
                    sawMoney = true
                case .percent, .decimal: return nil
                }
            }
            if sawCount && !sawMoney { return Datum(exact: .count(counts)) }
            if sawMoney && !sawCount { return Datum(exact: .money(Money(pence: pence))) }
            return nil
        }

        /// `2020-21: 1,802; 2021-22: 2,215`, or with several series
        /// `Safeguarding Babies: Trained 465, Watched 1,054 (total 1,519); …`.
        func description(stacked: Bool) -> String {
            categories.map { category in
                let label = category.name.isEmpty ? "(blank)" : category.name
                if series.count == 1 { return "\(label): \(category.values[0].label)" }
                var parts = zip(series, category.values).map { "\($0) \($1.label)" }.joined(separator: ", ")
                if stacked, let total = total(category) { parts += " (total \(total.label))" }
                return "\(label): \(parts)"
            }.joined(separator: "; ")
        }
    }

    static func exact(_ value: CellValue, kind: ReportColumn.Kind) -> Exact? {
        switch value {
        case .count(let n): return .count(n)
        case .money(let m): return .money(m)
        case .percent(let r):
            if case .percent(let d) = kind { return .percent(r, decimals: max(0, min(d, 6))) }
            return .percent(r, decimals: 1)
        case .decimal(let d): return .decimal(d)
        case .empty, .notApplicable, .text: return nil
        }
    }

    static func text(of value: CellValue, kind: ReportColumn.Kind) -> String {
        switch value {
        case .text(let s): return s
        case .empty: return ""
        case .notApplicable: return "N/A"
        default: return Datum(exact: exact(value, kind: kind)).label
        }
    }

    /// Line breaks and tabs become spaces; runs of spaces collapse.
    static func plain(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

// MARK: - Axis

extension SVGChartWriter {
    struct Tick: Equatable {
        var value: Double
        var label: String
    }

    struct Axis: Equatable {
        var lo: Double
        var hi: Double
        var ticks: [Tick]

        /// Where bars start: zero, or the end of the axis nearest zero when zero is off it (a
        /// rating scale from 1).
        var base: Double { min(max(0, lo), hi) }
    }

    /// An axis across a fixed scale such as ratings of 1 to 5: a tick at every whole point (or
    /// every 2, 5, 10… when that would be more than `maxIntervals`), widened to whole points
    /// to hold a value off the scale rather than cut its bar.
    static func scaleAxis(_ range: ClosedRange<Int64>, low: Double, high: Double, maxIntervals: Int = 10) -> Axis {
        var lo = range.lowerBound
        var hi = range.upperBound
        if low.isFinite, low < Double(lo) { lo = Int64(max(low, -1e15).rounded(.down)) }
        if high.isFinite, high > Double(hi) { hi = Int64(min(high, 1e15).rounded(.up)) }
        if hi <= lo { hi = lo + 1 }
        var step: Int64 = 1
        for candidate: Int64 in [1, 2, 5, 10, 20, 50, 100, 1_000, 10_000, 1_000_000] {
            step = candidate
            if (hi - lo) / candidate <= Int64(max(1, maxIntervals)) { break }
        }
        var ticks: [Tick] = []
        var k = lo
        while k <= hi, ticks.count <= 1000 {
            ticks.append(Tick(value: Double(k), label: tickLabel(scaled: k, exponent: 0, unit: .count)))
            k += step
        }
        return Axis(lo: Double(lo), hi: Double(hi), ticks: ticks)
    }

    /// An axis from `min(0, low)` to `max(0, high)` with ticks at 1, 2 or 5 × 10ⁿ: the
    /// smallest such step giving at most `maxIntervals` intervals. Counts and money step by
    /// at least 1; percentages may step by 0.5 etc. Tick labels are written from integers
    /// (step mantissa × 10ⁿ), never by float printing.
    static func niceAxis(low: Double, high: Double, unit: Unit, maxIntervals: Int = 8) -> Axis {
        let lo = low.isFinite ? min(0, low) : 0
        var hi = high.isFinite ? max(0, high) : 0
        if hi - lo <= 0 { hi = 1 }
        let limit = Double(max(1, maxIntervals))
        let target = (hi - lo) / limit
        var exponent = 0
        var power = 1.0
        if target >= 1 {
            while power * 10 <= target && exponent < 300 {
                power *= 10
                exponent += 1
            }
        } else {
            while power > target && exponent > -12 {
                power /= 10
                exponent -= 1
            }
        }
        if exponent < 0, unit == .count || unit == .money {
            exponent = 0
            power = 1
        }
        var mantissa: Int64 = 1
        var kLo = 0.0
        var kHi = 1.0
        search: for _ in 0..<40 {
            for m: Int64 in [1, 2, 5] {
                let step = Double(m) * power
                kLo = (lo / step).rounded(.down)
                kHi = (hi / step).rounded(.up)
                mantissa = m
                if kHi - kLo <= limit { break search }
            }
            power *= 10
            exponent += 1
        }
        let step = Double(mantissa) * power
        let first = Int64(max(-1000, kLo))
        let last = Int64(min(1000, max(kLo + 1, kHi)))
        var ticks: [Tick] = []
        for k in first...last {
            ticks.append(
                Tick(
                    value: Double(k) * step,
                    label: tickLabel(scaled: k * mantissa, exponent: exponent, unit: unit)))
        }
        return Axis(lo: Double(first) * step, hi: Double(last) * step, ticks: ticks)
    }

    /// `scaled × 10^exponent` in the unit's notation: `2,500`, `£120,000`, `-£5,000`, `2.5%`.
    static func tickLabel(scaled: Int64, exponent: Int, unit: Unit) -> String {
        var digits = String(scaled.magnitude)
        var decimals = ""
        if exponent >= 0 {
            if scaled != 0 { digits += String(repeating: "0", count: exponent) }
        } else {
            let places = -exponent
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            decimals = "." + digits.suffix(places)
            digits = String(digits.dropLast(places))
        }
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        let sign = scaled < 0 ? "-" : ""
        switch unit {
        case .count: return sign + grouped + decimals
        case .money: return sign + "£" + grouped + decimals
        case .percent: return sign + grouped + decimals + "%"
        }
    }
}

// MARK: - Text

extension SVGChartWriter {
    static let fontSize = 12.0
    static let titleSize = 16.0
    static let axisTitleSize = 13.0
    static let lineHeight = 15.0

    /// An estimate of rendered width, generous enough for DejaVu Sans (the usual Linux
    /// sans-serif), which is wider than Helvetica.
    static func textWidth(_ s: String, size: Double = fontSize, bold: Bool = false) -> Double {
        var em = 0.0
        for scalar in s.unicodeScalars {
            switch scalar {
            case " ", "!", ",", ".", ":", ";", "'", "|", "i", "j", "l", "I": em += 0.32
            case "f", "t", "r", "-", "(", ")", "/", "[", "]", "*": em += 0.4
            case "0"..."9", "£", "$", "#", "?", "+", "=", "<", ">": em += 0.64
            case "%": em += 0.95
            case "&", "M", "W", "m", "w", "@": em += 0.92
            case "A"..."Z": em += 0.72
            case "a"..."z": em += 0.61
            default: em += scalar.value >= 0x2E80 ? 1.0 : 0.68
            }
        }
        return em * size * (bold ? 1.08 : 1)
    }

    /// Splits on whitespace into lines of at most `limit` characters; a longer word is cut.
    /// At most `maxLines` lines, the last ending in `…` when text is dropped.
    static func wrap(_ s: String, limit: Int, maxLines: Int = 4) -> [String] {
        var lines: [String] = []
        var current = ""
        for piece in s.split(whereSeparator: { $0.isWhitespace }) {
            // Only maxLines are shown: stop once more are known (a runaway label stays linear).
            if lines.count > maxLines { break }
            var word = piece[...]
            while lines.count <= maxLines,
                let cut = word.index(word.startIndex, offsetBy: limit + 1, limitedBy: word.endIndex).map({ _ in
                    word.index(word.startIndex, offsetBy: limit)
                })
            {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                lines.append(String(word[..<cut]))
                word = word[cut...]
            }
            let wordText = String(word)
            if current.isEmpty {
                current = wordText
            } else if current.count + 1 + wordText.count <= limit {
                current += " " + wordText
            } else {
                lines.append(current)
                current = wordText
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            var last = lines[maxLines - 1]
            if last.count >= limit { last = String(last.prefix(limit - 1)) }
            while last.last?.isWhitespace == true { last.removeLast() }
            lines[maxLines - 1] = last + "…"
        }
        return lines.isEmpty ? [""] : lines
    }

    /// Escapes text for XML content and attribute values, replacing characters XML 1.0
    /// cannot hold (control characters) with spaces.
    static func escape(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += " "
            default:
                let v = scalar.value
                let valid = (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000
                out.unicodeScalars.append(valid ? scalar : " ")
            }
        }
        return out
    }

    /// A coordinate with at most one decimal, written with integer arithmetic: `12`, `12.5`, `-0.3`.
    static func num(_ x: Double) -> String { num(tenths: tenths(x)) }

    /// `x` in tenths, rounded half away from zero (0 for NaN or infinity).
    static func tenths(_ x: Double) -> Int64 {
        guard x.isFinite else { return 0 }
        return Int64(max(-1e15, min(1e15, x * 10)).rounded())
    }

    static func num(tenths: Int64) -> String {
        let m = tenths.magnitude
        let sign = tenths < 0 ? "-" : ""
        return m % 10 == 0 ? "\(sign)\(m / 10)" : "\(sign)\(m / 10).\(m % 10)"
    }

    /// `chart-` and the chart id with anything but letters, digits, `-` and `_` replaced.
    static func idPrefix(_ id: String) -> String {
        var out = "chart-"
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": out.unicodeScalars.append(scalar)
            default: out += "_"
            }
        }
        return out
    }
}

// MARK: - Series styles

extension SVGChartWriter {
    /// Fill colours from dark to light, then mid tones, so neighbouring series differ in lightness.
    static let palette = ["#1f3b73", "#6b8fd6", "#c9d6f2", "#3f6bb5", "#9db5e8", "#0d1c3a"]
    static let ink = "#1a1a1a"
    static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 4", "1 2"]

    /// The fill for series `i`: series 0 solid, the rest a pattern over the series colour.
    static func fill(series i: Int, prefix: String) -> String {
        i % palette.count == 0 ? palette[0] : "url(#\(prefix)-pattern-\(i % palette.count))"
    }

    /// Patterns for series 1…5: diagonal hatch, dots, cross-hatch, horizontal lines, vertical lines.
    static func patternDefs(count: Int, prefix: String) -> [String] {
        var defs: [String] = []
        for i in 1..<min(max(count, 1), palette.count) {
            let colour = palette[i]
            let mark = i == 2 || i == 5 ? ink : (i == 1 ? "#0d1c3a" : "#ffffff")
            var body = "<rect width=\"8\" height=\"8\" fill=\"\(colour)\"/>"
            switch i {
            case 1: body += "<path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"\(mark)\" stroke-width=\"1.2\"/>"
            case 2:
                body +=
                    "<circle cx=\"2\" cy=\"2\" r=\"1.1\" fill=\"\(mark)\"/><circle cx=\"6\" cy=\"6\" r=\"1.1\" fill=\"\(mark)\"/>"
            case 3: body += "<path d=\"M0,0 l8,8 M8,0 l-8,8\" stroke=\"\(mark)\" stroke-width=\"1\"/>"
            case 4: body += "<path d=\"M0,4 h8\" stroke=\"\(ink)\" stroke-width=\"1.2\"/>"
            default: body += "<path d=\"M4,0 v8\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
            }
            defs.append(
                "<pattern id=\"\(prefix)-pattern-\(i)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">\(body)</pattern>"
            )
        }
        return defs
    }

    /// A point marker for line series: circle, square, triangle, diamond, cross, down-triangle.
    static func marker(series i: Int, x: Double, y: Double) -> String {
        let r = 4.5
        switch i % 6 {
        case 0:
            return
                "M\(num(x - r)),\(num(y)) a\(num(r)),\(num(r)) 0 1,0 \(num(2 * r)),0 a\(num(r)),\(num(r)) 0 1,0 \(num(-2 * r)),0 Z"
        case 1: return "M\(num(x - r)),\(num(y - r)) h\(num(2 * r)) v\(num(2 * r)) h\(num(-2 * r)) Z"
        case 2:
            return "M\(num(x)),\(num(y - r - 1)) L\(num(x + r + 1)),\(num(y + r)) L\(num(x - r - 1)),\(num(y + r)) Z"
        case 3:
            return
                "M\(num(x)),\(num(y - r - 1)) L\(num(x + r + 1)),\(num(y)) L\(num(x)),\(num(y + r + 1)) L\(num(x - r - 1)),\(num(y)) Z"
        case 4:
            return
                "M\(num(x - r)),\(num(y - 1.5)) h\(num(2 * r)) v3 h\(num(-2 * r)) Z M\(num(x - 1.5)),\(num(y - r)) h3 v\(num(2 * r)) h-3 Z"
        default:
            return "M\(num(x)),\(num(y + r + 1)) L\(num(x + r + 1)),\(num(y - r)) L\(num(x - r - 1)),\(num(y - r)) Z"
        }
    }
}

// MARK: - Canvas

extension SVGChartWriter {
    /// The document being written: a list of element lines, then wrapped with the root.
    struct Canvas {
        var idPrefix: String
        var width = 480.0
        var height = 200.0
        var defs: [String] = []
        var body: [String] = []

        init(idPrefix: String) { self.idPrefix = idPrefix }

        mutating func add(_ element: String) { body.append(element) }

        /// A text element. `attributes` are written as given (already escaped).
        mutating func text(
            _ s: String, x: Double, y: Double, anchor: String = "start", size: Double = fontSize,
            bold: Bool = false, italic: Bool = false, cls: String, extra: String = ""
        ) {
            var a = "class=\"\(cls)\" x=\"\(num(x))\" y=\"\(num(y))\""
            if anchor != "start" { a += " text-anchor=\"\(anchor)\"" }
            if size != fontSize { a += " font-size=\"\(num(size))\"" }
            if bold { a += " font-weight=\"bold\"" }
            if italic { a += " font-style=\"italic\"" }
            if !extra.isEmpty { a += " " + extra }
            body.append("<text \(a)>\(escape(s))</text>")
        }

        /// Title lines wrapped to the canvas width; returns the y below them.
        mutating func title(_ s: String, top: Double) -> Double {
            let limit = max(20, Int((width - 32) / (titleSize * 0.62)))
            var y = top
            for line in wrap(s, limit: limit, maxLines: 3) {
                y += titleSize + 4
                text(line, x: 16, y: y, size: titleSize, bold: true, cls: "chart-title")
            }
            return y
        }

        mutating func noData(title: String) -> String {
            width = 480
            let y = self.title(title, top: 8)
            height = y + 120
            text("No data", x: width / 2, y: y + 60, anchor: "middle", size: 14, cls: "no-data")
            return document(title: title, desc: "No data.")
        }

        func document(title: String, desc: String) -> String {
            let w = num(width.rounded(.up))
            let h = num(height.rounded(.up))
            var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\""
            out += " viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\""
            out += " font-family=\"sans-serif\" font-size=\"\(num(fontSize))\" fill=\"\(ink)\">\n"
            out += "<title id=\"\(idPrefix)-title\">\(escape(title))</title>\n"
            out += "<desc id=\"\(idPrefix)-desc\">\(escape(desc))</desc>\n"
            if !defs.isEmpty { out += "<defs>\n" + defs.joined(separator: "\n") + "\n</defs>\n" }
            out += "<rect class=\"background\" x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
            for line in body { out += line + "\n" }
            out += "</svg>\n"
            return out
        }
    }
}

// MARK: - Plotting

extension SVGChartWriter {
    /// A value label to place beside a bar when it does not fit inside: `centre` is its
    /// position along the value axis, `half` half its extent along that axis.
    struct OutsideLabel {
        var text: String
        var centre: Double
        var half: Double
        var cross: Double
    }

    struct Plotter {
        var chart: ChartSpec
        var data: ChartData
        var layout: Layout

        var seriesCount: Int { data.series.count }
        var horizontal: Bool { layout.horizontal }

        /// Per category: sums of positive and of negative values when stacked.
        func stackExtent(_ c: Category) -> (pos: Double, neg: Double) {
            var pos = 0.0
            var neg = 0.0
            for v in c.values.compactMap(\.value) { if v >= 0 { pos += v } else { neg += v } }
            return (pos, neg)
        }

        /// Category label lines; in a stacked chart, series with N/A are named under the label.
        func labelLines(_ c: Category) -> [String] {
            var lines = wrap(c.name, limit: horizontal ? 28 : 18, maxLines: horizontal ? 4 : 5)
            if layout.stacked {
                for (name, v) in zip(data.series, c.values) where v.exact == nil {
                    lines.append(contentsOf: wrap("\(name): N/A", limit: horizontal ? 28 : 18, maxLines: 2))
                }
            }
            return lines
        }

        func draw(into canvas: inout Canvas) {
            let prefix = canvas.idPrefix
            // Value range.
            var low = 0.0
            var high = 0.0
            for c in data.categories {
                if layout.stacked {
                    let e = stackExtent(c)
                    low = min(low, e.neg)
                    high = max(high, e.pos)
                } else {
                    for v in c.values.compactMap(\.value) {
                        low = min(low, v)
                        high = max(high, v)
                    }
                }
            }
            // Horizontal tick labels sit side by side: fewer intervals when they are wide.
            let widestValue = data.categories.flatMap { $0.values.map { textWidth($0.label) } }.max() ?? 0
            let intervals = horizontal ? max(2, min(8, Int(440 / (widestValue + 20)))) : 8
            let plotted = data.categories.flatMap { $0.values.compactMap(\.value) }
            let axis =
                chart.valueRange.map { scaleAxis($0, low: plotted.min() ?? .nan, high: plotted.max() ?? .nan) }
                ?? niceAxis(low: low, high: high, unit: data.unit, maxIntervals: intervals)
            let lines = data.categories.map(labelLines)
            let maxLines = lines.map(\.count).max() ?? 1
            let catLineWidth = lines.joined().map { textWidth($0) }.max() ?? 0
            let valueLabels =
                data.categories.flatMap { $0.values.map(\.label) }
                + (layout.stacked && seriesCount > 1 ? data.categories.compactMap { data.total($0)?.label } : [])
            let maxValueWidth = valueLabels.map { textWidth($0, bold: true) }.max() ?? 0
            let maxTickWidth = axis.ticks.map { textWidth($0.label) }.max() ?? 0
            let hasNegative = low < 0

            // Value-axis length is fixed, so the scale is known before the category sizes.
            let valueLength = horizontal ? 440.0 : 300.0
            let scale = valueLength / (axis.hi - axis.lo)

            // Stacked: which segments are too small for their label inside.
            var needsOutside = false
            if layout.stacked {
                for c in data.categories {
                    for v in c.values {
                        guard let value = v.value else { continue }
                        let length = abs(value) * scale
                        let fits = horizontal ? length >= textWidth(v.label) + 8 : length >= 17
                        if !fits { needsOutside = true }
                    }
                }
            }

            // Bar thickness and band size along the category axis.
            let barThickness: Double
            let groupThickness: Double
            var band: Double
            if horizontal {
                if layout.stacked {
                    barThickness = 26
                    groupThickness = 26 + (needsOutside ? 18 : 0)
                } else {
                    barThickness = seriesCount == 1 ? 24 : 17
                    groupThickness = Double(seriesCount) * barThickness + Double(seriesCount - 1) * 2
                }
                band = max(groupThickness + 16, Double(maxLines) * lineHeight + 10)
            } else {
                if layout.line {
                    barThickness = 0
                    groupThickness = max(40, maxValueWidth + 10)
                } else if layout.stacked {
                    barThickness = max(48, maxValueWidth + 14)
                    groupThickness = barThickness + (needsOutside ? maxValueWidth + 10 : 0)
                } else {
                    barThickness = seriesCount == 1 ? max(48, min(72, maxValueWidth + 8)) : max(24, maxValueWidth + 6)
                    groupThickness = Double(seriesCount) * barThickness + Double(seriesCount - 1) * 3
                }
                band = max(groupThickness + 24, catLineWidth + 16)
            }
            let count = Double(data.categories.count)
            var categoryLength = band * count
            if !horizontal && categoryLength < 400 {
                categoryLength = 400
                band = categoryLength / count
            }

            // Horizontal layout: plot left edge, value start and end, width.
            let negativeRoom = hasNegative ? maxValueWidth + 8 : 0
            var plotLeft: Double
            var valueStart: Double
            var valueEnd: Double
            var plotRight: Double
            if horizontal {
                plotLeft = 18 + 12 + catLineWidth + 10
                valueStart = plotLeft + negativeRoom
                valueEnd = valueStart + valueLength
                plotRight = valueEnd
                canvas.width = max(520, valueEnd + maxValueWidth + 24)
            } else {
                plotLeft = 18 + 12 + maxTickWidth + 8
                valueStart = 0
                valueEnd = 0
                plotRight = plotLeft + categoryLength
                canvas.width = max(520, plotRight + 24)
            }

            // Vertical layout: title, legend, plot, labels, axis title.
            var y = canvas.title(chart.title, top: 8)
            if seriesCount > 1 { y = legend(into: &canvas, top: y + 10, prefix: prefix) }
            let plotTop: Double
            let plotBottom: Double
            if horizontal {
                plotTop = y + 16
                plotBottom = plotTop + categoryLength
            } else {
                plotTop = y + 30
                plotBottom = plotTop + valueLength
                valueStart = plotBottom
                valueEnd = plotTop
            }
            if seriesCount > 1 { canvas.defs = patternDefs(count: seriesCount, prefix: prefix) }

            let geometry = Geometry(
                horizontal: horizontal, axis: axis, valueStart: valueStart, scale: scale,
                categoryStart: horizontal ? plotTop : plotLeft, band: band)
            let zero = geometry.pos(axis.base)

            // Gridlines and tick labels.
            canvas.add("<g class=\"grid\" stroke=\"#cfcfcf\" stroke-width=\"1\">")
            for tick in axis.ticks {
                let p = geometry.pos(tick.value)
                if horizontal {
                    canvas.add(
                        "<line class=\"grid\" x1=\"\(num(p))\" y1=\"\(num(plotTop))\" x2=\"\(num(p))\" y2=\"\(num(plotBottom + 4))\"/>"
                    )
                } else {
                    canvas.add(
                        "<line class=\"grid\" x1=\"\(num(plotLeft - 4))\" y1=\"\(num(p))\" x2=\"\(num(plotRight))\" y2=\"\(num(p))\"/>"
                    )
                }
            }
            canvas.add("</g>")
            for tick in axis.ticks {
                let p = geometry.pos(tick.value)
                if horizontal {
                    canvas.text(tick.label, x: p, y: plotBottom + 18, anchor: "middle", cls: "tick")
                } else {
                    canvas.text(tick.label, x: plotLeft - 8, y: p + 4, anchor: "end", cls: "tick")
                }
            }

            // Category labels.
            for (i, c) in data.categories.enumerated() {
                let centre = geometry.bandCentre(i)
                let ls = lines[i]
                for (j, line) in ls.enumerated() {
                    let isNote = j >= wrap(c.name, limit: horizontal ? 28 : 18, maxLines: horizontal ? 4 : 5).count
                    if horizontal {
                        let first = centre - Double(ls.count - 1) * lineHeight / 2 + 4
                        canvas.text(
                            line, x: plotLeft - 10, y: first + Double(j) * lineHeight, anchor: "end",
                            italic: isNote, cls: "category")
                    } else {
                        let first = plotBottom + (hasNegative ? 18 : 0) + 18
                        canvas.text(
                            line, x: centre, y: first + Double(j) * lineHeight, anchor: "middle",
                            italic: isNote, cls: "category")
                    }
                }
            }

            // Marks.
            if layout.line {
                drawLines(into: &canvas, geometry: geometry, prefix: prefix)
            } else if layout.stacked {
                drawStacks(
                    into: &canvas, geometry: geometry, barThickness: barThickness,
                    groupThickness: groupThickness, prefix: prefix)
            } else {
                drawGroups(into: &canvas, geometry: geometry, barThickness: barThickness, prefix: prefix)
            }

            // Axis lines: the value axis at the plot edge, the category axis at zero.
            canvas.add("<g class=\"axes\" stroke=\"#333333\" stroke-width=\"1.2\">")
            if horizontal {
                canvas.add(
                    "<line class=\"axis value-axis\" x1=\"\(num(geometry.pos(axis.lo)))\" y1=\"\(num(plotBottom))\" x2=\"\(num(geometry.pos(axis.hi)))\" y2=\"\(num(plotBottom))\"/>"
                )
                canvas.add(
                    "<line class=\"axis baseline\" x1=\"\(num(zero))\" y1=\"\(num(plotTop))\" x2=\"\(num(zero))\" y2=\"\(num(plotBottom))\"/>"
                )
            } else {
                canvas.add(
                    "<line class=\"axis value-axis\" x1=\"\(num(plotLeft))\" y1=\"\(num(plotTop))\" x2=\"\(num(plotLeft))\" y2=\"\(num(plotBottom))\"/>"
                )
                canvas.add(
                    "<line class=\"axis baseline\" x1=\"\(num(plotLeft))\" y1=\"\(num(zero))\" x2=\"\(num(plotRight))\" y2=\"\(num(zero))\"/>"
                )
            }
            canvas.add("</g>")

            // Axis titles: categories (x) and values (y), rotated for whichever runs vertically.
            let bottomText: Double
            if horizontal {
                let midY = (plotTop + plotBottom) / 2
                canvas.text(
                    chart.xAxisTitle, x: 18, y: midY, anchor: "middle", size: axisTitleSize, bold: true,
                    cls: "axis-title x-axis-title", extra: "transform=\"rotate(-90 18 \(num(midY)))\"")
                bottomText = plotBottom + 44
                canvas.text(
                    chart.yAxisTitle, x: (geometry.pos(axis.lo) + geometry.pos(axis.hi)) / 2, y: bottomText,
                    anchor: "middle", size: axisTitleSize, bold: true, cls: "axis-title y-axis-title")
            } else {
                let midY = (plotTop + plotBottom) / 2
                canvas.text(
                    chart.yAxisTitle, x: 18, y: midY, anchor: "middle", size: axisTitleSize, bold: true,
                    cls: "axis-title y-axis-title", extra: "transform=\"rotate(-90 18 \(num(midY)))\"")
                bottomText = plotBottom + (hasNegative ? 18 : 0) + 18 + Double(maxLines - 1) * lineHeight + 26
                canvas.text(
                    chart.xAxisTitle, x: (plotLeft + plotRight) / 2, y: bottomText, anchor: "middle",
                    size: axisTitleSize, bold: true, cls: "axis-title x-axis-title")
            }
            canvas.height = bottomText + 14
        }

        /// The legend in rows under the title; returns the y below it.
        func legend(into canvas: inout Canvas, top: Double, prefix: String) -> Double {
            var x = 16.0
            var y = top + 2
            canvas.add("<g class=\"legend\">")
            for (i, name) in data.series.enumerated() {
                let itemWidth = 20 + textWidth(name) + 18
                if x > 16 && x + itemWidth > canvas.width - 16 {
                    x = 16
                    y += 22
                }
                if layout.line {
                    let dash = dashes[i % dashes.count]
                    canvas.add(
                        "<line class=\"swatch s\(i)\" x1=\"\(num(x))\" y1=\"\(num(y + 7))\" x2=\"\(num(x + 18))\" y2=\"\(num(y + 7))\" stroke=\"\(palette[i % palette.count] == palette[2] ? "#7f95c4" : palette[i % palette.count])\" stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
                    )
                    canvas.add(
                        "<path class=\"marker s\(i)\" d=\"\(marker(series: i, x: x + 9, y: y + 7))\" fill=\"\(palette[i % palette.count])\" stroke=\"\(ink)\" stroke-width=\"1\"/>"
                    )
                } else {
                    canvas.add(
                        "<rect class=\"swatch s\(i)\" x=\"\(num(x))\" y=\"\(num(y))\" width=\"14\" height=\"14\" fill=\"\(fill(series: i, prefix: prefix))\" stroke=\"\(ink)\" stroke-width=\"1\"/>"
                    )
                }
                canvas.text(name, x: x + (layout.line ? 24 : 20), y: y + 11.5, cls: "legend-label")
                x += itemWidth + (layout.line ? 4 : 0)
            }
            canvas.add("</g>")
            return y + 16
        }

        /// Grouped bars (columns or horizontal bars), one bar per series per category.
        func drawGroups(into canvas: inout Canvas, geometry g: Geometry, barThickness: Double, prefix: String) {
            let gap = horizontal ? 2.0 : 3.0
            let groupThickness = Double(seriesCount) * barThickness + Double(seriesCount - 1) * gap
            let zero = g.pos(g.axis.base)
            canvas.add("<g class=\"bars\" stroke=\"\(ink)\" stroke-width=\"1\">")
            var labels: [(String, Double, Double, String, Bool)] = []
            for (i, c) in data.categories.enumerated() {
                let start = g.bandCentre(i) - groupThickness / 2
                for (s, v) in c.values.enumerated() {
                    let c0 = start + Double(s) * (barThickness + gap)
                    let mid = c0 + barThickness / 2
                    guard let value = v.value else {
                        labels.append(
                            horizontal
                                ? ("N/A", zero + 5, mid + 4, "start", true)
                                : ("N/A", mid, zero - 5, "middle", true))
                        continue
                    }
                    let end = g.pos(value)
                    canvas.add(
                        g.rect(
                            cls: "bar s\(s)", c0: c0, thickness: barThickness, from: zero, to: end,
                            fill: fill(series: s, prefix: prefix),
                            tooltip: tooltip(category: c.name, series: s, label: v.label)))
                    let negative = value < 0
                    if horizontal {
                        labels.append(
                            (v.label, negative ? end - 5 : end + 5, mid + 4, negative ? "end" : "start", false))
                    } else {
                        labels.append((v.label, mid, negative ? end + 14 : end - 5, "middle", false))
                    }
                }
            }
            canvas.add("</g>")
            for (text, x, y, anchor, na) in labels {
                canvas.text(text, x: x, y: y, anchor: anchor, bold: !na, italic: na, cls: na ? "value na" : "value")
            }
        }

        /// Stacked bars: positive values stack up from zero, negative ones down; the total
        /// is written at the end of the stack.
        func drawStacks(
            into canvas: inout Canvas, geometry g: Geometry, barThickness: Double, groupThickness: Double,
            prefix: String
        ) {
            var inside: [(String, Double, Double)] = []
            var outside: [(String, Double, Double, String)] = []
            var totals: [(String, Double, Double, String)] = []
            canvas.add("<g class=\"bars\" stroke=\"\(ink)\" stroke-width=\"1\">")
            for (i, c) in data.categories.enumerated() {
                let c0 = g.bandCentre(i) - groupThickness / 2
                let mid = c0 + barThickness / 2
                var pos = 0.0
                var neg = 0.0
                var pending: [OutsideLabel] = []
                for (s, v) in c.values.enumerated() {
                    guard let value = v.value else { continue }
                    let base = value >= 0 ? pos : neg
                    let top = base + value
                    if value >= 0 { pos = top } else { neg = top }
                    let p0 = g.pos(base)
                    let p1 = g.pos(top)
                    canvas.add(
                        g.rect(
                            cls: "bar s\(s)", c0: c0, thickness: barThickness, from: p0, to: p1,
                            fill: fill(series: s, prefix: prefix),
                            tooltip: tooltip(category: c.name, series: s, label: v.label)))
                    let length = abs(p1 - p0)
                    let centre = (p0 + p1) / 2
                    let width = textWidth(v.label, bold: true)
                    let fits = horizontal ? length >= width + 8 : length >= 17
                    if value == 0 && seriesCount > 1 {
                        // No segment to see; the stack's total says 0 and the desc names it.
                    } else if fits {
                        inside.append(horizontal ? (v.label, centre, mid) : (v.label, mid, centre))
                    } else {
                        pending.append(
                            OutsideLabel(
                                text: v.label, centre: centre,
                                half: horizontal ? width / 2 + 3 : 7,
                                cross: horizontal ? c0 + barThickness + 14 : c0 + barThickness + 5))
                    }
                }
                // Spread labels beside the bar so they do not overlap, pushing away from zero
                // (right for horizontal bars, up for columns).
                if horizontal {
                    pending.sort { ($0.centre, $0.text) < ($1.centre, $1.text) }
                    for k in pending.indices.dropFirst() {
                        pending[k].centre = max(
                            pending[k].centre, pending[k - 1].centre + pending[k - 1].half + pending[k].half)
                    }
                } else {
                    pending.sort { ($0.centre, $0.text) > ($1.centre, $1.text) }
                    for k in pending.indices.dropFirst() {
                        pending[k].centre = min(
                            pending[k].centre, pending[k - 1].centre - pending[k - 1].half - pending[k].half)
                    }
                }
                for label in pending {
                    outside.append(
                        horizontal
                            ? (label.text, label.centre, label.cross, "middle")
                            : (label.text, label.cross, label.centre + 4, "start"))
                }
                if seriesCount > 1, let total = data.total(c) {
                    let atNegative = pos == 0 && neg < 0
                    let end = g.pos(atNegative ? neg : pos)
                    if horizontal {
                        totals.append(
                            (total.label, atNegative ? end - 6 : end + 6, mid + 4, atNegative ? "end" : "start"))
                    } else {
                        totals.append((total.label, mid, atNegative ? end + 15 : end - 6, "middle"))
                    }
                }
            }
            canvas.add("</g>")
            for (text, x, y) in inside {
                let w = textWidth(text, bold: true) + 6
                canvas.add(
                    "<rect class=\"label-bg\" x=\"\(num(x - w / 2))\" y=\"\(num(y - 8))\" width=\"\(num(w))\" height=\"16\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"none\"/>"
                )
                canvas.text(text, x: x, y: y + 4.5, anchor: "middle", bold: true, cls: "value")
            }
            for (text, x, y, anchor) in outside {
                canvas.text(text, x: x, y: y, anchor: anchor, bold: true, cls: "value")
            }
            for (text, x, y, anchor) in totals {
                canvas.text(text, x: x, y: y, anchor: anchor, bold: true, cls: "value total")
            }
        }

        /// Lines with a marker and a label at every point; a line breaks at N/A.
        func drawLines(into canvas: inout Canvas, geometry g: Geometry, prefix: String) {
            let zero = g.pos(g.axis.base)
            for s in 0..<seriesCount {
                let colour = palette[s % palette.count] == palette[2] ? "#7f95c4" : palette[s % palette.count]
                let dash = dashes[s % dashes.count]
                var runs: [[(Double, Double)]] = [[]]
                for (i, c) in data.categories.enumerated() {
                    if let value = c.values[s].value {
                        runs[runs.count - 1].append((g.bandCentre(i), g.pos(value)))
                    } else if !runs[runs.count - 1].isEmpty {
                        runs.append([])
                    }
                }
                for run in runs where run.count > 1 {
                    let d = run.enumerated().map {
                        "\($0.offset == 0 ? "M" : "L")\(num($0.element.0)),\(num($0.element.1))"
                    }.joined(separator: " ")
                    canvas.add(
                        "<path class=\"line s\(s)\" d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
                    )
                }
            }
            for (i, c) in data.categories.enumerated() {
                let x = g.bandCentre(i)
                // Highest value labelled above, lowest below, any others to the right.
                let ranked = c.values.indices.filter { c.values[$0].value != nil }
                    .sorted { (c.values[$0].value!, $1) > (c.values[$1].value!, $0) }
                for (s, v) in c.values.enumerated() {
                    guard let value = v.value else {
                        canvas.text(
                            "N/A", x: x, y: zero - 6 - Double(s) * 14, anchor: "middle", italic: true, cls: "value na")
                        continue
                    }
                    let y = g.pos(value)
                    canvas.add(
                        "<path class=\"point s\(s)\" d=\"\(marker(series: s, x: x, y: y))\" fill=\"\(palette[s % palette.count])\" stroke=\"\(ink)\" stroke-width=\"1\"><title>\(escape(tooltip(category: c.name, series: s, label: v.label)))</title></path>"
                    )
                    let rank = ranked.firstIndex(of: s) ?? 0
                    if rank == 0 {
                        canvas.text(v.label, x: x, y: y - 10, anchor: "middle", bold: true, cls: "value")
                    } else if rank == ranked.count - 1 && y + 20 < g.pos(g.axis.lo) - 2 {
                        canvas.text(v.label, x: x, y: y + 20, anchor: "middle", bold: true, cls: "value")
                    } else {
                        canvas.text(v.label, x: x + 9, y: y + 4, bold: true, cls: "value")
                    }
                }
            }
        }

        func tooltip(category: String, series s: Int, label: String) -> String {
            seriesCount == 1 ? "\(category): \(label)" : "\(category), \(data.series[s]): \(label)"
        }
    }

    /// Maps values and categories to the page for either orientation.
    struct Geometry {
        var horizontal: Bool
        var axis: Axis
        /// Page position of `axis.lo` along the value axis.
        var valueStart: Double
        var scale: Double
        var categoryStart: Double
        var band: Double

        /// Page position of a value: x for horizontal bars, y (growing upwards) otherwise.
        func pos(_ value: Double) -> Double {
            let offset = (value - axis.lo) * scale
            return horizontal ? valueStart + offset : valueStart - offset
        }

        func bandCentre(_ i: Int) -> Double { categoryStart + (Double(i) + 0.5) * band }

        /// A bar from value position `from` to `to`, `thickness` wide from category position `c0`.
        func rect(
            cls: String, c0: Double, thickness: Double, from: Double, to: Double, fill: String,
            tooltip: String
        ) -> String {
            // Ends are rounded first and the length taken between them, so stacked segments
            // meet exactly and a stack's length is the sum of its segments'.
            let a = tenths(from)
            let b = tenths(to)
            let lo = num(tenths: min(a, b))
            let length = num(tenths: max(a, b) - min(a, b))
            let (x, y, w, h) =
                horizontal ? (lo, num(c0), length, num(thickness)) : (num(c0), lo, num(thickness), length)
            return
                "<rect class=\"\(cls)\" x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(h)\" fill=\"\(fill)\"><title>\(escape(tooltip))</title></rect>"
        }
    }
}
