import Foundation
import Vapor

/// A body decoder that refuses NULs before the wrapped decoder reads the body, and turns a body
/// the wrapped decoder cannot parse at all (a broken multipart body) into a 400, not a 500.
struct CheckedBodyDecoder: ContentDecoder {
    enum Format { case json, form, multipart }

    let wrapped: any ContentDecoder
    let format: Format

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try refuseNUL(in: body)
        return try unparseableIsBadRequest { try wrapped.decode(D.self, from: body, headers: headers) }
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
        try refuseNUL(in: body)
        return try unparseableIsBadRequest { try wrapped.decode(D.self, from: body, headers: headers, userInfo: userInfo) }
    }

    private func refuseNUL(in body: ByteBuffer) throws {
        let bytes = body.readableBytesView
        let field: String? = switch format {
        case .json: NULCharacters.field(inJSON: bytes)
        case .form: NULCharacters.field(inForm: bytes)
        // Files may hold any bytes; an upload's filename is checked where it is stored.
        case .multipart: nil
        }
        if let field { throw NULCharacters.refused(field) }
    }

    private func unparseableIsBadRequest<T>(_ decode: () throws -> T) throws -> T {
        do {
            return try decode()
        } catch let error as DecodingError {
            throw error
        } catch let error as any AbortError {
            throw error
        } catch {
            throw RequestError(.badRequest, "malformed_body", "the body could not be read as \(format)")
        }
    }
}

/// Request bodies of `text/plain` are read by no operation: refusing them with 415 says so, where
/// Vapor's plain-text decoder would try to read a JSON object out of text and answer 422.
struct UnsupportedBodyDecoder: ContentDecoder {
    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        throw RequestError(
            .unsupportedMediaType, "unsupported_media_type",
            "\(headers.contentType?.serialize() ?? "this content type") is not read here; send application/json")
    }
}
