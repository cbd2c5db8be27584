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
