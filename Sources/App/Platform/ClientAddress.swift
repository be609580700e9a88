import FrontlineCore
import Vapor

extension Request {
    /// The address of the client, which rate limits count against. The connection's peer, unless
    /// that peer is one of `FRONTLINE_TRUSTED_PROXIES`: then the rightmost address of the proxies'
    /// forwarding header that is not itself a trusted proxy. A forwarding header from anyone else
    /// is ignored, or a client could pick a fresh address for every guess.
    var clientAddress: String {
        guard let raw = remoteAddress?.ipAddress else { return "unknown" }
        guard let peer = IPAddress(raw) else { return raw }
        let proxies = application.frontlineConfig.trustedProxies
        let name: HTTPHeaders.Name = proxies.header == .forwarded ? .forwarded : .xForwardedFor
        return proxies.client(peer: peer, headerValues: headers[name]).description
    }
}
