// Bad files: every one gives an EngineError naming the file, never a crash or a hang.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "entropic/engine/error.h"
#include "entropic/engine/media/audio_decoder.h"
#include "entropic/engine/media/media_info.h"
#include "entropic/engine/media/movie_writer.h"
#include "entropic/engine/media/video_decoder.h"
#include "media_test_util.h"

using namespace entropic;
using namespace entropic::engine;
namespace fs = std::filesystem;

namespace {

template <class F> EngineError errorOf(F&& f) {
    try {
        f();
    } catch (const EngineError& e) {
        return e;
    }
    FAIL("no EngineError");
    return EngineError("", "");
}

void checkAllRefuse(const std::string& path, const std::set<std::string>& codes) {
    CAPTURE(path);
    for (const auto& e :
         {errorOf([&] { probeMedia(path); }), errorOf([&] { VideoDecoder d(path); }),
          errorOf([&] { AudioDecoder d(path); })}) {
        CAPTURE(e.what());
        CHECK(codes.count(e.code()) == 1);
        CHECK_THAT(e.what(), Catch::Contains(path));
    }
}

} // namespace

TEST_CASE("bad files: each refused with the file named", "[media][errors]") {
    using S = std::set<std::string>;
    checkAllRefuse(mediatest::clip("missing-file.mp4"), S{errc::kMediaOpen});
    checkAllRefuse(mediatest::clip("zero-bytes.mp4"), S{errc::kMediaOpen});
    checkAllRefuse(mediatest::clip("not-media.mp4"), S{errc::kMediaOpen});
    checkAllRefuse(mediatest::clip("truncated.mp4"), S{errc::kMediaCorrupt});
    checkAllRefuse(mediatest::clip("subtitles-only.vtt"), S{errc::kMediaUnsupported});
    // A folder, and a FIFO that would block a plain open() forever.
    const auto dir = mediatest::scratch("bad-files");
    checkAllRefuse(dir.string(), S{errc::kMediaOpen});
    const std::string fifo = (dir / "pipe.mp4").string();
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    checkAllRefuse(fifo, S{errc::kMediaOpen});
}

TEST_CASE("bad files: the messages say what is wrong", "[media][errors]") {
    CHECK_THAT(errorOf([] { probeMedia(mediatest::clip("missing-file.mp4")); }).what(),
               Catch::Contains("no such file"));
    CHECK_THAT(errorOf([] { probeMedia(mediatest::clip("zero-bytes.mp4")); }).what(),
               Catch::Contains("empty"));
    CHECK_THAT(errorOf([] { probeMedia(mediatest::clip("not-media.mp4")); }).what(),
               Catch::Contains("not a media file"));
    CHECK_THAT(errorOf([] { probeMedia(mediatest::clip("truncated.mp4")); }).what(),
               Catch::Contains("truncated or corrupt"));
    // Audio only: fine for probing and audio, refused for video.
    CHECK(errorOf([] { VideoDecoder d(mediatest::clip("audio-only.m4a")); }).code() ==
          errc::kMediaUnsupported);
}

TEST_CASE("damaged media: cut after the index, garbage in the middle", "[media][errors]") {
    const auto dir = mediatest::scratch("damaged");
    // A faststart file (index first) cut in half: it opens, frames past the cut are refused.
    MovieSettings s;
    s.path = (dir / "cut.mp4").string();
    s.width = 160;
    s.height = 120;
    s.audio = false;
    s.preset = "ultrafast";
    {
        MovieWriter w(s);
        fx::Frame f(160, 120);
        for (int i = 0; i < 60; ++i) {
            f.fill(static_cast<std::uint8_t>(i * 4), 100, static_cast<std::uint8_t>(255 - i * 4),
                   255);
            w.writeVideo(f.view());
        }
        w.finish();
    }
    fs::resize_file(s.path, fs::file_size(s.path) / 2);
    {
        VideoDecoder dec(s.path);
        CHECK(dec.frame(0).rgba.width() == 160);
        int refused = 0;
        for (std::int64_t i = 0; i < dec.frameCount(); ++i) {
            try {
                dec.frame(i);
            } catch (const EngineError& e) {
                ++refused;
                CHECK(e.code() == errc::kMediaCorrupt);
                CHECK_THAT(e.what(), Catch::Contains("cut.mp4"));
            }
        }
        CHECK(refused > 0);
    }

    // Garbage over the middle of a clip: decoding goes on, or fails cleanly.
    const std::string garbled = (dir / "garbled.mp4").string();
    fs::copy_file(mediatest::clip("bframes.mp4"), garbled);
    {
        std::fstream f(garbled, std::ios::in | std::ios::out | std::ios::binary);
        const auto size = static_cast<std::streamoff>(fs::file_size(garbled));
        mediatest::TestRng rng{3};
        for (std::streamoff at = size / 3; at < size / 3 + 20000; ++at) {
            f.seekp(at);
            f.put(static_cast<char>(rng.next() & 0xff));
        }
    }
    VideoDecoder dec(garbled);
    int delivered = 0;
    for (std::int64_t i = dec.frameCount() - 1; i >= 0; i -= 7) {
        int width = 0;
        try {
            width = dec.frame(i).rgba.width();
        } catch (const EngineError& e) {
            CHECK(e.code() == errc::kMediaCorrupt);
            CHECK_THAT(e.what(), Catch::Contains("garbled.mp4"));
            continue;
        }
        CHECK(width == 320);
        ++delivered;
    }
    CHECK(delivered > 0); // the undamaged parts still decode
}
