import Foundation

@testable import AnnualReportKit

/// Runs the real `annual-report` binary in a scratch folder, as a user would.
struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
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

func run(_ arguments: [String], in dir: Workdir, environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = annualReportBinary
    process.arguments = arguments
    process.currentDirectoryURL = dir.url
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// Copies the sample inputs into a scratch folder's `Inputs/`.
func scratchWithSample(_ name: String = #function) throws -> Workdir {
    let dir = Workdir(name)
    try SampleInputs.copy(into: dir)
    return dir
}
