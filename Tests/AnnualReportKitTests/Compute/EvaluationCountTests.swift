import Foundation
import Testing

@testable import AnnualReportKit

/// Evaluations completed: the forms of each event that has any count instead of its training
/// row's figure, and with neither forms nor a figure they are not recorded (N/A), never 0.
@Suite struct EvaluationCountTests {
    /// The trial's f3: a conference with 12 forms (a Microsoft Forms export, with both a
    /// Respondent and an Email column) and no evaluations column in the training rows.
    static let training = """
        date,title,kind,priorities,status,attendees,format,event_id,places
        2023-05-10,Online Safety for Practitioners,course,Digital Harm,delivered,4,virtual,612345678901,30
        2023-11-15,Annual Conference 2023,conference,Digital Harm;Neglect,delivered,5,face-to-face,712345678903,120
        2024-02-07,Neglect Toolkit,course,Neglect,delivered,14,face-to-face,,20

        """

    static func forms() -> String {
        let names = [
            "Ivy Nash", "Jack Orme", "Kate Pym", "Alice Smith", "Bob Jones", "Ann Lee", "Ben Ray", "Cat Fox", "Dan Orr",
            "Eve Kay", "Fay Lim", "Gus Hay",
        ]
        return "Event ID,Respondent,Email,Knowledge before,Knowledge after\n"
            + names.enumerated().map { i, name in
                "712345678903,\(name),\(name.lowercased().replacingOccurrences(of: " ", with: "."))@wyvern.gov.uk,\(1 + i % 3),\(3 + i % 3)\n"
            }.joined()
    }

    @Test func formsCountTheEvaluationsOfTheirEvent() throws {
        let dir = Workdir()
        dir.write("training-2023-24.csv", Self.training)
        dir.write("evaluations-2023-24.csv", Self.forms())
        let input = InputFolder.read(dir.url)
        // Respondent and Email are two personal columns, not one column twice.
        #expect(input.errors.isEmpty, "\(input.errors)")
        let report = try ReportBuilder.build(input)
        let delivery = try #require(report.tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Evaluations completed") == ["Evaluations completed", "N/A", "12", "N/A", "N/A"])
        #expect(delivery.display("Course evaluations") == ["Course evaluations", "N/A", "0", "N/A", "N/A"])
        #expect(delivery.display("Conference evaluations") == ["Conference evaluations", "N/A", "12", "N/A", "N/A"])
        #expect(
            delivery.notes.last
                == "Evaluations completed in 2023-24 count the evaluation forms of each event that has any (12 forms for 1 event); the training records' evaluations column gives no figure for it."
        )
        let training = try #require(report.sections.first { $0.title == "Training" })
        #expect(
            training.paragraphs.contains(
                "12 evaluations were completed: 0 for courses and 12 for conferences and larger events."))
        let conferences = try #require(report.tables.first { $0.id == "conferences" })
        #expect(conferences.displayRows == [["Annual Conference 2023", "1", "5", "12"], ["Total", "1", "5", "12"]])
        // The names and emails are read, never written.
        let markdown = MarkdownWriter.markdown(report)
        #expect(!markdown.contains("Ivy") && !markdown.contains("@wyvern"))
    }

    /// Where the training rows give a figure and the forms another, the forms count, and the
    /// table's note gives both; an event with a figure and no forms keeps its figure (the
    /// sample's conferences, whose forms were kept on paper).
    @Test func aFigureThatDisagreesWithTheFormsIsNoted() throws {
        let dir = Workdir()
        dir.write(
            "training.csv",
            """
            date,title,kind,status,attendees,event_id,evaluations
            2023-05-10,Online Safety,course,delivered,10,E1,7
            2023-06-10,Summit,conference,delivered,80,E2,40
            2023-07-10,Neglect,course,delivered,9,E3,

            """)
        dir.write(
            "evaluations.csv", "event_id,Knowledge before,Knowledge after\n" + String(repeating: "E1,2,4\n", count: 5))
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        let report = try ReportBuilder.build(input)
        let delivery = try #require(report.tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Evaluations completed")?[2] == "45")
        #expect(delivery.display("Course evaluations")?[2] == "5")
        #expect(delivery.display("Conference evaluations")?[2] == "40")
        #expect(
            delivery.notes.last
                == "Evaluations completed in 2023-24 count the evaluation forms of each event that has any (5 forms for 1 event); the training records' evaluations column gives 7 for it."
        )
        let conferences = try #require(report.tables.first { $0.id == "conferences" })
        #expect(conferences.displayRows == [["Summit", "1", "80", "40"], ["Total", "1", "80", "40"]])
    }

    /// The trial's f2: no evaluations column and no forms. The conferences table's Evaluations
    /// is N/A (blank in CSV), as training delivery's is, not 0.
    @Test func noColumnAndNoFormsIsNotRecorded() throws {
        let dir = Workdir()
        dir.write(
            "training.csv",
            """
            date,title,kind,status,attendees,places,booked
            2023-10-03,Annual Conference,conference,delivered,162,180,175
            2024-03-05,Learning from Reviews Briefing,conference,delivered,85,,
            2024-03-06,Neglect Toolkit,course,delivered,20,,

            """)
        let input = InputFolder.read(dir.url)
        #expect(input.errors.isEmpty, "\(input.errors)")
        let report = try ReportBuilder.build(input)
        let conferences = try #require(report.tables.first { $0.id == "conferences" })
        #expect(
            conferences.displayRows == [
                ["Annual Conference", "1", "162", "N/A"], ["Learning from Reviews Briefing", "1", "85", "N/A"],
                ["Total", "2", "247", "N/A"],
            ])
        #expect(
            CSVWriter.csv(conferences) == """
                Conference,Events,Attendees,Evaluations
                Annual Conference,1,162,
                Learning from Reviews Briefing,1,85,
                Total,2,247,

                """)
        let delivery = try #require(report.tables.first { $0.id == "training-delivery" })
        #expect(delivery.display("Evaluations completed") == ["Evaluations completed", "N/A", "N/A", "N/A", "N/A"])
    }

    /// Places and bookings of a group where only some events give them: the fill rate pairs
    /// booked with places over the events that give both, so an event without places does not
    /// count as places offered and none taken (or the reverse).
    @Test func theFillRateIsOverEventsThatGiveBothPlacesAndBookings() throws {
        let dir = Workdir()
        dir.write(
            "training.csv",
            """
            date,title,kind,status,attendees,format,places,booked
            2023-05-10,Neglect,course,delivered,18,virtual,20,19
            2023-06-10,Neglect,course,delivered,30,virtual,,30
            2023-07-10,Neglect,course,delivered,10,virtual,25,

            """)
        let report = try ReportBuilder.build(InputFolder.read(dir.url))
        let uptake = try #require(report.tables.first { $0.id == "training-uptake" })
        #expect(uptake.displayRows == [["2023-24", "virtual", "course", "3", "45", "49", "58", "95.0%", "98.0%", "1"]])
    }
}
