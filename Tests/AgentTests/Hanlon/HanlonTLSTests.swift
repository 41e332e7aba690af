import Foundation
import Testing

/// HTTPS: the server's certificate is verified, against --ca-file when given.
@Suite(.serialized) struct HanlonTLSTests {
    static let openssl = ["/usr/bin/openssl", "/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A CA and a server certificate for 127.0.0.1 signed by it, made with the openssl command.
    static func makeCertificates(in directory: String) throws {
        let script = """
            set -e
            cd '\(directory)'
            openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=mkagent-test-ca 2>/dev/null
            openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1 2>/dev/null
            printf 'subjectAltName=IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n' > ext.cnf
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext.cnf 2>/dev/null
            """
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/bin/sh")
        run.arguments = ["-c", script]
        try run.run()
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
    }

    @Test(.enabled(if: openssl != nil, "openssl is not installed: no test certificates"))
    func https_withTheCAFile_registers_withoutIt_refusesTheServer() throws {
        let certificates = try ScratchDirectory()
        try Self.makeCertificates(in: certificates.path)
        let server = try HanlonTestServer(certificateChain: certificates.path + "/server.pem", privateKey: certificates.path + "/server.key")
        #expect(server.baseURL.hasPrefix("https://"))

        let untrusted = try HanlonHarness(server: server)
        let refused = try untrusted.startAgent()
        #expect(eventually(timeout: 5) { refused.log.contains("server exchange failed") }, "\(refused.log)")
        #expect(server.requests.isEmpty, "no request passes an unverified certificate")
        print("without --ca-file: \(refused.log.split(separator: "\n").first { $0.contains("server exchange failed") } ?? "")")
        refused.stop()

        let trusted = try HanlonHarness(server: server)
        try trusted.startAgent(extra: ["--ca-file", certificates.path + "/ca.pem"])
        #expect(eventually { server.registrations.count == 1 }, "\(trusted.agent?.log ?? "")")
    }
}
