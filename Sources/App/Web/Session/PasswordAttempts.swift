import Foundation
import Vapor

/// The limits every password check goes through (desk sign-in, portal sign-in, `POST /api/v1/tokens`):
/// per account and per address, counted before the costly Bcrypt check, so neither guessing nor
/// sending guesses in parallel gets more tries than the limit.
enum PasswordAttempts {
    /// The key a customer's attempts count against; staff use their normalized email.
    static func customerAccount(_ email: String) -> String { "customer:" + email }

    /// Counts the attempt against both limits in one write; when either is full, neither counts it.
    /// The account comes first everywhere, so concurrent writes on PostgreSQL take the two
    /// counter rows in one order and cannot deadlock.
    static func admit(account: String, address: String, on req: Request) async throws -> RateLimit.Decision {
        let now = req.now
        return try await req.write { db in
            let byAccount = try await RateLimit.signInPerAccount.admit(account, on: db, at: now)
            guard byAccount == .admitted else { return byAccount }
            let byAddress = try await RateLimit.signInPerAddress.admit(address, on: db, at: now)
            if byAddress != .admitted { try await RateLimit.signInPerAccount.refund(account, on: db) }
            return byAddress
        }
    }

    /// The password was right: the account's failures are forgotten, and the address gets this
    /// attempt back (an office signing in all morning is not guessing).
    static func succeeded(account: String, address: String, on req: Request) async throws {
        let now = req.now
        try await req.write { db in
            try await RateLimit.signInPerAccount.clear(account, on: db)
            try await RateLimit.signInPerAddress.refund(address, on: db)
            try await RateLimit.sweep(on: db, at: now)
        }
    }
}

/// `429` for an API client over a rate limit, with `Retry-After`.
struct TooManyAttempts: FrontlineError {
    let retryAfter: Int
    var status: HTTPResponseStatus { .tooManyRequests }
    var code: String { "too_many_attempts" }
    var reason: String { "too many failed attempts; try again in \(retryAfter) seconds" }
    var headers: HTTPHeaders { ["Retry-After": String(retryAfter)] }
}

extension Response {
    /// Tells a client over a rate limit when to come back.
    func retrying(after decision: RateLimit.Decision) -> Response {
        if case .refused(let seconds) = decision { headers.replaceOrAdd(name: .retryAfter, value: String(seconds)) }
        return self
    }
}
