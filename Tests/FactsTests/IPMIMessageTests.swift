import Testing
@testable import Facts

/// A BMC made of canned responses, keyed by the request's bytes; it records what it was sent.
final class CannedBMC: IPMITransport {
    var responses: [[UInt8]: [[UInt8]]] = [:]
    var sent: [IPMIRequest] = []

    /// `body` is the completion code followed by the data, as the driver returns it.
    func on(_ request: IPMIRequest, _ body: [UInt8]...) {
        responses[Self.key(request), default: []] += body
    }

    static func key(_ request: IPMIRequest) -> [UInt8] { [request.netFn, request.command] + request.data }

    func send(_ request: IPMIRequest) throws(IPMIError) -> IPMIResponse {
        sent.append(request)
        guard var queue = responses[Self.key(request)], !queue.isEmpty else {
            return IPMIResponse(netFn: request.netFn | 1, command: request.command, completionCode: .invalidCommand)
        }
        let body = queue.count > 1 ? queue.removeFirst() : queue[0]
        responses[Self.key(request)] = queue
        return try IPMIResponse(netFn: request.netFn | 1, command: request.command, body: body)
    }
}

@Suite struct IPMIMessageTests {
    /// Get Device ID as QEMU's ipmi-bmc-sim answered in the rack-server harness guest (`ipmitool raw 6 1`),
    /// and what `ipmitool mc info` printed there.
    static let qemuDeviceID: [UInt8] = [0x20, 0x00, 0x02, 0x31, 0x02, 0x07, 0xa2, 0x02, 0x00, 0x00, 0x01]
    static let qemuMCInfo = """
        Device ID                 : 32
        Device Revision           : 0
        Firmware Revision         : 2.31
        IPMI Version              : 2.0
        Manufacturer ID           : 674
        Manufacturer Name         : Dell Inc.
        Product ID                : 256 (0x0100)
        Product Name              : Unknown (0x100)
        Device Available          : yes
        Provides Device SDRs      : no
        Additional Device Support :
            Sensor Device
            SDR Repository Device
            SEL Device

        """

    @Test func getDeviceID_goldenBytes_printLikeIpmitoolMCInfo() throws {
        #expect(CannedBMC.key(IPMIDeviceID.request) == [0x06, 0x01])
        let registry = Array("\n673\n  Other\n674\n  Dell Inc.\n    someone\n".utf8)
        let id = try IPMIDeviceID(response: Self.qemuDeviceID, manufacturers: IPMIManufacturers(names: [:], registry: registry))
        #expect(id.manufacturerID == 674)
        #expect(id.productID == 0x0100)
        #expect(id.auxFirmwareRevision == nil)
        #expect(IPMIToolText.mcInfo(id) == Self.qemuMCInfo)
    }

    /// ipmitool's product table, its first name for a pair listed twice, and its "%02X" for an unknown id.
    @Test func productName_isIpmitoolsTable() throws {
        func name(_ manufacturer: UInt32, _ product: UInt16) throws -> String {
            var bytes: [UInt8] = [0x42, 0x03, 0x05, 0x17, 0x02, 0x8f, 0, 0, 0, UInt8(product & 0xFF), UInt8(product >> 8)]
            bytes[6...8] = [UInt8(manufacturer & 0xFF), UInt8(manufacturer >> 8 & 0xFF), UInt8(manufacturer >> 16)]
            return IPMIToolText.productName(try IPMIDeviceID(response: bytes, manufacturers: IPMIManufacturers(names: [:])))
        }
        #expect(try name(10876, 0x1B2C) == "H12SSW-NT")
        #expect(try name(10876, 0xB780) == "C2SBA")
        #expect(try name(343, 0x0100) == "Tiger4")
        #expect(try name(674, 0x0100) == "Unknown (0x100)")
        #expect(try name(674, 0x000F) == "Unknown (0x0F)")
    }

    @Test func getDeviceID_withAuxRevision_andUnavailableDevice() throws {
        let bytes: [UInt8] = [0x21, 0x83, 0x83, 0x88, 0x51, 0x80, 0x7c, 0x2a, 0x00, 0x2b, 0x1a, 1, 2, 3, 4]
        let id = try IPMIDeviceID(response: bytes)
        #expect(id.deviceRevision == 3 && id.providesDeviceSdrs && !id.deviceAvailable)
        #expect(id.firmwareRevision == "3.88" && id.ipmiVersion == "1.5")
        #expect(id.manufacturerName == "Supermicro" && id.productID == 0x1a2b)
        #expect(id.additionalDeviceSupport == ["Chassis Device"])
        let text = IPMIToolText.mcInfo(id)
        #expect(text.contains("Product ID                : 6699 (0x1a2b)\n"))
        #expect(text.hasSuffix("Aux Firmware Rev Info     : \n    0x01\n    0x02\n    0x03\n    0x04\n"))
    }

    @Test func getDeviceID_truncated_isMalformed() {
        #expect(throws: IPMIError.self) { try IPMIDeviceID(response: Array(Self.qemuDeviceID.prefix(10))) }
    }

    @Test func errorCompletionCode_namedAsTheSpecNamesIt() {
        let bmc = CannedBMC()
        bmc.on(IPMIDeviceID.request, [0xD4])
        #expect(throws: IPMIError.completion(request: "netfn 0x06 cmd 0x01", code: IPMICompletionCode(0xD4))) {
            try bmc.call(IPMIDeviceID.request)
        }
        #expect(IPMICompletionCode(0xD4).description == "Insufficient privilege level (0xd4)")
        #expect(IPMICompletionCode(0xC1).name == "Invalid command")
        #expect(IPMICompletionCode(0xC0).isTransient && !IPMICompletionCode(0xC1).isTransient)
        #expect(IPMICompletionCode(0x42).name == "Device specific (OEM) completion code")
    }

    @Test func emptyResponseBody_isAnError() {
        #expect(throws: IPMIError.emptyResponse(netFn: 7, command: 1)) { try IPMIResponse(netFn: 7, command: 1, body: []) }
    }

    @Test func chassisStatus_goldenBytes_printLikeIpmitool() throws {
        #expect(CannedBMC.key(IPMIChassisStatus.request) == [0x00, 0x01])
        // QEMU's answer, and what `ipmitool chassis status` printed in the guest.
        let status = try IPMIChassisStatus(response: [0x61, 0x00, 0x00, 0x00])
        #expect(IPMIToolText.chassisStatus(status) == """
            System Power         : on
            Power Overload       : false
            Power Interlock      : inactive
            Main Power Fault     : false
            Power Control Fault  : false
            Power Restore Policy : unknown
            Last Power Event     : 
            Chassis Intrusion    : inactive
            Front-Panel Lockout  : inactive
            Drive Fault          : false
            Cooling/Fan Fault    : false
            Front Panel Control  : none

            """)
        let other = try IPMIChassisStatus(response: [0x2e, 0x11, 0x0f])
        #expect(!other.powerOn && other.powerRestorePolicy == "previous" && other.mainPowerFault)
        #expect(other.lastPowerEvent == ["ac-failed", "command"] && other.coolingFault && other.frontPanelControl == nil)
        #expect(throws: IPMIError.self) { try IPMIChassisStatus(response: [0x61, 0x00]) }
    }

    @Test func bootdevPXE_sendsWhatIpmitoolSends() throws {
        let bmc = CannedBMC()
        for request in [IPMIBootOptions.setRequest(parameter: 0, data: [1]), IPMIBootOptions.setRequest(parameter: 4, data: [1, 1]),
                        IPMIBootOptions.setRequest(parameter: 5, data: [0x80, 0x04, 0, 0, 0]),
                        IPMIBootOptions.setRequest(parameter: 0, data: [2]), IPMIBootOptions.setRequest(parameter: 0, data: [0])] {
            bmc.on(request, [0x00])
        }
        let outcome = IPMIBootOptions.setBootDevice(IPMIBootOptions.devices["pxe"]!, name: "pxe", on: bmc)
        #expect(outcome == .init(stdout: "Set Boot Device to pxe\n", stderr: "", status: 0))
        #expect(bmc.sent.map(CannedBMC.key) == [
            [0x00, 0x08, 0x00, 0x01], [0x00, 0x08, 0x04, 0x01, 0x01], [0x00, 0x08, 0x05, 0x80, 0x04, 0x00, 0x00, 0x00],
            [0x00, 0x08, 0x00, 0x02], [0x00, 0x08, 0x00, 0x00],
        ])
        let flags = try IPMIBootOptions.bootFlags(response: [0x01, 0x05, 0x80, 0x04, 0, 0, 0])
        #expect(flags.valid && flags.device == 0x04 && !flags.persistent)
    }

    @Test func bootdev_withoutSetInProgress_stillSetsTheFlags_andARefusalExitsZeroAsIpmitoolDoes() {
        let bmc = CannedBMC()
        bmc.on(IPMIBootOptions.setRequest(parameter: 4, data: [1, 1]), [0x00])
        bmc.on(IPMIBootOptions.setRequest(parameter: 5, data: [0x80, 0x04, 0, 0, 0]), [0x00])
        let taken = IPMIBootOptions.setBootDevice(0x04, name: "pxe", on: bmc)
        #expect(taken.status == 0 && taken.stdout == "Set Boot Device to pxe\n" && taken.stderr.isEmpty, "\(taken)")
        #expect(bmc.sent.count == 5, "in progress, acknowledge, flags, commit, complete")
        // A BMC without Set System Boot Options (QEMU's): both refusals named, no commit, status 0.
        let refusing = CannedBMC()
        let refused = IPMIBootOptions.setBootDevice(0x04, name: "pxe", on: refusing)
        #expect(refused == .init(stdout: "", stderr: "Set Chassis Boot Parameter 4 failed: Invalid command\nSet Chassis Boot Parameter 5 failed: Invalid command\n", status: 0))
        #expect(refusing.sent.count == 4)
        // Set System Boot Options' own codes, and codes nobody names.
        let readOnly = CannedBMC()
        readOnly.on(IPMIBootOptions.setRequest(parameter: 4, data: [1, 1]), [0x00])
        readOnly.on(IPMIBootOptions.setRequest(parameter: 5, data: [0x80, 0x04, 0, 0, 0]), [0x82])
        #expect(IPMIBootOptions.setBootDevice(0x04, name: "pxe", on: readOnly).stderr == "Set Chassis Boot Parameter 5 failed: Parameter is read-only\n")
        #expect(IPMIToolText.completion(IPMICompletionCode(0x7a)) == "Unknown (0x7A)")
    }

    /// A BMC that never answers: ipmitool's "Error setting" lines and status 1.
    final class SilentBMC: IPMITransport {
        func send(_ request: IPMIRequest) throws(IPMIError) -> IPMIResponse { throw .timeout(request: request.description, seconds: 1) }
    }

    @Test func bootdev_noAnswer_exitsOne() {
        let outcome = IPMIBootOptions.setBootDevice(0x04, name: "pxe", on: SilentBMC())
        #expect(outcome == .init(stdout: "", stderr: "Error setting Chassis Boot Parameter 0\nError setting Chassis Boot Parameter 4\nError setting Chassis Boot Parameter 0\n", status: 1))
    }

    @Test func lanConfiguration_goldenParameters() {
        #expect(CannedBMC.key(IPMILANConfiguration.request(channel: 1, parameter: 3)) == [0x0C, 0x02, 0x01, 0x03, 0x00, 0x00])
        var lan = IPMILANConfiguration(channel: 1)
        lan.apply(parameter: 1, response: [0x11, 0x15])
        lan.apply(parameter: 2, response: [0x11, 0x14, 0x14, 0x14, 0x14, 0x00])
        lan.apply(parameter: 3, response: [0x11, 10, 1, 2, 3])
        lan.apply(parameter: 4, response: [0x11, 0x02])
        lan.apply(parameter: 5, response: [0x11, 0x00, 0x1e, 0x67, 0xaa, 0xbb, 0xcc])
        lan.apply(parameter: 6, response: [0x11, 255, 255, 255, 0])
        lan.apply(parameter: 12, response: [0x11, 10, 1, 2, 1])
        lan.apply(parameter: 13, response: [0x11, 0, 0, 0, 0, 0, 1])
        lan.apply(parameter: 20, response: [0x11, 0x64, 0x80])
        lan.apply(parameter: 21, response: [0x11, 0x03])
        lan.apply(parameter: 22, response: [0x11, 0x03])
        lan.apply(parameter: 23, response: [0x11, 0x00, 0x00, 0x01, 0x03, 0x11])
        lan.apply(parameter: 24, response: [0x11, 0x00, 0x40, 0x44, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00])
        lan.apply(parameter: 7, response: [0x11, 0x40, 0x40, 0x10])
        lan.apply(parameter: 26, response: [0x11, 0x01, 0x03, 0x06, 0x00, 0x3c, 0x00])
        lan.apply(parameter: 14, response: [0x11, 1, 2]) // short: ignored
        #expect(lan.ipAddressSource == "dhcp" && lan.ipAddress == "10.1.2.3" && lan.subnetMask == "255.255.255.0")
        #expect(lan.macAddress == "00:1e:67:aa:bb:cc" && lan.defaultGatewayMAC == "00:00:00:00:00:01")
        #expect(lan.vlanID == 100 && lan.vlanPriority == 3 && lan.backupGatewayIP == nil)
        #expect(lan.authTypeSupport == ["NONE", "MD5", "PASSWORD"] && lan.authTypeEnables?["admin"] == ["MD5", "PASSWORD"])
        // Three suites as parameter 22 says, and the 15 fixed suites' privileges (the 16th nibble is not one).
        #expect(lan.cipherSuites == [0, 1, 3] && lan.cipherSuitePrivileges == "XaaaaXXXXXXXXXX")
        #expect(lan.badPasswordThreshold == .init(threshold: 3, disableUser: true, attemptCountResetSeconds: 60, lockoutIntervalSeconds: 600))
        let text = IPMIToolText.lanPrint(lan)
        #expect(text.contains("IP Header               : TTL=0x40 Flags=0x40 Precedence=0x00 TOS=0x10\n"))
        #expect(text.contains("RMCP+ Cipher Suites     : 0,1,3\nCipher Suite Priv Max   : XaaaaXXXXXXXXXX\n"))
        #expect(text.hasSuffix("Bad Password Threshold  : 3\nInvalid password disable: yes\nAttempt Count Reset Int.: 60\nUser Lockout Interval   : 600\n"))
        // A BMC without a parameter gets no line for it, as ipmitool leaves it out; 24 and 26 say Not Available.
        var bare = IPMILANConfiguration(channel: 1)
        bare.apply(parameter: 3, response: [0x11, 10, 1, 2, 3])
        #expect(IPMIToolText.lanPrint(bare) == """
            IP Address              : 10.1.2.3
            Cipher Suite Priv Max   : Not Available
            Bad Password Threshold  : Not Available

            """)
        bare.apply(parameter: 20, response: [0x11, 0x00, 0x00])
        #expect(IPMIToolText.lanPrint(bare).contains("802.1q VLAN ID          : Disabled\n"))
        #expect(text.contains("IP Address Source       : DHCP Address\n"))
        #expect(text.contains("802.1q VLAN ID          : 100\n"))
        #expect(text.contains("Auth Type Enable        : Callback : MD5 PASSWORD \n                        : User     : MD5 PASSWORD \n"))
    }

    /// Get Device GUID as QEMU's ipmi-bmc-sim answered in the rack-server guest (`ipmitool raw 6 8`), given
    /// `guid=4c4c4544-0042-3710-8052-b3c04f4a3599`: kept in the order sent, so the profile's text comes back.
    @Test func deviceGUID_keepsTheBytesInTheOrderSent() throws {
        let bmc = CannedBMC()
        bmc.on(IPMIDeviceGUID.request, [0x00, 0x4c, 0x4c, 0x45, 0x44, 0x00, 0x42, 0x37, 0x10, 0x80, 0x52, 0xb3, 0xc0, 0x4f, 0x4a, 0x35, 0x99])
        var inventory = IPMIInventory()
        #expect(inventory.deviceGUID(bmc) == "4c4c4544-0042-3710-8052-b3c04f4a3599")
        #expect(throws: IPMIError.self) { try IPMIDeviceGUID.decode(response: Array(repeating: 0, count: 15)) }
    }

    @Test func selfTest_namesTheResultAndEachFailureBit() throws {
        #expect(try IPMISelfTest(response: [0x55, 0x00]).result == "passed")
        #expect(try IPMISelfTest(response: [0x56, 0x00]).result == "not implemented")
        let broken = try IPMISelfTest(response: [0x57, 0x09])
        #expect(broken.result == "device error" && broken.failures == [IPMISelfTest.failureNames[0], IPMISelfTest.failureNames[3]])
        #expect(try IPMISelfTest(response: [0x58, 0x02]).failures.isEmpty)
        #expect(try IPMISelfTest(response: [0x80, 0x01]).result == "device-specific failure")
        #expect(throws: IPMIError.self) { try IPMISelfTest(response: [0x55]) }
        // A BMC without the command (QEMU's) is a diagnostic naming the completion code, not a crash.
        var inventory = IPMIInventory()
        #expect(inventory.selfTest(CannedBMC()) == nil)
        #expect(inventory.diagnostics.first?.error.contains("Get Self Test Results failed") == true)
    }

    @Test func lanChannels_foundThroughChannelInfo() {
        let bmc = CannedBMC()
        bmc.on(IPMIChannelInfo.request(1), [0x00, 0x01, 0x04, 0x01, 0x82, 0xf2, 0x1b, 0x00, 0x00, 0x00])
        bmc.on(IPMIChannelInfo.request(2), [0x00, 0x02, 0x05, 0x01, 0x82, 0xf2, 0x1b, 0x00, 0x00, 0x00])
        for channel in UInt8(3)...11 { bmc.on(IPMIChannelInfo.request(channel), [0xCC]) }
        bmc.on(IPMILANConfiguration.request(channel: 1, parameter: 3), [0x00, 0x11, 192, 168, 0, 120])
        for parameter in IPMILANConfiguration.parameters where parameter != 3 {
            bmc.on(IPMILANConfiguration.request(channel: 1, parameter: parameter), [0x80])
        }
        var inventory = IPMIInventory()
        let channels = inventory.lanChannels(bmc)
        #expect(channels.map(\.channel) == [1] && channels.first?.ipAddress == "192.168.0.120")
        #expect(channels.first?.failedParameter == nil && inventory.diagnostics.isEmpty)
        // A BMC without Get Channel Info (QEMU's) is asked once, not eleven times.
        let none = CannedBMC()
        var other = IPMIInventory()
        let none_ = other.lanChannels(none)
        #expect(none_.isEmpty && none.sent.count == 1 && other.diagnostics.count == 1)
    }

    /// A parameter the BMC fails (here Get LAN Configuration Parameters 7 refused as an invalid command):
    /// ipmitool's lan print stops before it and exits 1, while the facts still get the parameters after it.
    @Test func lanPrint_stopsAtAFailedParameter_factsReadOn() {
        let bmc = CannedBMC()
        bmc.on(IPMIChannelInfo.request(1), [0x00, 0x01, 0x04, 0x01, 0x82, 0xf2, 0x1b, 0x00, 0x00, 0x00])
        bmc.on(IPMILANConfiguration.request(channel: 1, parameter: 3), [0x00, 0x11, 10, 1, 2, 3])
        bmc.on(IPMILANConfiguration.request(channel: 1, parameter: 7), [0xC1])
        bmc.on(IPMILANConfiguration.request(channel: 1, parameter: 21), [0xC1])
        bmc.on(IPMILANConfiguration.request(channel: 1, parameter: 12), [0x00, 0x11, 10, 1, 2, 1])
        for parameter in IPMILANConfiguration.parameters where ![3, 7, 21, 12].contains(parameter) {
            bmc.on(IPMILANConfiguration.request(channel: 1, parameter: parameter), [0x80])
        }
        var inventory = IPMIInventory()
        let lan = inventory.lanChannels(bmc, only: 1)
        #expect(lan.first?.failedParameter == 7 && lan.first?.defaultGatewayIP == "10.1.2.1")
        #expect(inventory.diagnostics.count == 1)
        #expect(lan.first.map(IPMIToolText.lanPrint) == "IP Address              : 10.1.2.3\n")
    }

    @Test func malformedResponses_neverTrap() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
        for length in 0..<600 {
            let bytes = (0..<(length % 300)).map { _ in next() }
            _ = try? IPMIDeviceID(response: bytes)
            _ = try? IPMIChassisStatus(response: bytes)
            _ = try? IPMISelfTest(response: bytes)
            _ = try? IPMIDeviceGUID.decode(response: bytes)
            _ = try? IPMIFRUReader.areaInfo(response: bytes)
            _ = try? IPMIBootOptions.bootFlags(response: bytes)
            var lan = IPMILANConfiguration(channel: 1)
            lan.apply(parameter: next() % 30, response: bytes)
            var image = bytes
            if image.count > 8 { image[0] = 1 }
            if let fru = try? IPMIFRU(image: image) { _ = IPMIToolText.fruPrint(fru) }
            _ = IPMIManufacturers.lookup(UInt32(next()), in: bytes)
        }
    }
}

@Suite struct IPMISELTests {
    @Test func selInfo_qemu_printsWhatIpmitoolPrinted() throws {
        #expect(CannedBMC.key(IPMISELInfo.request) == [0x0A, 0x40])
        // QEMU's ipmi-bmc-sim: version 1.5, empty, 2048 bytes free, Reserve only.
        let info = try IPMISELInfo(response: [0x51, 0, 0, 0x00, 0x08, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x02])
        #expect(IPMIToolText.selInfo(info) == """
            SEL Information
            Version          : 1.5 (v1.5, v2 compliant)
            Entries          : 0
            Free Space       : 2048 bytes 
            Percent Used     : 0%
            Last Add Time    : Not Available
            Last Del Time    : Not Available
            Overflow         : false
            Supported Cmds   : 'Reserve' 

            """)
    }

    /// RackHD's sample (ipmi-sel-information.txt): 545 entries, allocation info supported.
    @Test func selInfo_rackHDSample() throws {
        let added = UInt32(1_436_999_735) // 07/15/2015 22:35:35 UTC
        var info = try IPMISELInfo(response: [0x51, 0x21, 0x02, 0x98, 0x19] + withUnsafeBytes(of: added.littleEndian, Array.init)
                                   + [0xff, 0xff, 0xff, 0xff, 0x0f])
        try info.applyAllocation(response: [0x8d, 0x03, 0x12, 0x00, 0x6c, 0x01, 0x6c, 0x01, 0x01])
        let text = IPMIToolText.selInfo(info)
        #expect(text.contains("Entries          : 545\nFree Space       : 6552 bytes \nPercent Used     : 57%\n"))
        #expect(text.contains("Last Add Time    : 07/15/15 22:35:35 UTC\n"))
        #expect(text.contains("Supported Cmds   : 'Delete' 'Partial Add' 'Reserve' 'Get Alloc Info' \n"))
        #expect(text.hasSuffix("# of Alloc Units : 909\nAlloc Unit Size  : 18\n# Free Units     : 364\nLargest Free Blk : 364\nMax Record Size  : 1\n"))
        #expect(throws: IPMIError.self) { try IPMISELInfo(response: [0x51, 0, 0]) }
    }
}

@Suite struct IPMISELEntryTests {
    static let temperature: [UInt8] = [0x01, 0x00, 0x02, 0x37, 0xe0, 0xa6, 0x55, 0x20, 0x00, 0x04, 0x01, 0x30, 0x01, 0x09, 0xff, 0xff]
    static let intrusion: [UInt8] = [0x02, 0x00, 0x02, 0x37, 0xe0, 0xa6, 0x55, 0x20, 0x00, 0x04, 0x05, 0x02, 0xef, 0x00, 0xff, 0xff]

    @Test func standardRecords_decode_andListLikeIpmitool() throws {
        let first = try IPMISELEntry(record: Self.temperature)
        #expect(first.recordID == 1 && first.timestamp == 0x55a6_e037 && first.sensorTypeName == "Temperature")
        #expect(first.description == "Upper Critical going high" && first.deasserted == false)
        let second = try IPMISELEntry(record: Self.intrusion)
        #expect(second.description == "General Chassis intrusion" && second.deasserted == true)
        #expect(IPMIToolText.selList([first, second]) == """
               1 | 07/15/15 | 22:35:35 UTC | Temperature #0x30 | Upper Critical going high | Asserted
               2 | 07/15/15 | 22:35:35 UTC | Physical Security #0x02 | General Chassis intrusion | Deasserted

            """)
        // Under a Supermicro BMC ipmitool adds its (here empty) OEM decoding to sensor-specific events.
        #expect(IPMIToolText.selList([first, second], csv: true, manufacturerID: 10876).hasSuffix(",General Chassis intrusion (),Deasserted\n"))
        #expect(IPMIToolText.selList([first], csv: true, manufacturerID: 10876).contains(",Upper Critical going high,"))
        #expect(IPMIToolText.selList([first], csv: true) == "1,07/15/15,22:35:35 UTC,Temperature #0x30,Upper Critical going high,Asserted\n")
        #expect(throws: IPMIError.self) { try IPMISELEntry(record: Array(Self.temperature.prefix(15))) }
    }

    @Test func readAll_followsNextIDs_withTheReservation() throws {
        let bmc = CannedBMC()
        bmc.on(IPMISELEntry.reserveRequest, [0x00, 0x34, 0x12])
        bmc.on(IPMISELEntry.getRequest(reservation: 0x1234, recordID: 0), [0x00, 0x02, 0x00] + Self.temperature)
        bmc.on(IPMISELEntry.getRequest(reservation: 0x1234, recordID: 2), [0x00, 0xff, 0xff] + Self.intrusion)
        #expect(CannedBMC.key(IPMISELEntry.getRequest(reservation: 0x1234, recordID: 2)) == [0x0A, 0x43, 0x34, 0x12, 0x02, 0x00, 0x00, 0xFF])
        #expect(try IPMISELEntry.readAll(from: bmc).map(\.recordID) == [1, 2])
        // A BMC whose next ids loop ends the walk instead of spinning.
        let looping = CannedBMC()
        looping.on(IPMISELEntry.getRequest(reservation: 0, recordID: 0), [0x00, 0x00, 0x00] + Self.temperature)
        #expect(try IPMISELEntry.readAll(from: looping).count == 1)
    }
}

@Suite struct IPMIUserTests {
    @Test func userAccessAndNames_summaryAndList() throws {
        let bmc = CannedBMC()
        #expect(CannedBMC.key(IPMIUser.accessRequest(channel: 1, user: 2)) == [0x06, 0x44, 0x01, 0x02])
        #expect(CannedBMC.key(IPMIUser.nameRequest(user: 2)) == [0x06, 0x46, 0x02])
        bmc.on(IPMIUser.accessRequest(channel: 1, user: 1), [0x00, 0x03, 0x42, 0x01, 0x0F])
        bmc.on(IPMIUser.accessRequest(channel: 1, user: 2), [0x00, 0x03, 0x42, 0x01, 0x34])
        bmc.on(IPMIUser.accessRequest(channel: 1, user: 3), [0x00, 0x03, 0x42, 0x01, 0x52])
        bmc.on(IPMIUser.nameRequest(user: 2), [0x00] + Array("root".utf8) + [UInt8](repeating: 0, count: 12))
        bmc.on(IPMIUser.nameRequest(user: 3), [0x00] + Array("operator".utf8) + [UInt8](repeating: 0, count: 8))
        let (summary, users) = try IPMIUser.readAll(channel: 1, from: bmc)
        #expect(summary.maximumUsers == 3 && summary.enabledUserCount == 2 && summary.fixedNameCount == 1)
        #expect(users.map(\.name) == ["", "root", "operator"])
        #expect(users.map(\.privilegeName) == ["NO ACCESS", "ADMINISTRATOR", "USER"])
        #expect(users[2].callin == false && users[1].linkAuthentication && users[1].ipmiMessaging)
        #expect(IPMIToolText.userSummary(summary, csv: true) == "3,2,1\n")
        #expect(IPMIToolText.userList(users, csv: true) == """
            1,,true,false,false,NO ACCESS
            2,root,true,true,true,ADMINISTRATOR
            3,operator,false,false,true,USER

            """)
        #expect(IPMIToolText.userList(users).hasPrefix("ID  Name\t     Callin  Link Auth\tIPMI Msg   Channel Priv Limit\n1                    true    false      false      NO ACCESS\n"))
        #expect(throws: IPMIError.self) { try IPMIUser.summary(channel: 1, access: [3, 2]) }
    }
}
