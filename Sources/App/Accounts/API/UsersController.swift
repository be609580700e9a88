import Fluent
import FrontlineCore
import Vapor

/// `/api/v1/users`: staff accounts. Everyone on staff can read them (to assign and hand off);
/// managers and admins manage them.
enum UsersController {
    struct CreateRequest: Content {
        let email: String
        let name: String
        let role: UserRole
        let password: String?
    }

    struct UpdateRequest: Content {
        let name: String?
        let role: UserRole?
        let active: Bool?
        let password: String?
    }

    struct UserList: Content {
        let users: [UserDTO]
    }

    @Sendable static func list(req: Request) async throws -> UserList {
        _ = try req.staff()
        let users = try await User.query(on: req.db).sort(\.$name).all()
        return UserList(users: try users.map(UserDTO.init))
    }

    @Sendable static func show(req: Request) async throws -> UserDTO {
        _ = try req.staff()
        return try UserDTO(try await find(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let actor = try req.staff(atLeast: .manager)
        let input = try req.content.decode(CreateRequest.self)
        guard StaffDirectory.mayManage(input.role, as: actor) else {
            throw RequestError.forbidden("only an admin can create an admin")
        }
        var hash: String?
        if let password = input.password {
            try StaffDirectory.checkPassword(password)
            hash = try await req.password.async.hash(password)
        }
        let user = try await req.write { [hash] db in
            let user = try await StaffDirectory.create(email: input.email, name: input.name, role: input.role, passwordHash: hash, on: db, at: req.now)
            try await AuditLog.record(.userCreated, by: .init(actor), subject: "user", id: user.id?.uuidString, after: AuditSnapshot.User(user), at: req.now, on: db)
            return user
        }
        return try await UserDTO(user).encodeResponse(status: .created, for: req)
    }

    @Sendable static func update(req: Request) async throws -> UserDTO {
        let actor = try req.staff(atLeast: .manager)
        let input = try req.content.decode(UpdateRequest.self)
        let user = try await find(req)
        let before = AuditSnapshot.User(user)
        guard StaffDirectory.mayManage(user.role, as: actor), StaffDirectory.mayManage(input.role ?? user.role, as: actor) else {
            throw RequestError.forbidden("only an admin can change an admin or make one")
        }
        if let name = input.name { user.name = try StaffDirectory.checkName(name) }
        if let role = input.role { user.role = role }
        if let active = input.active {
            if !active, user.id == actor.id { throw RequestError.invalid("active", "you cannot deactivate yourself") }
            user.active = active
        }
        if let password = input.password {
            try StaffDirectory.checkPassword(password)
            user.passwordHash = try await req.password.async.hash(password)
        }
        user.updatedAt = req.now
        let userId = try user.requireID()
        // Deactivated: every token and session goes. A new password: every other one goes (the
        // token of this request stays when people change their own).
        var revoke: AccessRevocation.Current?
        if !user.active {
            revoke = .nothing
        } else if input.password != nil {
            revoke = userId == actor.id ? AccessRevocation.Current(of: req) : .nothing
        }
        return try await req.write { [revoke] db in
            try await user.save(on: db)
            try await AuditLog.recordUserChange(
                before: before, after: AuditSnapshot.User(user, passwordChanged: input.password != nil), by: .init(actor), userId: user.id,
                at: req.now, on: db)
            if let revoke { try await AccessRevocation.revoke(.user(userId), keeping: revoke, on: db) }
            return try UserDTO(user)
        }
    }

    /// Staff are deactivated, not deleted: their tickets, events and messages keep their author.
    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        let actor = try req.staff(atLeast: .manager)
        let user = try await find(req)
        guard StaffDirectory.mayManage(user.role, as: actor) else { throw RequestError.forbidden("only an admin can deactivate an admin") }
        guard user.id != actor.id else { throw RequestError.conflict("you cannot deactivate yourself") }
        let before = AuditSnapshot.User(user)
        try await req.write { db in
            user.active = false
            user.updatedAt = req.now
            try await user.save(on: db)
            try await AuditLog.recordUserChange(before: before, after: AuditSnapshot.User(user), by: .init(actor), userId: user.id, at: req.now, on: db)
            try await AccessRevocation.revoke(.user(try user.requireID()), on: db)
        }
        return .noContent
    }

    private static func find(_ req: Request) async throws -> User {
        guard let user = try await User.find(try req.id("userID", of: "user"), on: req.db) else {
            throw RequestError.notFound("user")
        }
        return user
    }
}
