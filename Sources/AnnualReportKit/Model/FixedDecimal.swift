/// A number with a fixed count of decimals, held as a whole number of the last place
/// (`3.42` is 342 with 2 places): means and other statistics that are shown rounded. Never
/// used for money, which is `Money` in whole pence.
struct FixedDecimal: Hashable, Sendable, CustomStringConvertible {
    var scaled: Int64
    var places: Int

    init(scaled: Int64, places: Int) {
        self.scaled = scaled
        self.places = places
    }

    /// `value` rounded half away from zero to `places` decimals.
    init(_ value: Double, places: Int) {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        let x = value * factor
        self.init(scaled: Int64((x < 0 ? x - 0.5 : x + 0.5).rounded(.towardZero)), places: places)
    }

    var double: Double {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        return Double(scaled) / factor
    }

    /// `3.42`, `-0.50`.
    var description: String {
        guard places > 0 else { return String(scaled) }
        let digits = String(scaled.magnitude)
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -places)
        return (scaled < 0 ? "-" : "") + padded[..<cut] + "." + padded[cut...]
    }
}
