// fx.jpeg_damage — a broken JPEG: the frame is really compressed at a low
// quality with libjpeg-turbo, a few seeded bytes of the entropy-coded scan are
// overwritten, and the damaged file is decoded. One wrong byte desynchronises
// the Huffman decoder, so from that block on the band decodes into garbage:
// shifted colours, smeared blocks, grey runs. The frame is coded as
// independent horizontal bands (like restart intervals), so damage ends at the
// band's bottom and bands run on separate threads; the band layout and every
// corrupted position depend only on the frame size, the parameters and the seed.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include <turbojpeg.h>

#include "core/builtin.h"
#include "core/cell_hash.h"
#include "entropic/effects/seed.h"

namespace entropic::fx {

namespace {

// Accurate integer DCT both ways: libjpeg-turbo's SSE2 and AVX2 code give the
// same bytes, so every x86-64 does (its plain C code, used elsewhere, decodes
// the garbage coefficients of damaged data differently; docs/determinism.md).
// NOREALLOC: the output buffer is always tjBufSize() bytes, owned here.
constexpr int kCompressFlags = TJFLAG_ACCURATEDCT | TJFLAG_NOREALLOC;
constexpr int kDecompressFlags = TJFLAG_ACCURATEDCT;
constexpr int kSubsampling[] = {TJSAMP_444, TJSAMP_422, TJSAMP_420, TJSAMP_GRAY};
// Band heights are whole 16-row MCU rows for every subsampling choice.
constexpr int kMcuRows = 16;

struct Settings {
    int quality, subsampling;
    int hits, burst, generations;
    int bandRows, height;
    std::uint64_t seed;
};

// Owns one TurboJPEG handle.
class Handle {
  public:
    explicit Handle(tjhandle h) : h_(h) {}
    ~Handle() {
        if (h_) tjDestroy(h_);
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    tjhandle get() const { return h_; }
    // TurboJPEG 2.1 can leave a decompressor half-way through a header after a
    // fatal error; a fresh handle keeps the next call from failing too.
    void renew(tjhandle fresh) {
        if (!fresh) return;
        if (h_) tjDestroy(h_);
        h_ = fresh;
    }

  private:
    tjhandle h_;
};

// [begin, end) of the entropy-coded data of the first scan: after the SOS
// segment, up to the next marker other than a restart (EOI for a baseline
// file; TurboJPEG makes other layouts only when TJ_PROGRESSIVE or TJ_RESTART
// is set in the environment). Empty when the file does not parse (never
// expected of TurboJPEG's own output; nothing is overwritten then).
struct Scan {
    std::size_t begin = 0, end = 0;
};

Scan findScan(const std::uint8_t* j, std::size_t size) {
    std::size_t pos = 2; // after SOI
    while (pos + 4 <= size && j[pos] == 0xFF) {
        const int marker = j[pos + 1];
        const std::size_t length = (static_cast<std::size_t>(j[pos + 2]) << 8) | j[pos + 3];
        pos += 2 + length;
        if (marker != 0xDA) continue;
        Scan s{pos, pos};
        while (s.end + 1 < size &&
               (j[s.end] != 0xFF || j[s.end + 1] == 0x00 || (j[s.end + 1] & 0xF8) == 0xD0))
            s.end += j[s.end] == 0xFF ? 2 : 1;
        return s.begin < s.end ? s : Scan{};
    }
    return {};
}

struct Patch {
    std::size_t pos;
    std::uint8_t original;
};

// Overwrites this band's share of the seeded hits. A hit picks a frame row
// and a point along it; in the band that holds the row, that point maps to
// the same fraction of the scan, so damage starts near the chosen row. Each
// hit rewrites `burst` bytes with a value different from the old one, never
// 0xFF, and leaves 0xFF bytes and the byte after each alone: markers, stuffed
// zeros and restart codes stay intact, so the decoder always finds the end.
void corrupt(std::vector<std::uint8_t>& jpeg, std::size_t size, int band, int top, int rows,
             int generation, const Settings& s, std::vector<Patch>& patches) {
    const Scan scan = findScan(jpeg.data(), size);
    if (scan.begin >= scan.end) return;
    const double scanLength = static_cast<double>(scan.end - scan.begin);
    for (int k = 0; k < s.hits; ++k) {
        const std::uint64_t hk = cellHash(s.seed, k, generation);
        const int row = static_cast<int>(((hk >> 32) * static_cast<std::uint64_t>(s.height)) >> 32);
        if (row / s.bandRows != band) continue;
        const double along = (row - top + static_cast<double>(hk & 0xffff) / 65536.0) / rows;
        std::size_t pos = scan.begin + static_cast<std::size_t>(along * scanLength);
        for (int b = 0; b < s.burst && pos < scan.end; ++b, ++pos) {
            const std::uint8_t old = jpeg[pos];
            if (old == 0xFF || jpeg[pos - 1] == 0xFF) continue;
            const std::uint64_t hv =
                mix64(hk + static_cast<std::uint64_t>(b + 1) * 0x9e3779b97f4a7c15ULL);
            const int r = static_cast<int>(((hv & 0xffff) * 254) >> 16); // 0..253
            patches.push_back({pos, old});
            jpeg[pos] = static_cast<std::uint8_t>(r < old ? r : r + 1); // ≠ old, ≤ 254
        }
    }
}

// One band through `generations` rounds of compress → damage → decompress.
// The first round reads the input, later ones the previous round's output.
void damageBand(ConstFrameView in, FrameView out, int band, const Settings& s, Handle& encoder,
                Handle& decoder, std::vector<std::uint8_t>& jpeg, std::vector<Patch>& patches) {
    const int w = in.width;
    const int top = band * s.bandRows;
    const int rows = std::min(s.bandRows, in.height - top);
    const int subsamp = kSubsampling[s.subsampling];
    jpeg.resize(tjBufSize(w, rows, subsamp));
    std::uint8_t* dst = out.row(top);
    for (int g = 0; g < s.generations; ++g) {
        const std::uint8_t* src = g == 0 ? in.row(top) : dst;
        const int pitch = g == 0 ? in.stride : out.stride;
        unsigned char* buf = jpeg.data();
        unsigned long size = static_cast<unsigned long>(jpeg.size());
        if (tjCompress2(encoder.get(), src, w, pitch, rows, TJPF_RGBA, &buf, &size, subsamp,
                        s.quality, kCompressFlags) != 0) {
            // Only out of memory gets here: the band is left as it was.
            for (int y = 0; g == 0 && y < rows; ++y)
                std::memcpy(out.row(top + y), in.row(top + y), static_cast<std::size_t>(w) * 4);
            break;
        }
        patches.clear();
        corrupt(jpeg, size, band, top, rows, g, s, patches);
        // Warnings (corrupt data, premature end) still fill every row: keep
        // them. A fatal error may stop half-way: decode the clean file instead.
        if (tjDecompress2(decoder.get(), buf, size, dst, w, out.stride, rows, TJPF_RGBA,
                          kDecompressFlags) != 0 &&
            tjGetErrorCode(decoder.get()) == TJERR_FATAL) {
            decoder.renew(tjInitDecompress());
            for (auto it = patches.rbegin(); it != patches.rend(); ++it)
                jpeg[it->pos] = it->original;
            if (tjDecompress2(decoder.get(), buf, size, dst, w, out.stride, rows, TJPF_RGBA,
                              kDecompressFlags) != 0 &&
                tjGetErrorCode(decoder.get()) == TJERR_FATAL) {
                // Never seen: the clean file is TurboJPEG's own. Rows it did
                // not reach would be unwritten, so the band shows the input.
                decoder.renew(tjInitDecompress());
                for (int y = 0; y < rows; ++y)
                    std::memcpy(out.row(top + y), in.row(top + y), static_cast<std::size_t>(w) * 4);
                break;
            }
        }
    }
    // JPEG has no alpha: the input's is kept.
    for (int y = top; y < top + rows; ++y) {
        const std::uint8_t* a = in.row(y) + 3;
        std::uint8_t* d = out.row(y) + 3;
        for (int x = 0; x < w; ++x)
            d[4 * x] = a[4 * x];
    }
}

void process(ConstFrameView in, FrameView out, const ParamValues& p, EffectState*,
             const EffectContext& ctx) {
    if (in.empty()) return;
    Settings s{};
    s.quality = p.integer("quality");
    s.subsampling = p.choice("subsampling");
    s.hits = p.integer("damage");
    s.burst = p.integer("burst");
    s.generations = p.integer("generations");
    s.bandRows = kMcuRows * std::max(1, static_cast<int>(std::lround(p.number("band_height") *
                                                                     ctx.renderScale / kMcuRows)));
    s.height = in.height;
    s.seed = mix64(ctx.seed ^ 0x6a7065675f646d67ULL); // "jpeg_dmg"
    const int bands = (in.height + s.bandRows - 1) / s.bandRows;

    ctx.rows->run(bands, [&](int begin, int end) {
        Handle encoder(tjInitCompress()), decoder(tjInitDecompress());
        std::vector<std::uint8_t> jpeg;
        std::vector<Patch> patches;
        for (int band = begin; band < end; ++band) {
            if (encoder.get() && decoder.get()) {
                damageBand(in, out, band, s, encoder, decoder, jpeg, patches);
                continue;
            }
            // No handle (out of memory): the band passes through untouched.
            for (int y = band * s.bandRows; y < std::min(in.height, (band + 1) * s.bandRows); ++y)
                std::memcpy(out.row(y), in.row(y), static_cast<std::size_t>(in.width) * 4);
        }
    });
}

} // namespace

namespace builtin {
const EffectDescriptor& fxJpegDamage() {
    static const EffectDescriptor d{
        .id = "fx.jpeg_damage",
        .version = 1,
        .name = "JPEG Damage",
        .category = "fx",
        .help = "Real low-quality JPEG with corrupted bytes in its compressed data: blocky, "
                "colour-shifted, broken bands",
        .params =
            {
                ParamSpec::integer("quality", "Quality", 1, 100, 18, "",
                                   "JPEG quality of the re-compression (lower = blockier)"),
                ParamSpec::choice("subsampling", "Chroma subsampling",
                                  {"4:4:4", "4:2:2", "4:2:0", "Greyscale"}, 2,
                                  "Colour resolution of the JPEG (4:2:0 bleeds most colour)"),
                ParamSpec::integer("damage", "Damage", 0, 200, 4, "hits",
                                   "Corrupted spots per frame; each breaks its band from there on"),
                ParamSpec::integer("burst", "Burst", 1, 64, 2, "bytes",
                                   "Consecutive compressed bytes overwritten at each spot"),
                ParamSpec::number("band_height", "Band height", 16, 4320, 272, "px",
                                  "Height of the independently coded bands a break stays within "
                                  "(whole 16-row blocks)"),
                ParamSpec::integer("generations", "Generations", 1, 8, 1, "",
                                   "Times the picture is re-saved (and damaged) in a row"),
            },
        .process = process,
    };
    return d;
}
} // namespace builtin

} // namespace entropic::fx
