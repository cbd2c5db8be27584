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
