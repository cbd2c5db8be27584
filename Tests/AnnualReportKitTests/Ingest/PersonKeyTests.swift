import Foundation
import Testing

@testable import AnnualReportKit

/// An email is one person however it is capitalised or padded, on every path that reads one.
@Suite(.serialized) struct PersonKeyTests {
    /// A register kept by email, of our own invention: no delegate ids, the headers a booking
    /// system's export gives, one person written three ways and another two.
    static let register = """
        Session Ref,Session Date,Course Title,Email Address,Attended
        S1,2023-05-10,Neglect basics,First.Last@northmoor.gov.uk,yes
        S1,2023-05-10,Neglect basics, first.last@northmoor.gov.uk ,yes
        S1,2023-05-10,Neglect basics,a.person@northmoor.gov.uk,yes
        S2,2023-06-11,Neglect basics,FIRST.LAST@NORTHMOOR.GOV.UK,yes
        S2,2023-06-11,Neglect basics,b.person@nhs.net,yes
        S2,2023-06-11,Neglect basics,C.Person@nhs.net,no
        S2,2023-06-11,Neglect basics,c.person@NHS.net,yes

        """

    @Test func aRegisterWithEmailsButNoIdsCountsEachPersonOnce() throws {
        let dir = Workdir()
        dir.write("in/attendance-2023-24.csv", Self.register)
        let result = try run(["build", "--inputs", "in", "--out", "out", "--format", "md"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(
            dir.read("out/2023-24/annual-report.md")?.contains(
                "In 2023-24, 4 people attended 6 times across 2 sessions") == true)
    }

    @Test func anEmailMappedAsTheDelegateIdIsFoldedToo() throws {
        let dir = Workdir()
        dir.write("in/attendance-2023-24.csv", Self.register.replacingOccurrences(of: "Email Address", with: "Contact"))
        dir.write("in/annual-report.yaml", "columns:\n  attendance:\n    delegate_id: [Contact]\n")
        let result = try run(["build", "--inputs", "in", "--out", "out", "--format", "md"], in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(
            dir.read("out/2023-24/annual-report.md")?.contains(
                "In 2023-24, 4 people attended 6 times across 2 sessions") == true)
    }

    @Test func aBlankEmailIsAnErrorAtItsCell() throws {
        let dir = Workdir()
        dir.write("in/attendance-2023-24.csv", Self.register + "S2,2023-06-11,Neglect basics,,yes\n")
        let result = try run(["check", "--inputs", "in"], in: dir)
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains("attendance-2023-24.csv:9:30: error: missing email; expected the delegate's email"))
    }

    @Test func neitherIdNorEmailNamesBoth() throws {
        let dir = Workdir()
        dir.write("in/attendance.csv", "session_id,date,title,attended\nS1,2023-05-10,Neglect,yes\n")
        let result = try run(["check", "--inputs", "in"], in: dir)
        #expect(
            result.stderr.contains(
                "attendance.csv:1: error: missing required column 'delegate_id'; expected a header naming one of: delegate_id, delegate, delegate ref, person id, attendee id, participant id; or a column 'email' (email, email address, e-mail, e-mail address, delegate email, attendee email)"
            ))
    }

    @Test func keys() {
        #expect(PersonKey.key("First.Last@X.org") == "first.last@x.org")
        #expect(PersonKey.key("D-0042") == "D-0042")
        #expect(PersonKey.key("José@X.org") == "josé@x.org")
    }
}
