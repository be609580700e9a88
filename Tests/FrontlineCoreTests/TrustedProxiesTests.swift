import FrontlineCore
import Testing

/// Addresses, blocks and who the client is behind a chain of proxies.
@Suite("Trusted proxies")
struct TrustedProxiesTests {
    @Test(arguments: [
        ("192.0.2.1", "192.0.2.1"), ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"), ("::1", "::1"), ("::", "::"),
        ("2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"), ("::ffff:192.0.2.1", "192.0.2.1"), ("fe80::1:2", "fe80::1:2"),
        ("2001:0db8:0001:0000:0000:0ab9:C0A8:0102", "2001:db8:1::ab9:c0a8:102"), ("::192.0.2.1", "::c000:201"),
    ])
    func addressesHaveOneSpelling(text: String, canonical: String) {
        #expect(IPAddress(text)?.description == canonical)
    }

    @Test(arguments: ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", ":::", "1::2::3", "12345::",
                      "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "unknown", "_hidden", " 1.2.3.4"])
    func notAnAddress(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test func blocksContainTheirAddressesOnly() throws {
        let v4 = try #require(IPNetwork("10.0.0.0/8"))
        #expect(v4.contains(try #require(IPAddress("10.255.0.1"))))
        #expect(!v4.contains(try #require(IPAddress("11.0.0.1"))))
        #expect(v4.contains(try #require(IPAddress("::ffff:10.1.2.3"))), "an IPv4-mapped peer is its IPv4 address")
        let odd = try #require(IPNetwork("192.168.0.0/23"))
        #expect(odd.contains(try #require(IPAddress("192.168.1.200"))))
        #expect(!odd.contains(try #require(IPAddress("192.168.2.1"))))
        let v6 = try #require(IPNetwork("fd00::/8"))
        #expect(v6.contains(try #require(IPAddress("fd12:3456::1"))))
        #expect(!v6.contains(try #require(IPAddress("fe80::1"))))
        #expect(!v6.contains(try #require(IPAddress("10.0.0.1"))))
        #expect(try #require(IPNetwork("::ffff:10.0.0.0/104")).contains(try #require(IPAddress("10.9.9.9"))))
        #expect(try #require(IPNetwork("0.0.0.0/0")).contains(try #require(IPAddress("8.8.8.8"))))
        for bad in ["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/x", "proxy.local", "::ffff:10.0.0.0/95"] {
            #expect(IPNetwork(bad) == nil, "\(bad)")
        }
    }

    @Test func theClientIsTheRightmostUntrustedAddress() throws {
        let proxies = TrustedProxies.parse("10.0.0.0/8, 2001:db8:ffff::/48").proxies
        let proxy = try #require(IPAddress("10.0.0.2"))
        func client(_ values: [String], peer: IPAddress? = nil) -> String {
            proxies.client(peer: peer ?? proxy, headerValues: values).description
        }
        #expect(client(["198.51.100.7"]) == "198.51.100.7")
        #expect(client(["6.6.6.6, 198.51.100.7"]) == "198.51.100.7", "what the client wrote is left of what proxies appended")
        #expect(client(["6.6.6.6, 198.51.100.7, 10.0.0.9"]) == "198.51.100.7", "proxies in a chain are skipped")
        #expect(client(["6.6.6.6", "198.51.100.7, 10.0.0.9"]) == "198.51.100.7", "several header lines are one list")
        #expect(client(["[2001:db8::7]:4711, 198.51.100.7:1234"]) == "198.51.100.7")
        #expect(client(["2001:db8::7, 2001:db8:ffff::1"]) == "2001:db8::7")
        #expect(client([]) == "10.0.0.2", "no header: the proxy itself")
        #expect(client(["10.0.0.5"]) == "10.0.0.5", "only proxies: the leftmost of them")
        #expect(client(["198.51.100.7, garbage, 10.0.0.9"]) == "10.0.0.9", "a hop that is not an address stops at the proxy that wrote it")
        let stranger = try #require(IPAddress("203.0.113.9"))
        #expect(client(["198.51.100.7"], peer: stranger) == "203.0.113.9", "an untrusted peer's header is ignored")
        #expect(TrustedProxies.none.client(peer: proxy, headerValues: ["1.1.1.1"]).description == "10.0.0.2")
    }

    @Test func theForwardedHeaderIsReadByItsForParameter() throws {
        let proxies = TrustedProxies.parse("10.0.0.0/8", header: .forwarded).proxies
        let proxy = try #require(IPAddress("10.0.0.2"))
        let values = [#"for=6.6.6.6, for="[2001:db8:cafe::17]:4711";proto=https, For=10.0.0.3;by=10.0.0.2"#]
        #expect(proxies.client(peer: proxy, headerValues: values).description == "2001:db8:cafe::17")
        #expect(proxies.client(peer: proxy, headerValues: ["for=unknown"]).description == "10.0.0.2")
    }

    @Test func aListNamesWhatItCannotRead() {
        let (proxies, invalid) = TrustedProxies.parse(" 10.0.0.0/8 ,, ::1, nginx ")
        #expect(proxies.networks.count == 2)
        #expect(invalid == ["nginx"])
    }
}
