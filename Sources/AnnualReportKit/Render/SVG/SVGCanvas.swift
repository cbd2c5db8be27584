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
