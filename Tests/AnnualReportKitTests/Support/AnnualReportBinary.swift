import Foundation

@testable import AnnualReportKit

/// One run of the real `annual-report` binary in a scratch folder, as a user would run it.
/// Interpolated into a failure message it shows the command, the folder and both output
/// streams (xsv's test harness), so a failing test says what ran and what it printed.
struct Run: CustomStringConvertible {
    var arguments: [String]
    var folder: URL
    var environment: [String: String]
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String {
        let settings = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value) " }.joined()
        return """

            command: \(settings)annual-report \(arguments.map(Self.quoted).joined(separator: " "))
            folder: \(folder.path)
            status: \(status)
            stdout:
            \(stdout)
            stderr:
            \(stderr)
            """
    }

    /// An argument as a shell would need it typed.
    private static func quoted(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:".contains($0) }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The built executable, beside the test bundle in the build products folder.
let annualReportBinary: URL = {
    var dir = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent()
    while dir.path != "/" {
        let candidate = dir.appendingPathComponent("annual-report")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return candidate
        }
        dir.deleteLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/annual-report")
}()

/// Runs the binary with `arguments` in `dir`, `environment` added to this process's own.
func run(_ arguments: [String], in dir: Workdir, environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = annualReportBinary
    process.arguments = arguments
    process.currentDirectoryURL = dir.url
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    // Both streams go to files, not pipes: a child that fills one pipe's buffer (64 KB of
    // errors) while the test reads the other would wait for ever.
    let streams = FileManager.default.temporaryDirectory.appendingPathComponent("annual-report-run-\(UUID())")
    try FileManager.default.createDirectory(at: streams, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: streams) }
    let outURL = streams.appendingPathComponent("stdout")
    let errURL = streams.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: outURL.path, contents: nil)
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    let stdout = try Data(contentsOf: outURL)
    let stderr = try Data(contentsOf: errURL)
    return Run(
        arguments: arguments, folder: dir.url, environment: environment, status: process.terminationStatus,
        stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// Copies the sample inputs into a scratch folder's `Inputs/`.
func scratchWithSample(_ name: String = #function) throws -> Workdir {
    let dir = Workdir(name)
    try SampleInputs.copy(into: dir)
    return dir
}
