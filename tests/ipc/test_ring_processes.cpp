// The frame ring across processes, as the editor and the engine use it: a
// writer in a forked child racing the reader, and a writer killed with SIGKILL
// whose segment removeStaleRings() then cleans up.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "entropic/ipc/frame_ring.h"
#include "ring_pattern.h"

using namespace entropic;

namespace {

bool segmentExists(const std::string& name) {
    struct stat st {};
    return stat(("/dev/shm" + name).c_str(), &st) == 0;
}

// A forked child running `body` with two pipes to talk to the parent. The child
// never returns into Catch: it leaves with _exit, status 0 on success.
class Child {
  public:
    explicit Child(const std::function<int(Child&)>& body) {
        int up[2], down[2];
        REQUIRE(pipe(up) == 0);
        REQUIRE(pipe(down) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            close(up[0]);
            close(down[1]);
            out_ = up[1];
            in_ = down[0];
            int code = 3;
            try {
                code = body(*this);
            } catch (...) {
                code = 2;
            }
            _exit(code);
        }
        close(up[1]);
        close(down[0]);
        in_ = up[0];
        out_ = down[1];
    }
    ~Child() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitExit();
        }
        close(in_);
        close(out_);
    }
    pid_t pid() const { return pid_; }

    void sendLine(const std::string& line) {
        const std::string text = line + "\n";
        (void)!::write(out_, text.data(), text.size());
    }
    std::string readLine() {
        std::string line;
        char c = 0;
        while (::read(in_, &c, 1) == 1 && c != '\n')
            line += c;
        return line;
    }
    // Exit code, or -signal if a signal ended it.
    int waitExit() {
        int status = 0;
        const pid_t pid = pid_;
        pid_ = -1;
        if (waitpid(pid, &status, 0) != pid) return -1000;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }

  private:
    pid_t pid_ = -1;
    int in_ = -1;
    int out_ = -1;
};

} // namespace

TEST_CASE("Ring: a writer process and a reader process, no torn frame accepted",
          "[ipc][ring][process]") {
    constexpr std::uint64_t kFrames = 50000;
    constexpr std::size_t kCapacity = 16384;
    Child writerProcess([&](Child& parent) {
        ipc::FrameRingWriter writer(2, kCapacity);
        parent.sendLine(writer.name());
        if (parent.readLine() != "go") return 4;
        std::vector<std::uint8_t> payload;
        for (std::uint64_t frame = 1; frame <= kFrames; ++frame) {
            test::fillPattern(frame, payload, kCapacity);
            writer.write(static_cast<std::int64_t>(frame), 1, 1, frame * 3, 0, payload.data(),
                         payload.size());
        }
        return parent.readLine() == "bye" ? 0 : 5; // keep the segment until the reader is done
    });

    const std::string name = writerProcess.readLine();
    REQUIRE(!name.empty());
    ipc::FrameRingReader reader(name);
    writerProcess.sendLine("go");

    std::uint64_t accepted = 0, rejected = 0, torn = 0;
    ipc::RingFrameInfo info;
    std::vector<std::uint8_t> bytes;
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    bool sawLast = false;
    std::uint32_t slot = 0;
    while (!sawLast && std::chrono::steady_clock::now() < giveUp) {
        // Reads of a given slot race the writer hardest (it may be inside that
        // very slot); reads of the newest end the loop once the last frame is in.
        const bool ok = (accepted + rejected) % 2 ? reader.readLatest(info, bytes)
                                                  : reader.read(slot++ % 2, 0, info, bytes);
        if (!ok) {
            ++rejected;
            continue;
        }
        ++accepted;
        const auto frame = static_cast<std::uint64_t>(info.frameIndex);
        if (info.sequence != 2 * frame || info.rgbaHash != frame * 3 ||
            !test::matchesPattern(frame, bytes, kCapacity))
            ++torn;
        sawLast = frame == kFrames;
    }
    writerProcess.sendLine("bye");
    CHECK(writerProcess.waitExit() == 0);
    CHECK(sawLast);
    CHECK(torn == 0);
    CHECK(accepted > 0);
    WARN("process race: " << accepted << " frames accepted, " << rejected << " rejected, " << torn
                          << " torn");
    // The writer exited normally: its segment is gone, our mapping still reads.
    CHECK_FALSE(segmentExists(name));
    CHECK(reader.readLatest(info, bytes));
}

TEST_CASE("Ring: a killed writer's segment is removed, a live one is kept",
          "[ipc][ring][process]") {
    ipc::FrameRingWriter ours(2, 1024); // owned by this live process
    Child writerProcess([](Child& parent) -> int {
        ipc::FrameRingWriter writer(2, 1024);
        const std::vector<std::uint8_t> bytes(100, 7);
        writer.write(42, 1, 1, 0, 0, bytes.data(), bytes.size());
        parent.sendLine(writer.name());
        for (;;)
            pause(); // until SIGKILL: no destructor will run
    });
    const std::string name = writerProcess.readLine();
    REQUIRE(segmentExists(name));
    struct stat st {};
    REQUIRE(stat(("/dev/shm" + name).c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);

    ipc::FrameRingReader reader(name); // attached before the crash
    ipc::removeStaleRings();
    CHECK(segmentExists(name)); // the writer is alive
    CHECK(segmentExists(ours.name()));

    kill(writerProcess.pid(), SIGKILL);
    CHECK(writerProcess.waitExit() == -SIGKILL); // reaped: a zombie would still count as alive
    CHECK(segmentExists(name));                  // a crash leaves the segment behind...

    CHECK(ipc::removeStaleRings() >= 1); // ...until the next engine starts
    CHECK_FALSE(segmentExists(name));
    CHECK(segmentExists(ours.name()));

    // A reader attached before the crash still holds the last frame.
    ipc::RingFrameInfo info;
    std::vector<std::uint8_t> bytes;
    REQUIRE(reader.readLatest(info, bytes));
    CHECK(info.frameIndex == 42);

    // And a new writer works as if nothing happened.
    ipc::FrameRingWriter fresh(2, 1024);
    ipc::FrameRingReader freshReader(fresh.name());
    const std::vector<std::uint8_t> payload(10, 9);
    fresh.write(1, 1, 1, 0, 0, payload.data(), payload.size());
    REQUIRE(freshReader.readLatest(info, bytes));
    CHECK(bytes == payload);
}

TEST_CASE("Ring: a killed reader leaves nothing behind and the writer goes on",
          "[ipc][ring][process]") {
    ipc::FrameRingWriter writer(2, 1024);
    const std::vector<std::uint8_t> payload(10, 1);
    writer.write(1, 1, 1, 0, 0, payload.data(), payload.size());
    Child readerProcess([&](Child& parent) -> int {
        ipc::FrameRingReader reader(writer.name());
        ipc::RingFrameInfo info;
        std::vector<std::uint8_t> bytes;
        parent.sendLine(reader.readLatest(info, bytes) ? "read" : "nothing");
        for (;;)
            reader.readLatest(info, bytes); // busy in the read path when killed
    });
    CHECK(readerProcess.readLine() == "read");
    kill(readerProcess.pid(), SIGKILL);
    CHECK(readerProcess.waitExit() == -SIGKILL);

    // The reader owned no names; the writer and a new reader carry on.
    writer.write(2, 1, 1, 0, 0, payload.data(), payload.size());
    ipc::FrameRingReader reader(writer.name());
    ipc::RingFrameInfo info;
    std::vector<std::uint8_t> bytes;
    REQUIRE(reader.readLatest(info, bytes));
    CHECK(info.frameIndex == 2);
}
