import FluentKit
import Foundation
import Testing

@testable import App

/// Every model lists its properties (`var properties`), because Fluent's default finds them by
/// reflection on every row it reads or writes, the largest cost of the read paths in a profile. A
/// list that forgets a property would silently stop storing it: these tests compare every model's
/// list with what reflection finds, and check that no model is missing from them.
@Suite("Model property lists")
struct ModelPropertiesTests {
    static let models: [any Model.Type] = [
        APIToken.self, Attachment.self, AuditEntry.self, BouncingAddress.self, BusinessCalendarRecord.self,
        CallEventRecord.self, CallHold.self, CallTransfer.self, CareerMove.self, CoachingAction.self, CoachingQueueItem.self,
        CoachingSession.self, CoachingTicket.self, CoachingTopic.self, Customer.self, CustomerDocument.self,
        CustomerPromise.self, DeskSetting.self, DutyOccurrence.self, Entitlement.self, EntitlementDocument.self,
        Escalation.self, InboundMail.self, Insight.self, InsightTicket.self, KBArticle.self, Kudos.self, LearningEntry.self,
        LoggedDuty.self, MailReference.self, Message.self, Organization.self, OutboxMail.self, ParticipantSuggestion.self,
        PhoneCall.self, PolicyFriction.self, PolicyFrictionTicket.self, PortalLink.self, Product.self, Project.self,
        ProjectMember.self, RoleProfile.self, SLAClockRecord.self, SLAPolicyRecord.self, SavedFilter.self, SetupToken.self,
        Skill.self, StaffNotification.self, Team.self, TeamMembership.self, Ticket.self, TicketEvent.self,
        TicketOwnerRecord.self, TicketParticipant.self, TicketPresence.self, TicketRunaround.self, TicketTag.self, User.self,
        UserSkill.self, WebSession.self
    ]

    @Test func everyModelListsExactlyTheStoredPropertiesReflectionFinds() {
        for model in Self.models {
            let instance = model.init()
            let listed = instance.properties.map { ObjectIdentifier($0 as AnyObject) }
            let reflected = Mirror(reflecting: instance).children.compactMap { $0.value as? any AnyProperty }
                .map { ObjectIdentifier($0 as AnyObject) }
            #expect(listed == reflected, "\(model): list its properties in declaration order, each once")
        }
    }

    @Test func everyModelOfTheAppIsChecked() throws {
        let declared = try Self.declaredModels()
        let checked = Set(Self.models.map { String(describing: $0) })
        #expect(declared.subtracting(checked).isEmpty, "add these models to ModelPropertiesTests.models")
        #expect(declared.count >= 60)
    }

    /// The names of the classes declared `: Model` under Sources/App.
    static func declaredModels() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/App").standardizedFileURL.path + "/"
        let declaration = try NSRegularExpression(pattern: #"final class (\w+): Model\b"#)
        var names: Set<String> = []
        for case let file as String in FileManager.default.enumerator(atPath: root) ?? .init() where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: root + file, encoding: .utf8)
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { names.insert(String(text[range])) }
            }
        }
        return names
    }
}
