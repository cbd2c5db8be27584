extension SVGChartWriter {
    /// Where the plot sits on the page: worked out once by `PlotLayout.frame`, then read by each
    /// drawing step.
    struct PlotFrame {
        var axis: Axis
        var geometry: Geometry
        /// Each category's label lines (`PlotLayout.labelLines`).
        var labelLines: [[String]]
        var maxLines: Int
        var hasNegative: Bool
        var barThickness: Double
        var groupThickness: Double
        var plotLeft: Double
        var plotRight: Double
        var plotTop: Double
        var plotBottom: Double
    }

    /// Sizes along the category axis: one bar, one category's group of bars (or its stack with
    /// room for labels beside it), and the band each category takes.
    struct BarSizes {
        var bar: Double
        var group: Double
        var band: Double
    }

    /// Lays a plot out: the value axis, the sizes of bars and bands, and where the plot sits.
    struct PlotLayout: PlotPart {
        var chart: ChartSpec
        var data: ChartData
        var layout: Layout

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

        /// Lays the chart out: sets the canvas width, writes the title and the legend (and the
        /// legend's fill patterns), and returns where the plot sits.
        func frame(on canvas: inout Canvas) -> PlotFrame {
            let prefix = canvas.idPrefix
            let (low, high) = valueExtent()
            let axis = valueAxis(low: low, high: high)
            let lines = data.categories.map(labelLines)
            let maxLines = lines.map(\.count).max() ?? 1
            let catLineWidth = lines.joined().map { textWidth($0) }.max() ?? 0
            let maxValueWidth = widestValueLabel()
            let maxTickWidth = axis.ticks.map { textWidth($0.label) }.max() ?? 0
            let hasNegative = low < 0

            // Value-axis length is fixed, so the scale is known before the category sizes.
            let valueLength = horizontal ? 440.0 : 300.0
            let scale = valueLength / (axis.hi - axis.lo)
            let sizes = barSizes(
                needsOutside: needsOutsideLabels(scale: scale), maxValueWidth: maxValueWidth, maxLines: maxLines,
                catLineWidth: catLineWidth)
            var band = sizes.band
            let count = Double(data.categories.count)
            var categoryLength = band * count
            if !horizontal && categoryLength < 400 {
                categoryLength = 400
                band = categoryLength / count
            }

            // Across the page: plot left edge, where values start (horizontal bars), plot right edge.
            let plotLeft: Double
            var valueStart: Double
            let plotRight: Double
            if horizontal {
                let negativeRoom = hasNegative ? maxValueWidth + 8 : 0
                plotLeft = 18 + 12 + catLineWidth + 10
                valueStart = plotLeft + negativeRoom
                plotRight = valueStart + valueLength
                canvas.width = max(520, plotRight + maxValueWidth + 24)
            } else {
                plotLeft = 18 + 12 + maxTickWidth + 8
                valueStart = 0
                plotRight = plotLeft + categoryLength
                canvas.width = max(520, plotRight + 24)
            }

            // Down the page: title, legend, plot (labels and axis titles follow when drawn).
            var y = canvas.title(chart.title, top: 8)
            if seriesCount > 1 {
                y = Legend(data: data, layout: layout).draw(into: &canvas, top: y + 10, prefix: prefix)
            }
            let plotTop = y + (horizontal ? 16 : 30)
            let plotBottom = plotTop + (horizontal ? categoryLength : valueLength)
            if !horizontal { valueStart = plotBottom }
            if seriesCount > 1 { canvas.defs = patternDefs(count: seriesCount, prefix: prefix) }

            let geometry = Geometry(
                horizontal: horizontal, axis: axis, valueStart: valueStart, scale: scale,
                categoryStart: horizontal ? plotTop : plotLeft, band: band)
            return PlotFrame(
                axis: axis, geometry: geometry, labelLines: lines, maxLines: maxLines, hasNegative: hasNegative,
                barThickness: sizes.bar, groupThickness: sizes.group, plotLeft: plotLeft, plotRight: plotRight,
                plotTop: plotTop, plotBottom: plotBottom)
        }

        /// The lowest and highest values to plot, zero included; in a stacked chart, the stacks'
        /// sums of negative and of positive values.
        func valueExtent() -> (low: Double, high: Double) {
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
            return (low, high)
        }

        /// The value axis: across the chart's `valueRange` when it has one, else in nice steps
        /// from `low` to `high`.
        func valueAxis(low: Double, high: Double) -> Axis {
            // Horizontal tick labels sit side by side: fewer intervals when they are wide.
            let widestValue = data.categories.flatMap { $0.values.map { textWidth($0.label) } }.max() ?? 0
            let intervals = horizontal ? max(2, min(8, Int(440 / (widestValue + 20)))) : 8
            let plotted = data.categories.flatMap { $0.values.compactMap(\.value) }
            return chart.valueRange.map { scaleAxis($0, low: plotted.min() ?? .nan, high: plotted.max() ?? .nan) }
                ?? niceAxis(low: low, high: high, unit: data.unit, maxIntervals: intervals)
        }

        /// The width of the widest value label in bold, stacks' totals included.
        func widestValueLabel() -> Double {
            let valueLabels =
                data.categories.flatMap { $0.values.map(\.label) }
                + (layout.stacked && seriesCount > 1 ? data.categories.compactMap { data.total($0)?.label } : [])
            return valueLabels.map { textWidth($0, bold: true) }.max() ?? 0
        }

        /// Stacked: whether any segment is too small for its label inside, so that room is kept
        /// beside the stacks for labels.
        func needsOutsideLabels(scale: Double) -> Bool {
            guard layout.stacked else { return false }
            for c in data.categories {
                for v in c.values {
                    guard let value = v.value else { continue }
                    let length = abs(value) * scale
                    let fits = horizontal ? length >= textWidth(v.label) + 8 : length >= 17
                    if !fits { return true }
                }
            }
            return false
        }

        /// Bar thickness and band size along the category axis, wide enough for the value labels
        /// (columns) or the category labels' lines (horizontal bars).
        func barSizes(needsOutside: Bool, maxValueWidth: Double, maxLines: Int, catLineWidth: Double) -> BarSizes {
            let barThickness: Double
            let groupThickness: Double
            if horizontal {
                if layout.stacked {
                    barThickness = 26
                    groupThickness = 26 + (needsOutside ? 18 : 0)
                } else {
                    barThickness = seriesCount == 1 ? 24 : 17
                    groupThickness = Double(seriesCount) * barThickness + Double(seriesCount - 1) * 2
                }
                let band = max(groupThickness + 16, Double(maxLines) * lineHeight + 10)
                return BarSizes(bar: barThickness, group: groupThickness, band: band)
            }
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
            return BarSizes(bar: barThickness, group: groupThickness, band: max(groupThickness + 24, catLineWidth + 16))
        }
    }
}
