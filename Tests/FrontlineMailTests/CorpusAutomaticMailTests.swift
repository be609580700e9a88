import Foundation
import Testing
@testable import FrontlineMail

/// Bounces, auto-replies and list mail: recognised, and never answered automatically.
@Suite struct CorpusAutomaticMailTests {
    let ours: Set<String> = ["support@frontline.test"]

    @Test func postfixBounce() throws {
        let message = try Corpus.message("11-postfix-bounce.eml")
        let status = try #require(message.deliveryStatus)
        #expect(status.originalMessageID == "ticket-1042-5@frontline.test")
        #expect(status.reportingMTA == "mail.frontline.test")
        #expect(status.recipients.count == 1)
        #expect(status.recipients.first?.email == "nobody@example.com")
        #expect(status.recipients.first?.action == "failed" && status.recipients.first?.status == "5.1.1")
        #expect(status.recipients.first?.diagnosticCode?.contains("User unknown") == true)
        #expect(status.isPermanent && !status.isTransient)
        #expect(message.returnPath == "")
        #expect(message.isDeliveryStatusNotification)
        #expect(message.textBody.hasPrefix("I'm sorry to have to inform you"))
        #expect(AutoReplyPolicy.mayAutoReply(to: message, ourAddresses: ours) == .refused(.autoSubmitted))
    }

    @Test func exchangeNDR() throws {
        let message = try Corpus.message("12-exchange-ndr.eml")
        let status = try #require(message.deliveryStatus)
        #expect(status.originalMessageID == "ticket-7-2@frontline.test")
        #expect(status.recipients.map(\.email) == ["gone@contoso.com"])
        #expect(status.recipients.first?.status == "5.1.10")
        #expect(status.isPermanent)
        #expect(message.textBody.hasPrefix("Delivery has failed to these recipients or groups:"))
        #expect(message.attachedMessages.first?.messageID == "ticket-7-2@frontline.test")
    }

    @Test func delayedNotificationIsTransient() throws {
        let message = try Corpus.message("13-delayed-dsn.eml")
        let status = try #require(message.deliveryStatus)
        #expect(status.isTransient && !status.isPermanent)
        #expect(status.recipients.first?.action == "delayed")
        #expect(AutoReplyPolicy.mayAutoReply(to: message, ourAddresses: ours) == .refused(.deliveryStatusNotification))
    }

    @Test func vacationAutoReply() throws {
        let message = try Corpus.message("14-auto-submitted-vacation.eml")
        #expect(message.autoSubmitted == "auto-replied (vacation)")
        #expect(AutoReplyPolicy.mayAutoReply(to: message, ourAddresses: ours) == .refused(.autoSubmitted))
    }

    @Test func bulkPrecedence() throws {
        let message = try Corpus.message("15-precedence-bulk.eml")
        #expect(message.precedence == "bulk")
        #expect(AutoReplyPolicy.mayAutoReply(to: message, ourAddresses: ours) == .refused(.bulkPrecedence))
    }

    @Test func vendorAutoResponderHeaders() throws {
        for file in ["16-x-autoreply.eml", "17-exchange-suppress.eml"] {
            let message = try Corpus.message(file)
            #expect(AutoReplyPolicy.mayAutoReply(to: message, ourAddresses: ours) == .refused(.autoResponderHeader), "\(file)")
        }
    }

    @Test func mailingList() throws {
        let message = try Corpus.message("18-mailing-list.eml")
        #expect(message.hasListHeaders)
        #expect(AutoReplyPolicy.mayAutoReply(to: message, ourAddresses: ours) == .refused(.mailingList))
    }

    @Test func robotAndOwnSenders() throws {
        #expect(AutoReplyPolicy.mayAutoReply(to: try Corpus.message("39-noreply-sender.eml"), ourAddresses: ours)
            == .refused(.robotSender))
        #expect(AutoReplyPolicy.mayAutoReply(to: try Corpus.message("40-own-address.eml"), ourAddresses: ours)
            == .refused(.ownAddress))
    }

    @Test func personalMailMayBeAnswered() throws {
        for file in ["01-plain-ascii.eml", "02-gmail-alternative.eml", "41-gmail-reply-threading.eml"] {
            let message = try Corpus.message(file)
            #expect(AutoReplyPolicy.mayAutoReply(to: message, ourAddresses: ours) == .allowed, "\(file)")
            #expect(!message.isDeliveryStatusNotification)
        }
    }

    @Test func autoSubmittedNoIsAPerson() throws {
        let message = try MessageParser.parse("From: a@example.com\nAuto-Submitted: no\nSubject: hi\n\nx")
        #expect(AutoReplyPolicy.mayAutoReply(to: message, ourAddresses: ours) == .allowed)
        let nullSender = try MessageParser.parse("Return-Path: <>\nFrom: a@example.com\nSubject: hi\n\nx")
        #expect(AutoReplyPolicy.mayAutoReply(to: nullSender, ourAddresses: ours) == .refused(.robotSender))
    }

    @Test func rateLimit() {
        let limit = AutoReplyRateLimit(maxPerWindow: 2, window: 3600)
        let now = Date(timeIntervalSince1970: 100_000)
        #expect(limit.allows(previousRepliesAt: [], now: now))
        #expect(limit.allows(previousRepliesAt: [now.addingTimeInterval(-10)], now: now))
        #expect(!limit.allows(previousRepliesAt: [now.addingTimeInterval(-10), now.addingTimeInterval(-20)], now: now))
        #expect(limit.allows(previousRepliesAt: [now.addingTimeInterval(-4000), now.addingTimeInterval(-20)], now: now))
        #expect(!AutoReplyRateLimit(maxPerWindow: 0, window: 60).allows(previousRepliesAt: [], now: now))
    }
}
