import Testing
@testable import Facts

/// Route-netlink messages built byte by byte, as the kernel sends them.
@Suite struct NetlinkParserTests {
    static func attribute(_ type: UInt16, _ value: [UInt8]) -> [UInt8] {
        let bytes = NativeBytes.encode(UInt16(4 + value.count)) + NativeBytes.encode(type) + value
        return bytes + [UInt8](repeating: 0, count: NetlinkMessage.align(bytes.count) - bytes.count)
    }

    static func message(_ type: UInt16, sequence: UInt32 = 7, _ body: [UInt8]) -> [UInt8] {
        NativeBytes.encode(UInt32(16 + body.count)) + NativeBytes.encode(type) + NativeBytes.encode(UInt16(2))
            + NativeBytes.encode(sequence) + NativeBytes.encode(UInt32(0)) + body
    }

    static let ipv4Address: [UInt8] = message(20,
        [2, 24, 0, 0] + NativeBytes.encode(UInt32(3))
            + attribute(1, [192, 0, 2, 5]) + attribute(2, [192, 0, 2, 5]) + attribute(4, [192, 0, 2, 255])
            + attribute(3, Array("eth0\0".utf8)) + attribute(8, NativeBytes.encode(UInt32(0x80))))

    @Test func addressMessage_decodes() throws {
        let (messages, problem) = NetlinkMessage.split(Self.ipv4Address)
        #expect(problem == nil)
        let address = try #require(messages.first.flatMap(NetlinkAddress.init))
        #expect(address.index == 3)
        #expect(address.label == "eth0")
        let fact = try #require(InterfaceAddress(address))
        #expect(fact.family == "inet")
        #expect(fact.address == "192.0.2.5")
        #expect(fact.prefixLength == 24)
        #expect(fact.broadcast == "192.0.2.255")
        #expect(fact.scope == "global")
        #expect(fact.peer == nil)
        #expect(fact.flags == ["permanent"])
    }

    @Test func ipv6AndPointToPoint() throws {
        let v6 = Self.message(20, [10, 64, 0, 253] + NativeBytes.encode(UInt32(2))
            + Self.attribute(1, [0xfe, 0x80] + [UInt8](repeating: 0, count: 13) + [1]))
        let fact = try #require(NetlinkMessage.split(v6).messages.first.flatMap(NetlinkAddress.init).flatMap(InterfaceAddress.init))
        #expect(fact.address == "fe80::1")
        #expect(fact.scope == "link")
        #expect(fact.family == "inet6")
        let ptp = Self.message(20, [2, 32, 0, 0] + NativeBytes.encode(UInt32(5))
            + Self.attribute(1, [10, 0, 0, 2]) + Self.attribute(2, [10, 0, 0, 1]))
        let peer = try #require(NetlinkMessage.split(ptp).messages.first.flatMap(NetlinkAddress.init).flatMap(InterfaceAddress.init))
        #expect(peer.address == "10.0.0.1")
        #expect(peer.peer == "10.0.0.2")
    }

    @Test func framing_twoMessagesThenATruncatedOne() {
        var bytes = Self.ipv4Address + Self.message(3, [0, 0, 0, 0])
        bytes += Array(Self.ipv4Address.prefix(20))
        let (messages, problem) = NetlinkMessage.split(bytes)
        #expect(messages.map(\.type) == [20, 3])
        #expect(problem?.contains("claims") == true)
    }

    @Test func dumpRequest_hasTheHeaderTheKernelExpects() {
        let request = NetlinkMessage.dumpRequest(type: 22, sequence: 9, familyHeaderLength: 8, family: 0)
        #expect(request.count == 24)
        #expect(NativeBytes.load(request, at: 0, as: UInt32.self) == 24)
        #expect(NativeBytes.load(request, at: 4, as: UInt16.self) == 22)
        #expect(NativeBytes.load(request, at: 6, as: UInt16.self) == 0x301)
        #expect(NativeBytes.load(request, at: 8, as: UInt32.self) == 9)
    }

    @Test func defaultRoutes_plainAndMultipath() throws {
        let plain = Self.message(24, [2, 0, 0, 0, 254, 16, 0, 1] + NativeBytes.encode(UInt32(0))
            + Self.attribute(15, NativeBytes.encode(UInt32(254))) + Self.attribute(5, [192, 0, 2, 1])
            + Self.attribute(4, NativeBytes.encode(Int32(2))) + Self.attribute(6, NativeBytes.encode(UInt32(100))))
        let route = try #require(NetlinkMessage.split(plain).messages.first.flatMap(NetlinkRoute.init))
        #expect(route.isDefault)
        #expect(DefaultRoute.entries(route, names: [2: "eth0"]) == [
            DefaultRoute(family: "inet", gateway: "192.0.2.1", interface: "eth0", metric: 100, protocol: "dhcp"),
        ])

        func hop(_ index: Int32, _ gateway: [UInt8]) -> [UInt8] {
            let attributes = Self.attribute(5, gateway)
            return NativeBytes.encode(UInt16(8 + attributes.count)) + [0, 0] + NativeBytes.encode(index) + attributes
        }
        let multipath = Self.message(24, [2, 0, 0, 0, 254, 4, 0, 1] + NativeBytes.encode(UInt32(0))
            + Self.attribute(9, hop(2, [192, 0, 2, 1]) + hop(3, [198, 51, 100, 1])))
        let ecmp = try #require(NetlinkMessage.split(multipath).messages.first.flatMap(NetlinkRoute.init))
        #expect(DefaultRoute.entries(ecmp, names: [2: "eth0", 3: "eth1"]).map { "\($0.gateway!) \($0.interface!) \($0.protocol)" }
            == ["192.0.2.1 eth0 static", "198.51.100.1 eth1 static"])

        // A route of the local table, or to a prefix, is not a default route.
        let local = Self.message(24, [2, 32, 0, 0, 255, 2, 254, 2] + NativeBytes.encode(UInt32(0)))
        #expect(NetlinkMessage.split(local).messages.first.flatMap(NetlinkRoute.init)?.isDefault == false)
    }

    @Test func malformedAttributes_stopTheWalk_keepingWhatCameBefore() {
        let bytes = Self.attribute(3, Array("lo\0".utf8)) + [0xFF, 0x00, 0x01, 0x00]
        #expect(NetlinkAttribute.parse(bytes[...]).map(\.type) == [3])
    }
}
