// entropic-engine: the render engine process the editor drives (docs/protocol.md).
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "entropic/engine/server/command_server.h"
#include "entropic/ipc/endpoint.h"

namespace {

entropic::engine::CommandServer* gServer = nullptr;

extern "C" void onSignal(int) {
    if (gServer) gServer->requestStop();
}

void usage(std::FILE* out) {
    std::fputs("usage: entropic-engine [--endpoint ipc://PATH] [--ring-slots N] [--threads N]\n"
               "                       [--parent-pid PID]\n"
               "Serves the Entropic engine protocol (JSON over ZeroMQ) on a private endpoint.\n"
               "Prints one JSON line {\"endpoint\", \"ring\", \"pid\"} on stdout when ready.\n",
               out);
}

bool parseInt(const char* text, int min, int max, int& out) {
    char* end = nullptr;
    errno = 0;
    const long v = std::strtol(text, &end, 10);
    if (errno || !end || *end || v < min || v > max) return false;
    out = static_cast<int>(v);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    entropic::engine::ServerOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            usage(stdout);
            return 0;
        } else if (arg == "--endpoint" && hasValue) {
            options.endpoint = argv[++i];
        } else if (arg == "--ring-slots" && hasValue) {
            if (!parseInt(argv[++i], 2, 64, options.ringSlots)) {
                std::fprintf(stderr, "entropic-engine: --ring-slots takes 2 to 64\n");
                return 2;
            }
        } else if (arg == "--threads" && hasValue) {
            if (!parseInt(argv[++i], 0, 64, options.renderThreads)) {
                std::fprintf(stderr, "entropic-engine: --threads takes 0 to 64\n");
                return 2;
            }
        } else if (arg == "--parent-pid" && hasValue) {
            if (!parseInt(argv[++i], 1, 1 << 30, options.parentPid)) {
                std::fprintf(stderr, "entropic-engine: --parent-pid takes a process id\n");
                return 2;
            }
        } else {
            std::fprintf(stderr, "entropic-engine: unknown argument '%s'\n", arg.c_str());
            usage(stderr);
            return 2;
        }
    }
    if (options.parentPid > 0) {
        // The engine never outlives the editor that started it.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != options.parentPid && ::kill(options.parentPid, 0) != 0) return 0;
    }
    try {
        if (options.endpoint.empty()) options.endpoint = entropic::ipc::newEngineEndpoint();
        entropic::engine::CommandServer server(options);
        gServer = &server;
        struct sigaction sa {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGTERM, &sa, nullptr);
        sigaction(SIGINT, &sa, nullptr);
        std::signal(SIGPIPE, SIG_IGN);
        std::cout << R"({"endpoint":")" << server.endpoint() << R"(","ring":")" << server.ringName()
                  << R"(","pid":)" << ::getpid() << "}" << std::endl;
        server.run();
        gServer = nullptr;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "entropic-engine: %s\n", e.what());
        return 1;
    }
    return 0;
}
