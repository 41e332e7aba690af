import Testing
@testable import Facts

@Suite struct HostRootResolverTests {
    func resolver(env: [String: String] = [:], existing: Set<String> = []) -> HostRootResolver {
        HostRootResolver(environment: env, exists: { existing.contains($0) })
    }

    @Test func noFlagsNoEnvironment_onAPlainHost_usesTheHostsTrees() {
        let r = resolver().resolve(.init())
        #expect(r.root == HostRoot(proc: "/proc", sys: "/sys", dev: "/dev", etc: "/etc"))
        #expect(r.origins[.proc] == .host)
    }

    @Test func hostProcPresent_selectsTheContainerConvention_butKeepsOwnEtcWhenHostEtcIsNotMounted() {
        let r = resolver(existing: ["/host-proc"]).resolve(.init())
        #expect(r.root.proc == "/host-proc")
        #expect(r.root.sys == "/host-sys")
        #expect(r.root.dev == "/host-dev")
        #expect(r.root.etc == "/etc")
        #expect(r.root.run == "/run")
        #expect(r.origins[.sys] == .container)
        #expect(r.origins[.etc] == .host)
        #expect(r.origins[.run] == .host)
    }

    @Test func hostRunMounted_isUsedInTheContainer_andRunRootFlagOverridesIt() {
        let r = resolver(existing: ["/host-proc", "/host-run"]).resolve(.init())
        #expect(r.root.run == "/host-run")
        #expect(r.origins[.run] == .container)
        #expect(resolver(existing: ["/host-proc"]).resolve(.init(run: "/r")).root.run == "/r")
        #expect(resolver(env: ["MKAGENT_RUN_ROOT": "/envrun"]).resolve(.init()).root.run == "/envrun")
    }

    @Test func rootFlag_setsAllTrees_andOneTreeFlagOverridesIt() {
        let r = resolver(existing: ["/host-proc"]).resolve(.init(root: "/fx/", sys: "/other/sys"))
        #expect(r.root == HostRoot(proc: "/fx/proc", sys: "/other/sys", dev: "/fx/dev", etc: "/fx/etc", run: "/fx/run"))
        #expect(r.origins.values.allSatisfy { $0 == .flag })
    }

    @Test func environment_appliesBelowFlags_perTree() {
        let env = ["MKAGENT_ROOT": "/env", "MKAGENT_DEV_ROOT": "/envdev"]
        let r = resolver(env: env).resolve(.init(proc: "/flagproc"))
        #expect(r.root.proc == "/flagproc")
        #expect(r.root.sys == "/env/sys")
        #expect(r.root.dev == "/envdev")
        #expect(r.origins[.proc] == .flag)
        #expect(r.origins[.dev] == .environment)
    }

    @Test func flagRoot_winsOverEnvironmentForEveryTree() {
        let r = resolver(env: ["MKAGENT_SYS_ROOT": "/envsys"]).resolve(.init(root: "/fx"))
        #expect(r.root.sys == "/fx/sys")
    }

    @Test func paths_joinWithoutDoubleSlashes() {
        let root = HostRoot(under: "/")
        #expect(root.path(.sys, "firmware/dmi") == "/sys/firmware/dmi")
        #expect(HostRoot(under: "/x/").path(.proc, "/cpuinfo") == "/x/proc/cpuinfo")
    }
}
