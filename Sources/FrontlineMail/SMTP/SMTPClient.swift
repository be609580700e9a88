import NIOCore
import NIOPosix
import NIOSSL

/// Submits messages to an SMTP server (RFC 5321) over SwiftNIO.
///
/// One connection per `send`: help desk volume does not justify pooling, and a
/// fresh connection never inherits a half-broken session. Safe to share.
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    private let eventLoopGroup: any EventLoopGroup

    public init(configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
    }

    /// Sends `message` (complete RFC 5322 bytes, any line endings) to `recipients`.
    ///
    /// Succeeds when at least one recipient was accepted; the report lists the
    /// refused ones. Throws `SMTPError`; check `isPermanent` before retrying.
    @discardableResult
    public func send(from sender: String, to recipients: [String], message: [UInt8]) async throws(SMTPError) -> SMTPDeliveryReport {
        for address in [sender] + recipients where !Self.isSafeAddress(address) {
            throw .invalidAddress(address)
        }
        guard !recipients.isEmpty else { throw .invalidAddress("(no recipients)") }
        do {
            let channel = try await connect()
            return try await channel.executeThenClose { inbound, outbound in
                var session = SMTPSession(
                    configuration: configuration, channel: channel.channel,
                    replies: inbound.makeAsyncIterator(), outbound: outbound
                )
                return try await session.deliver(from: sender, to: recipients, message: message)
            }
        } catch let error as SMTPError {
            throw error
        } catch {
            throw Self.classify(error)
        }
    }

    private func connect() async throws -> NIOAsyncChannel<SMTPReply, ByteBuffer> {
        let configuration = self.configuration
        let tlsContext = try configuration.security == .implicitTLS ? SMTPSession.makeTLSContext(configuration) : nil
        return try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let tlsContext {
                        try pipeline.addHandler(
                            NIOSSLClientHandler(context: tlsContext, serverHostname: SMTPSession.sniName(configuration.host))
                        )
                    }
                    try pipeline.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try pipeline.addHandler(SMTPReplyTimeoutHandler(timeout: TimeAmount(configuration.replyTimeout)))
                    return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// Angle brackets, spaces and line breaks would let an address rewrite the command.
    private static func isSafeAddress(_ address: String) -> Bool {
        !address.utf8.contains { $0 < 0x21 || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == 0x7F }
    }

    /// Maps NIO and TLS errors onto SMTPError; all of them are worth a retry.
    static func classify(_ error: any Error) -> SMTPError {
        if let error = error as? SMTPError { return error }
        if error is NIOSSLError || error is BoringSSLError {
            return .tls(String(describing: error))
        }
        if let channelError = error as? ChannelError {
            switch channelError {
            case .connectTimeout: return .timedOut("the connection")
            case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed: return .connectionClosed("the conversation")
            default: return .connectionFailed(String(describing: channelError))
            }
        }
        return .connectionFailed(String(describing: error))
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
