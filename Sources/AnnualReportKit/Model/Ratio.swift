/// An exact fraction shown as a percentage: shares and percent changes.
///
/// Kept as two integers so that rounding happens once, at display, and rounds half away
/// from zero (82.5% shows as 83%, -0.05% as -0.1%), as published reports do.
struct Ratio: Hashable, Sendable {
    let numerator: Int64
    let denominator: Int64

    /// Nil when the denominator is zero: a share of nothing or a change from zero is N/A.
    init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0 else { return nil }
        self.numerator = denominator < 0 ? -numerator : numerator
        self.denominator = denominator.magnitude > 0 ? Int64(denominator.magnitude) : 1
    }

    /// The percentage scaled by 10^decimals and rounded half away from zero (`decimals` 1: 16.44% -> 164).
    func scaledPercent(decimals: Int) -> Int64 {
        var scale: Int64 = 100
        for _ in 0..<decimals { scale *= 10 }
        // Saturate rather than trap: a pathological input must not crash the report.
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: scale)
        if overflow { return numerator < 0 ? Int64.min / 2 : Int64.max / 2 }
        let q = scaled / denominator
        let r = scaled % denominator
        if (r.magnitude * 2) >= denominator.magnitude {
            return scaled < 0 ? q - 1 : q + 1
        }
        return q
    }

    /// `83%`, `16.4%`, `-3.0%`.
    func percentText(decimals: Int) -> String {
        Ratio.render(scaledPercent(decimals: decimals), decimals: decimals) + "%"
    }

    /// The plain number for CSV: `83`, `16.4`.
    func plainPercent(decimals: Int) -> String { Ratio.render(scaledPercent(decimals: decimals), decimals: decimals) }

    /// The value as a fraction for a spreadsheet percent cell (0.164 for 16.4%).
    var fractionForSpreadsheet: Double { Double(numerator) / Double(denominator) }

    static func render(_ scaled: Int64, decimals: Int) -> String {
        guard decimals > 0 else { return String(scaled) }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let m = scaled.magnitude
        let whole = m / UInt64(scale)
        var frac = String(m % UInt64(scale))
        while frac.count < decimals { frac = "0" + frac }
        return "\(scaled < 0 ? "-" : "")\(whole).\(frac)"
    }

    /// Percent change from `old` to `new`; nil (N/A) when there is no old value or it is zero.
    static func change(from old: Int64?, to new: Int64?) -> Ratio? {
        guard let old, let new else { return nil }
        return Ratio(new - old, old)
    }
}
