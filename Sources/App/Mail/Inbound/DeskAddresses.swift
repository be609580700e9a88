import Fluent
import FrontlineMail

/// Every address that is the desk itself: `MAIL_FROM`, `FRONTLINE_MAIL_ADDRESSES` and the support
/// address set under Admin → Settings. Mail from them is a loop; they are never a participant and
/// never copied on outbound mail (a copy to ourselves would come back as a "customer").
enum DeskAddresses {
    static func load(_ settings: MailSettings, on db: any Database) async throws -> Set<String> {
        var ours = settings.ourAddresses
        if let support = try await DeskSetting.find("support_address", on: db), !support.value.isEmpty {
            ours.insert(EmailAddress.normalized(support.value))
        }
        return ours
    }
}

/// Our own mail coming back: a message whose Message-ID Frontline generated (the shape of
/// `MessageID.make`, or an id we are known to have sent) is never customer mail.
enum MailLoop {
    static func isOurOwn(messageID: String, on db: any Database) async throws -> Bool {
        if MessageID.isFrontline(messageID) { return true }
        if try await MailReference.query(on: db).filter(\.$messageID == messageID).filter(\.$direction == "out").first() != nil {
            return true
        }
        return try await OutboxMail.query(on: db).filter(\.$headerMessageID == messageID).first() != nil
    }
}
