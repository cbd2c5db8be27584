import Foundation
import Testing

@testable import AnnualReportKit

/// Mutations of the sample inputs run through `check`, the report builder and every writer:
/// nothing may crash or hang, every file's ledger must balance, and a report must be written
/// whenever there is a year to report.
///
/// A short run is part of `swift test`. The long run is
/// `TMPDIR=/dev/shm FUZZ_CASES=1000000 FUZZ_PROGRESS=10000 swift test -c release --filter FuzzTests`;
/// it prints the count as it goes and at the end.
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

    /// The sample inputs, plus what the sample has none of, so those readers are fuzzed too: a
    /// small attendance register, a YouTube Studio export with its catalogue, and an Eventbrite
    /// attendee report with the training rows it links to. Unmutated, they have no error, so
    /// most cases are inputs that `check` accepts.
    ///
    /// The evaluation forms are cut to their first 60: every case reads every file, the 737
    /// forms were a third of a case's time, and more forms of the same shape find nothing new.
    static let samples: [(String, [UInt8])] =
        (SampleInputs.csvFiles
        + [
            "attendance-fuzz.csv", "Table data 2022-23.csv", "catalogue-fuzz.csv", "training-fuzz-linked.csv",
            "Attendees report fuzz.csv",
        ].map {
            repositoryRoot.appendingPathComponent("Tests/AnnualReportKitTests/Fixtures/\($0)")
        }).map { url in
            let bytes = [UInt8](FileManager.default.contents(atPath: url.path)!)
            guard url.lastPathComponent.hasPrefix("evaluations") else { return (url.lastPathComponent, bytes) }
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            return (
                url.lastPathComponent,
                Array(lines.prefix(61).joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
            )
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
            case 4:
                bytes.insert(
                    contentsOf: Array(
                        repeating: UInt8(ascii: "A"), count: Int.random(in: 1_000...200_000, using: &rng)), at: at)
            case 5: bytes.insert(0, at: at)
            case 6: bytes.insert(contentsOf: [0xC3, 0x28], at: at)
            case 7:
                bytes.insert(
                    [UInt8(ascii: ","), 0x0A, 0x0D, UInt8(ascii: ";")][Int.random(in: 0..<4, using: &rng)], at: at)
            case 8 where !bytes.isEmpty: bytes.remove(at: at)
            default: bytes.insert(contentsOf: [0xA3, 0x96], at: at)
            }
        }
        return bytes
    }

    /// What a run did: cases run, and how many of them wrote a whole report.
    struct Tally {
        var ran = 0
        var built = 0
        var failures = 0
    }

    /// Runs `cases` mutated inputs through the whole pipeline: `check`, the report builder and
    /// every writer (Markdown, CSV, XLSX, SVG). A build or write that fails on inputs with a
    /// year to report is a failure, like a crash: `check` accepting the inputs (or
    /// `--keep-going` with errors) must mean a report can be written.
    static func run(cases: Int, seed: UInt64, progressEvery: Int? = nil) throws -> Tally {
        var rng = Generator(state: seed)
        let dir = Workdir("fuzz\(seed)")
        let out = Workdir("fuzz-out\(seed)")
        try? FileManager.default.copyItem(
            at: SampleInputs.configuration,
            to: dir.url.appendingPathComponent("annual-report.yaml"))
        for (name, bytes) in samples { dir.write(name, bytes: bytes) }
        var tally = Tally()
        for n in 0..<cases {
            let (name, original) = samples[Int.random(in: 0..<samples.count, using: &rng)]
            dir.write(name, bytes: mutate(original, &rng))
            let started = DispatchTime.now().uptimeNanoseconds
            let run = ReportRun(
                inputs: dir.url, output: out.url, keepGoing: true, documentTimestamp: Date(timeIntervalSince1970: 0))
            let result = run.check()
            for entry in result.ledger where !entry.balances {
                tally.failures += 1
                Issue.record("case \(n): ledger of \(entry.file) does not balance")
            }
            let used = result.ledger.filter { $0.dataset == "training" }.reduce(0) { $0 + $1.used }
            let sessions = result.records.training?.filter { $0.source.file == "attendance-fuzz.csv" }.count ?? 0
            if used != (result.records.training?.count ?? 0) - sessions {
                tally.failures += 1
                Issue.record("case \(n): training rows used != records")
            }
            if run.yearProblem(result) == nil {
                do {
                    let report = try ReportBuilder.build(result)
                    let folder = out.url.appendingPathComponent("case")
                    try? FileManager.default.removeItem(at: folder)
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try ReportRun.write(
                        report, formats: Set(OutputFormat.allCases), into: folder,
                        timestamp: Date(timeIntervalSince1970: 0))
                    tally.built += 1
                } catch {
                    tally.failures += 1
                    Issue.record(
                        "case \(n) (\(name) mutated, seed \(seed)): \(result.errors.isEmpty ? "inputs that check accepts" : "--keep-going") failed to build: \(error)"
                    )
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if seconds >= 10 {
                tally.failures += 1
                Issue.record("case \(n) took \(seconds) s")
            }
            dir.write(name, bytes: original)
            tally.ran += 1
            // A long run says how far it has got, so a run cut short still reports its count.
            if let every = progressEvery, tally.ran % every == 0 {
                // On stderr, unbuffered: the count must be in the log even if the run is cut short.
                FileHandle.standardError.write(
                    Data(
                        "fuzz seed \(seed): \(tally.ran) cases, \(tally.built) reports written, \(tally.failures) failures so far\n"
                            .utf8))
            }
        }
        return tally
    }

    /// Unmutated, the corpus is inputs that `check` accepts, every reader used: so the
    /// mutations start from a report that builds, not from a wall of errors.
    @Test func theCorpusHasNoErrors() throws {
        let dir = Workdir()
        try FileManager.default.copyItem(
            at: SampleInputs.configuration,
            to: dir.url.appendingPathComponent("annual-report.yaml"))
        for (name, bytes) in Self.samples { dir.write(name, bytes: bytes) }
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        #expect(
            Set(input.ledger.map(\.dataset)) == [
                "training", "attendance", "videos", "youtube", "catalogue", "bookings",
                "reviews", "recommendations", "audits", "finance", "evaluations",
            ])
        #expect(input.records.bookings?.events.count == 2)
    }

    static let shards = 2

    /// Two shards run in parallel (Swift Testing runs arguments concurrently), one per core,
    /// each with its own scratch folder and seed; together they run FUZZ_CASES cases.
    @Test(arguments: 0..<shards)
    func neverCrashesAndLedgersBalance(shard: Int) throws {
        let total = Int(ProcessInfo.processInfo.environment["FUZZ_CASES"] ?? "") ?? 100
        let seed = (UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20_221_123) &+ UInt64(shard)
        let cases = total / Self.shards + (shard < total % Self.shards ? 1 : 0)
        let clock = ContinuousClock.now
        let tally = try Self.run(
            cases: cases, seed: seed, progressEvery: Int(ProcessInfo.processInfo.environment["FUZZ_PROGRESS"] ?? ""))
        print(
            "fuzz shard \(shard + 1)/\(Self.shards): \(tally.ran) cases, \(tally.built) reports written in every format, \(tally.failures) failures, seed \(seed), \(ContinuousClock.now - clock)"
        )
        #expect(tally.failures == 0)
        // Most mutations leave a year to report: if none built, the pipeline was not exercised.
        #expect(tally.built * 2 > tally.ran, "only \(tally.built) of \(tally.ran) cases wrote a report")
    }
}
