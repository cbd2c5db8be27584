extension SVGChartWriter {
    /// The axes: gridlines and tick labels, category labels, axis lines and axis titles.
    struct PlotAxes: PlotPart {
        var chart: ChartSpec
        var data: ChartData
        var layout: Layout

        /// Gridlines at every tick, then the tick labels: below the plot for horizontal bars,
        /// left of it otherwise.
        func drawGrid(into canvas: inout Canvas, _ f: PlotFrame) {
            canvas.add("<g class=\"grid\" stroke=\"#cfcfcf\" stroke-width=\"1\">")
            for tick in f.axis.ticks {
                let p = f.geometry.pos(tick.value)
                if horizontal {
                    canvas.add(
                        "<line class=\"grid\" x1=\"\(num(p))\" y1=\"\(num(f.plotTop))\" x2=\"\(num(p))\" y2=\"\(num(f.plotBottom + 4))\"/>"
                    )
                } else {
                    canvas.add(
                        "<line class=\"grid\" x1=\"\(num(f.plotLeft - 4))\" y1=\"\(num(p))\" x2=\"\(num(f.plotRight))\" y2=\"\(num(p))\"/>"
                    )
                }
            }
            canvas.add("</g>")
            for tick in f.axis.ticks {
                let p = f.geometry.pos(tick.value)
                if horizontal {
                    canvas.text(tick.label, x: p, y: f.plotBottom + 18, anchor: "middle", cls: "tick")
                } else {
                    canvas.text(tick.label, x: f.plotLeft - 8, y: p + 4, anchor: "end", cls: "tick")
                }
            }
        }

        /// Each category's label lines at its band: right-aligned left of horizontal bars, centred
        /// under columns; the lines naming N/A series (stacked charts) in italics.
        func drawCategoryLabels(into canvas: inout Canvas, _ f: PlotFrame) {
            for (i, c) in data.categories.enumerated() {
                let centre = f.geometry.bandCentre(i)
                let ls = f.labelLines[i]
                for (j, line) in ls.enumerated() {
                    let isNote = j >= wrap(c.name, limit: horizontal ? 28 : 18, maxLines: horizontal ? 4 : 5).count
                    if horizontal {
                        let first = centre - Double(ls.count - 1) * lineHeight / 2 + 4
                        canvas.text(
                            line, x: f.plotLeft - 10, y: first + Double(j) * lineHeight, anchor: "end",
                            italic: isNote, cls: "category")
                    } else {
                        let first = f.plotBottom + (f.hasNegative ? 18 : 0) + 18
                        canvas.text(
                            line, x: centre, y: first + Double(j) * lineHeight, anchor: "middle",
                            italic: isNote, cls: "category")
                    }
                }
            }
        }

        /// Axis lines: the value axis at the plot edge, the category axis at zero.
        func drawAxisLines(into canvas: inout Canvas, _ f: PlotFrame) {
            let g = f.geometry
            let zero = g.pos(f.axis.base)
            canvas.add("<g class=\"axes\" stroke=\"#333333\" stroke-width=\"1.2\">")
            if horizontal {
                canvas.add(
                    "<line class=\"axis value-axis\" x1=\"\(num(g.pos(f.axis.lo)))\" y1=\"\(num(f.plotBottom))\" x2=\"\(num(g.pos(f.axis.hi)))\" y2=\"\(num(f.plotBottom))\"/>"
                )
                canvas.add(
                    "<line class=\"axis baseline\" x1=\"\(num(zero))\" y1=\"\(num(f.plotTop))\" x2=\"\(num(zero))\" y2=\"\(num(f.plotBottom))\"/>"
                )
            } else {
                canvas.add(
                    "<line class=\"axis value-axis\" x1=\"\(num(f.plotLeft))\" y1=\"\(num(f.plotTop))\" x2=\"\(num(f.plotLeft))\" y2=\"\(num(f.plotBottom))\"/>"
                )
                canvas.add(
                    "<line class=\"axis baseline\" x1=\"\(num(f.plotLeft))\" y1=\"\(num(zero))\" x2=\"\(num(f.plotRight))\" y2=\"\(num(zero))\"/>"
                )
            }
            canvas.add("</g>")
        }

        /// Axis titles: categories (x) and values (y), rotated for whichever runs vertically; the
        /// canvas ends below the lower one.
        func drawAxisTitles(into canvas: inout Canvas, _ f: PlotFrame) {
            let bottomText: Double
            let midY = (f.plotTop + f.plotBottom) / 2
            if horizontal {
                canvas.text(
                    chart.xAxisTitle, x: 18, y: midY, anchor: "middle", size: axisTitleSize, bold: true,
                    cls: "axis-title x-axis-title", extra: "transform=\"rotate(-90 18 \(num(midY)))\"")
                bottomText = f.plotBottom + 44
                canvas.text(
                    chart.yAxisTitle, x: (f.geometry.pos(f.axis.lo) + f.geometry.pos(f.axis.hi)) / 2, y: bottomText,
                    anchor: "middle", size: axisTitleSize, bold: true, cls: "axis-title y-axis-title")
            } else {
                canvas.text(
                    chart.yAxisTitle, x: 18, y: midY, anchor: "middle", size: axisTitleSize, bold: true,
                    cls: "axis-title y-axis-title", extra: "transform=\"rotate(-90 18 \(num(midY)))\"")
                bottomText = f.plotBottom + (f.hasNegative ? 18 : 0) + 18 + Double(f.maxLines - 1) * lineHeight + 26
                canvas.text(
                    chart.xAxisTitle, x: (f.plotLeft + f.plotRight) / 2, y: bottomText, anchor: "middle",
                    size: axisTitleSize, bold: true, cls: "axis-title x-axis-title")
            }
            canvas.height = bottomText + 14
        }
    }
}
