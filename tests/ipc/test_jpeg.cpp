// JPEG Q95 for the ring: fidelity, scaled decode sizes, corrupt input.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "entropic/ipc/jpeg_codec.h"

using namespace entropic;

namespace {

// Smooth gradients and a soft disc: the kind of picture a viewer shows, with
// no single-pixel colour detail for 4:2:0 to throw away.
fx::Frame syntheticFrame(int w, int h) {
    fx::Frame frame(w, h);
    for (int y = 0; y < h; ++y) {
        std::uint8_t* row = frame.view().row(y);
        for (int x = 0; x < w; ++x) {
            const double dx = x - w * 0.5, dy = y - h * 0.5;
            const double disc = std::exp(-(dx * dx + dy * dy) / (2.0 * (h / 5.0) * (h / 5.0)));
            row[x * 4 + 0] = static_cast<std::uint8_t>(255.0 * x / (w - 1));
            row[x * 4 + 1] = static_cast<std::uint8_t>(200.0 * y / (h - 1) + 55.0 * disc);
            row[x * 4 + 2] = static_cast<std::uint8_t>(128.0 + 100.0 * disc * std::sin(x * 0.02));
            row[x * 4 + 3] = 255;
        }
    }
    return frame;
}

double psnrRgb(const fx::Frame& a, const fx::Frame& b) {
    double sum = 0;
    std::size_t n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width() * 4; ++x) {
            if (x % 4 == 3) continue;
            const double d = double(a.view().row(y)[x]) - double(b.view().row(y)[x]);
            sum += d * d;
            ++n;
        }
    return sum == 0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / (sum / double(n)));
}

} // namespace

TEST_CASE("JPEG Q95 round trip keeps a synthetic frame above 38 dB", "[ipc][jpeg]") {
    const fx::Frame source = syntheticFrame(640, 360);
    ipc::JpegEncoder encoder;
    ipc::JpegDecoder decoder;
    std::vector<std::uint8_t> jpeg;
    encoder.encode(source.view(), jpeg);
    REQUIRE(jpeg.size() > 100);
    REQUIRE(jpeg.size() <= ipc::JpegEncoder::maxEncodedSize(640, 360));
    REQUIRE(jpeg[0] == 0xFF);
    REQUIRE(jpeg[1] == 0xD8);

    fx::Frame decoded;
    REQUIRE(decoder.decode(jpeg.data(), jpeg.size(), decoded));
    REQUIRE(decoded.width() == 640);
    REQUIRE(decoded.height() == 360);
    const double psnr = psnrRgb(source, decoded);
    INFO("PSNR " << psnr << " dB");
    CHECK(psnr >= 38.0);
    for (std::size_t i = 3; i < decoded.byteSize(); i += 4)
        REQUIRE(decoded.data()[i] == 255);
}

TEST_CASE("JPEG encoder honours a stride wider than the row", "[ipc][jpeg]") {
    const fx::Frame source = syntheticFrame(96, 64);
    std::vector<std::uint8_t> padded(static_cast<std::size_t>(64) * 512, 0xAB);
    fx::FrameView wide{padded.data(), 96, 64, 512};
    fx::copyPixels(source.view(), wide);

    ipc::JpegEncoder encoder;
    ipc::JpegDecoder decoder;
    std::vector<std::uint8_t> a, b;
    encoder.encode(source.view(), a);
    encoder.encode(fx::ConstFrameView(wide), b);
    CHECK(a == b);
}

TEST_CASE("JPEG encodeInto refuses a buffer below the worst-case bound", "[ipc][jpeg]") {
    const fx::Frame source = syntheticFrame(64, 48);
    ipc::JpegEncoder encoder;
    const std::size_t bound = ipc::JpegEncoder::maxEncodedSize(64, 48);
    std::vector<std::uint8_t> buffer(bound);
    CHECK(encoder.encodeInto(source.view(), buffer.data(), bound - 1) == 0);
    const std::size_t bytes = encoder.encodeInto(source.view(), buffer.data(), bound);
    CHECK(bytes > 0);
    CHECK(bytes <= bound);
}

TEST_CASE("JPEG scaled decode gives 1/2, 1/4 and 1/8 sizes, rounded up", "[ipc][jpeg]") {
    ipc::JpegEncoder encoder;
    ipc::JpegDecoder decoder;
    struct Case {
        int w, h, denom, expectW, expectH;
    };
    const Case cases[] = {
        {1920, 1080, 1, 1920, 1080}, {1920, 1080, 2, 960, 540}, {1920, 1080, 4, 480, 270},
        {1920, 1080, 8, 240, 135},   {101, 57, 2, 51, 29},      {101, 57, 8, 13, 8},
    };
    for (const Case& c : cases) {
        const fx::Frame source = syntheticFrame(c.w, c.h);
        std::vector<std::uint8_t> jpeg;
        encoder.encode(source.view(), jpeg);
        fx::Frame decoded;
        INFO(c.w << "x" << c.h << " at 1/" << c.denom);
        REQUIRE(decoder.decode(jpeg.data(), jpeg.size(), decoded, c.denom));
        CHECK(decoded.width() == c.expectW);
        CHECK(decoded.height() == c.expectH);
    }
    const fx::Frame small = syntheticFrame(32, 32);
    std::vector<std::uint8_t> jpeg;
    encoder.encode(small.view(), jpeg);
    fx::Frame out;
    CHECK_THROWS_AS(decoder.decode(jpeg.data(), jpeg.size(), out, 3), std::invalid_argument);
}

TEST_CASE("JPEG decode of corrupt data returns false and leaves the frame alone", "[ipc][jpeg]") {
    const fx::Frame source = syntheticFrame(320, 180);
    ipc::JpegEncoder encoder;
    ipc::JpegDecoder decoder;
    std::vector<std::uint8_t> jpeg;
    encoder.encode(source.view(), jpeg);

    fx::Frame out(7, 5);
    out.fill(1, 2, 3, 4);
    const fx::Frame before = out;
    auto untouched = [&] {
        return out.width() == 7 && out.height() == 5 &&
               std::equal(out.data(), out.data() + out.byteSize(), before.data());
    };

    SECTION("nothing") {
        CHECK_FALSE(decoder.decode(nullptr, 0, out));
        CHECK_FALSE(decoder.decode(jpeg.data(), 0, out));
    }
    SECTION("noise") {
        std::vector<std::uint8_t> noise(5000);
        std::uint32_t state = 12345;
        for (auto& byte : noise)
            byte = static_cast<std::uint8_t>((state = state * 1103515245u + 12345u) >> 24);
        CHECK_FALSE(decoder.decode(noise.data(), noise.size(), out));
    }
    SECTION("truncated") {
        CHECK_FALSE(decoder.decode(jpeg.data(), jpeg.size() / 2, out));
        CHECK_FALSE(decoder.decode(jpeg.data(), 20, out));
    }
    SECTION("entropy data overwritten") {
        std::vector<std::uint8_t> bad = jpeg;
        for (std::size_t i = bad.size() / 3; i < bad.size() - 2; i += 7)
            bad[i] = 0xFF;
        CHECK_FALSE(decoder.decode(bad.data(), bad.size(), out));
    }
    SECTION("header claims an absurd size") {
        std::vector<std::uint8_t> bad = jpeg;
        // SOF0 marker: FF C0, length(2), precision(1), height(2), width(2).
        for (std::size_t i = 0; i + 8 < bad.size(); ++i)
            if (bad[i] == 0xFF && bad[i + 1] == 0xC0) {
                bad[i + 5] = bad[i + 6] = bad[i + 7] = bad[i + 8] = 0xFF;
                break;
            }
        CHECK_FALSE(decoder.decode(bad.data(), bad.size(), out));
    }
    CHECK(untouched());

    // And the decoder still works afterwards.
    fx::Frame good;
    CHECK(decoder.decode(jpeg.data(), jpeg.size(), good));
    CHECK(good.width() == 320);
}
