extension SVGChartWriter {
    /// A value label to place beside a bar when it does not fit inside: `centre` is its
    /// position along the value axis, `half` half its extent along that axis.
    struct OutsideLabel {
        var text: String
        var centre: Double
        var half: Double
        var cross: Double
    }

    /// A stacked chart's value labels, gathered while the stacks are drawn and written after
    /// them so that no bar covers a label: text, x, y (and the text anchor).
    struct StackLabels {
        var inside: [(String, Double, Double)] = []
        var outside: [(String, Double, Double, String)] = []
        var totals: [(String, Double, Double, String)] = []
    }

    /// Stacked columns or bars: one stack per category, a segment per series.
    struct StackedBars: PlotPart {
        var data: ChartData
        var layout: Layout

        /// Stacked bars: positive values stack up from zero, negative ones down; the total
        /// is written at the end of the stack.
        func draw(
            into canvas: inout Canvas, geometry g: Geometry, barThickness: Double, groupThickness: Double,
            prefix: String
        ) {
            var labels = StackLabels()
            canvas.add("<g class=\"bars\" stroke=\"\(ink)\" stroke-width=\"1\">")
            for (i, c) in data.categories.enumerated() {
                let c0 = g.bandCentre(i) - groupThickness / 2
                let end = drawStack(
                    c, into: &canvas, geometry: g, c0: c0, barThickness: barThickness, prefix: prefix, labels: &labels)
                if seriesCount > 1, let total = data.total(c) {
                    labels.totals.append(totalLabel(total, stackEnd: end, geometry: g, mid: c0 + barThickness / 2))
                }
            }
            canvas.add("</g>")
            writeLabels(labels, into: &canvas)
        }

        /// One category's segments from `c0` across, each labelled inside when it fits, else beside
        /// the stack; returns the sums the stack reaches above and below zero.
        func drawStack(
            _ c: Category, into canvas: inout Canvas, geometry g: Geometry, c0: Double, barThickness: Double,
            prefix: String, labels: inout StackLabels
        ) -> (pos: Double, neg: Double) {
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
                    labels.inside.append(horizontal ? (v.label, centre, mid) : (v.label, mid, centre))
                } else {
                    pending.append(
                        OutsideLabel(
                            text: v.label, centre: centre,
                            half: horizontal ? width / 2 + 3 : 7,
                            cross: horizontal ? c0 + barThickness + 14 : c0 + barThickness + 5))
                }
            }
            for label in spread(pending) {
                labels.outside.append(
                    horizontal
                        ? (label.text, label.centre, label.cross, "middle")
                        : (label.text, label.cross, label.centre + 4, "start"))
            }
            return (pos, neg)
        }

        /// Spreads labels beside the bar so they do not overlap, pushing away from zero (right for
        /// horizontal bars, up for columns).
        func spread(_ labels: [OutsideLabel]) -> [OutsideLabel] {
            var pending = labels
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
            return pending
        }

        /// The total's label past the stack's end: its positive end, or its negative end when it
        /// has only negative values.
        func totalLabel(
            _ total: Datum, stackEnd: (pos: Double, neg: Double), geometry g: Geometry, mid: Double
        ) -> (String, Double, Double, String) {
            let atNegative = stackEnd.pos == 0 && stackEnd.neg < 0
            let end = g.pos(atNegative ? stackEnd.neg : stackEnd.pos)
            if horizontal {
                return (total.label, atNegative ? end - 6 : end + 6, mid + 4, atNegative ? "end" : "start")
            }
            return (total.label, mid, atNegative ? end + 15 : end - 6, "middle")
        }

        /// Writes the labels over the bars: inside ones on a white plate, then those beside the
        /// stacks, then the totals.
        func writeLabels(_ labels: StackLabels, into canvas: inout Canvas) {
            for (text, x, y) in labels.inside {
                let w = textWidth(text, bold: true) + 6
                canvas.add(
                    "<rect class=\"label-bg\" x=\"\(num(x - w / 2))\" y=\"\(num(y - 8))\" width=\"\(num(w))\" height=\"16\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"none\"/>"
                )
                canvas.text(text, x: x, y: y + 4.5, anchor: "middle", bold: true, cls: "value")
            }
            for (text, x, y, anchor) in labels.outside {
                canvas.text(text, x: x, y: y, anchor: anchor, bold: true, cls: "value")
            }
            for (text, x, y, anchor) in labels.totals {
                canvas.text(text, x: x, y: y, anchor: anchor, bold: true, cls: "value total")
            }
        }
    }
}
