import Foundation

/// The Wilcoxon signed-rank test of paired ratings (after against before), two-sided, as the
/// report defines it: zero differences dropped (Wilcoxon's method), average ranks for ties,
/// the normal approximation with the tie correction of the variance, and no continuity
/// correction. The same as SciPy's `wilcoxon(after, before, zero_method="wilcox",
/// correction=False, method="approx")`.
///
/// Written here rather than taken from a library: no statistics package is among the Swift
/// packages this project may use, and the test is thirty lines.
enum Wilcoxon {
    struct Result: Equatable {
        /// Pairs with a non-zero difference.
        var n: Int
        /// Sum of the ranks of the positive differences.
        var wPlus: Double
        var z: Double
        /// Two-sided p-value.
        var p: Double
    }

    /// Nil when no pair changed (nothing to test).
    static func test(_ differences: [Int64]) -> Result? {
        let nonZero = differences.filter { $0 != 0 }
        let n = nonZero.count
        guard n > 0 else { return nil }
        let sorted = nonZero.map { ($0.magnitude, $0 > 0) }.sorted { $0.0 < $1.0 }
        var wPlus = 0.0
        var tieTerm = 0.0
        var i = 0
        while i < n {
            var j = i
            while j + 1 < n && sorted[j + 1].0 == sorted[i].0 { j += 1 }
            // Ranks i+1 ... j+1 share their average.
            let rank = Double(i + j + 2) / 2
            let t = Double(j - i + 1)
            tieTerm += t * t * t - t
            for k in i...j where sorted[k].1 { wPlus += rank }
            i = j + 1
        }
        let nn = Double(n)
        let mean = nn * (nn + 1) / 4
        let variance = nn * (nn + 1) * (2 * nn + 1) / 24 - tieTerm / 48
        guard variance > 0 else { return nil }
        let z = (wPlus - mean) / variance.squareRoot()
        let p = min(1, erfc(abs(z) / 2.0.squareRoot()))
        return Result(n: n, wPlus: wPlus, z: z, p: p)
    }

    /// `< 0.001`, else three decimals (`0.042`).
    static func pText(_ p: Double) -> String {
        if p < 0.001 { return "< 0.001" }
        return FixedDecimal(p, places: 3).description
    }
}
