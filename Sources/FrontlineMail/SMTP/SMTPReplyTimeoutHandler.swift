import NIOCore

/// Fails the channel when the server does not answer in time.
///
/// Armed when the connection becomes active (waiting for the greeting) and on
/// every write (waiting for that command's reply; re-armed per chunk so a large
/// DATA upload is not cut off), disarmed by each complete reply.
final class SMTPReplyTimeoutHandler: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias InboundOut = SMTPReply
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let timeout: TimeAmount
    private var pending: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context: context)
        context.fireChannelActive()
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context: context) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        pending?.cancel()
        pending = nil
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        arm(context: context)
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
        context.fireChannelInactive()
    }

    private func arm(context: ChannelHandlerContext) {
        pending?.cancel()
        let loopBoundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        pending = context.eventLoop.scheduleTask(in: timeout) {
            let context = loopBoundContext.value
            context.fireErrorCaught(SMTPError.timedOut("a server reply"))
            context.close(promise: nil)
        }
    }
}
