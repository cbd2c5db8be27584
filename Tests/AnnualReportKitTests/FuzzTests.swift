import Foundation
import Testing
@testable import AnnualReportKit

/// Mutations of the sample inputs run through `check` and the report builder: nothing may
/// crash or hang, and every file's ledger must balance.
///
/// A short run is part of `swift test`. The long run is
/// `FUZZ_CASES=100000 swift test -c release --filter FuzzTests`; it prints the count.
@Suite struct FuzzTests {
    /// SplitMix64: small, seeded, and the same on every machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The sample inputs, plus a small attendance register (the sample has none) so the
    /// register reader is fuzzed too.
    static let samples: [(String, [UInt8])] = (InputFolder.csvFiles(in: sampleInputs)
        + [URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/attendance-fuzz.csv")]).map {
        ($0.lastPathComponent, [UInt8](FileManager.default.contents(atPath: $0.path)!))
    }

    static func mutate(_ input: [UInt8], _ rng: inout Generator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<10, using: &rng) {
            case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
            case 2: bytes.insert(UInt8(ascii: "\""), at: at)
            case 3: bytes = Array(bytes.prefix(at))
            case 4: bytes.insert(contentsOf: Array(repeating: UInt8(ascii: "A"), count: Int.random(in: 1_000...200_000, using: &rng)), at: at)
            case 5: bytes.insert(0, at: at)
            case 6: bytes.insert(contentsOf: [0xC3, 0x28], at: at)
            case 7: bytes.insert([UInt8(ascii: ","), 0x0A, 0x0D, UInt8(ascii: ";")][Int.random(in: 0..<4, using: &rng)], at: at)
            case 8 where !bytes.isEmpty: bytes.remove(at: at)
            default: bytes.insert(contentsOf: [0xA3, 0x96], at: at)
            }
        }
        return bytes
    }

    /// Runs `cases` mutated inputs; returns how many ran.
    static func run(cases: Int, seed: UInt64) throws -> Int {
        var rng = Generator(state: seed)
        let dir = Workdir("fuzz\(seed)")
        try? FileManager.default.copyItem(at: sampleInputs.appendingPathComponent("annual-report.yaml"),
                                          to: dir.url.appendingPathComponent("annual-report.yaml"))
        for (name, bytes) in samples { dir.write(name, bytes: bytes) }
        for n in 0..<cases {
            let (name, original) = samples[Int.random(in: 0..<samples.count, using: &rng)]
            dir.write(name, bytes: mutate(original, &rng))
            let started = DispatchTime.now().uptimeNanoseconds
            let result = InputFolder.read(dir.url)
            for entry in result.ledger {
                #expect(entry.balances, "case \(n): ledger of \(entry.file) does not balance")
            }
            let used = result.ledger.filter { $0.dataset == "training" }.reduce(0) { $0 + $1.used }
            let sessions = result.records.training?.filter { $0.source.file == "attendance-fuzz.csv" }.count ?? 0
            #expect(used == (result.records.training?.count ?? 0) - sessions, "case \(n): training rows used != records")
            if let report = try? ReportBuilder.build(result) {
                _ = MarkdownWriter.markdown(report)
                for table in report.tables { _ = CSVWriter.csv(table) }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            #expect(seconds < 10, "case \(n) took \(seconds) s")
            dir.write(name, bytes: original)
        }
        return cases
    }

    static let shards = 2

    /// Two shards run in parallel (Swift Testing runs arguments concurrently), one per core,
    /// each with its own scratch folder and seed; together they run FUZZ_CASES cases.
    @Test(arguments: 0..<shards)
    func neverCrashesAndLedgersBalance(shard: Int) throws {
        let total = Int(ProcessInfo.processInfo.environment["FUZZ_CASES"] ?? "") ?? 100
        let seed = (UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20_221_123) &+ UInt64(shard)
        let cases = total / Self.shards + (shard < total % Self.shards ? 1 : 0)
        let ran = try Self.run(cases: cases, seed: seed)
        print("fuzz shard \(shard + 1)/\(Self.shards): \(ran) cases, seed \(seed), 0 crashes, every ledger balanced")
        #expect(ran == cases)
    }
}
