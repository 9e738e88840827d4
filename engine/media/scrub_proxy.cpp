// Layout of a proxy file (little-endian, as the machine writes it):
//   header:  magic[16] version:u32 width:u32 height:u32 frames:i64
//            sourceSize:u64 sourceModifiedNs:i64 pathBytes:u32 path
//   data:    the JPEGs, one after another
//   tables:  seconds:f64[frames] offsets:u64[frames + 1] (from the file start)
//   footer:  tablesAt:u64 magic[16]
// The footer comes last so that a file cut short is never taken for a proxy.
#include "entropic/engine/media/scrub_proxy.h"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "entropic/engine/error.h"
#include "entropic/engine/media/video_decoder.h"
#include "entropic/ipc/jpeg_codec.h"

namespace entropic::engine {

namespace {

constexpr char kMagic[16] = {'E', 'N', 'T', 'R', 'O', 'P', 'I',  'C',
                             '-', 'P', 'R', 'O', 'X', 'Y', '\0', '\0'};
constexpr std::uint32_t kVersion = 1;
// A frame time this close above t still counts as at or before t: the
// times are stored as doubles, the decoder compares stream ticks.
constexpr double kTimeSlack = 1e-7;

struct File {
    std::FILE* f = nullptr;
    explicit File(std::FILE* file) : f(file) {}
    ~File() {
        if (f) std::fclose(f);
    }
};

void put(std::FILE* f, const void* data, std::size_t n) {
    if (n && std::fwrite(data, 1, n, f) != n) throw std::runtime_error("cannot write the proxy");
}
template <class T> void putValue(std::FILE* f, T v) {
    put(f, &v, sizeof v);
}
void get(std::FILE* f, void* data, std::size_t n) {
    if (n && std::fread(data, 1, n, f) != n) throw std::runtime_error("the proxy is cut short");
}
template <class T> T getValue(std::FILE* f) {
    T v{};
    get(f, &v, sizeof v);
    return v;
}

} // namespace

struct ScrubProxy::Decoder {
    ipc::JpegDecoder jpeg;
};

FileVersion fileVersion(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw EngineError(errc::kMediaOpen, path + ": cannot read the file");
    return {static_cast<std::uintmax_t>(st.st_size),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

bool buildScrubProxy(const std::string& source, const std::filesystem::path& out,
                     const std::atomic<bool>& cancel, const std::function<void(double)>& progress) {
    const FileVersion version = fileVersion(source);
    VideoDecoder probe(source);
    const int w = probe.info().width, h = probe.info().height;
    const double shrink = std::min({1.0, static_cast<double>(ScrubProxySize::kMaxWidth) / w,
                                    static_cast<double>(ScrubProxySize::kMaxHeight) / h});
    DecoderOptions options;
    options.outputWidth = std::max(1, static_cast<int>(std::lround(w * shrink)));
    options.outputHeight = std::max(1, static_cast<int>(std::lround(h * shrink)));
    VideoDecoder decoder(source, options);
    const std::int64_t frames = decoder.frameCount();

    std::filesystem::path part = out;
    part += ".part";
    bool done = false;
    struct RemovePart {
        const std::filesystem::path& p;
        const bool& done;
        ~RemovePart() {
            std::error_code ec;
            if (!done) std::filesystem::remove(p, ec);
        }
    } removePart{part, done};

    File file(std::fopen(part.c_str(), "wb"));
    if (!file.f) throw std::runtime_error("cannot create " + part.string());
    put(file.f, kMagic, sizeof kMagic);
    putValue<std::uint32_t>(file.f, kVersion);
    putValue<std::uint32_t>(file.f, static_cast<std::uint32_t>(options.outputWidth));
    putValue<std::uint32_t>(file.f, static_cast<std::uint32_t>(options.outputHeight));
    putValue<std::int64_t>(file.f, frames);
    putValue<std::uint64_t>(file.f, version.size);
    putValue<std::int64_t>(file.f, version.modifiedNs);
    putValue<std::uint32_t>(file.f, static_cast<std::uint32_t>(source.size()));
    put(file.f, source.data(), source.size());

    ipc::JpegEncoder encoder(ScrubProxySize::kJpegQuality);
    std::vector<std::uint8_t> jpeg;
    std::vector<double> seconds;
    std::vector<std::uint64_t> offsets;
    seconds.reserve(static_cast<std::size_t>(frames));
    offsets.reserve(static_cast<std::size_t>(frames) + 1);
    for (std::int64_t i = 0; i < frames; ++i) {
        if (cancel.load()) return false;
        const DecodedFrame& f = decoder.frame(i);
        encoder.encode(f.rgba.view(), jpeg);
        offsets.push_back(static_cast<std::uint64_t>(std::ftell(file.f)));
        put(file.f, jpeg.data(), jpeg.size());
        seconds.push_back(decoder.frameSeconds(i));
        if (progress && (i % 30 == 0)) progress(static_cast<double>(i) / frames);
    }
    const auto tablesAt = static_cast<std::uint64_t>(std::ftell(file.f));
    offsets.push_back(tablesAt);
    put(file.f, seconds.data(), seconds.size() * sizeof(double));
    put(file.f, offsets.data(), offsets.size() * sizeof(std::uint64_t));
    putValue<std::uint64_t>(file.f, tablesAt);
    put(file.f, kMagic, sizeof kMagic);
    if (std::fflush(file.f) != 0) throw std::runtime_error("cannot write the proxy");
    std::fclose(file.f);
    file.f = nullptr;
    std::filesystem::rename(part, out);
    done = true;
    if (progress) progress(1.0);
    return true;
}

ScrubProxy::ScrubProxy(const std::filesystem::path& path) : decoder_(std::make_unique<Decoder>()) {
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) throw std::runtime_error("cannot open the proxy " + path.string());
    try {
        char magic[16];
        get(file_, magic, sizeof magic);
        if (std::memcmp(magic, kMagic, sizeof magic) != 0 ||
            getValue<std::uint32_t>(file_) != kVersion)
            throw std::runtime_error("not a proxy of this version");
        width_ = static_cast<int>(getValue<std::uint32_t>(file_));
        height_ = static_cast<int>(getValue<std::uint32_t>(file_));
        const auto frames = getValue<std::int64_t>(file_);
        version_.size = getValue<std::uint64_t>(file_);
        version_.modifiedNs = getValue<std::int64_t>(file_);
        const auto pathBytes = getValue<std::uint32_t>(file_);
        if (width_ <= 0 || height_ <= 0 || width_ > 4 * ScrubProxySize::kMaxWidth ||
            height_ > 4 * ScrubProxySize::kMaxHeight || frames <= 0 || frames > (1 << 26) ||
            pathBytes > 65536)
            throw std::runtime_error("a damaged proxy header");
        source_.resize(pathBytes);
        get(file_, source_.data(), pathBytes);

        if (std::fseek(file_, -static_cast<long>(sizeof(std::uint64_t) + sizeof kMagic),
                       SEEK_END) != 0)
            throw std::runtime_error("the proxy is cut short");
        const auto tablesAt = getValue<std::uint64_t>(file_);
        get(file_, magic, sizeof magic);
        if (std::memcmp(magic, kMagic, sizeof magic) != 0)
            throw std::runtime_error("the proxy is incomplete");
        if (std::fseek(file_, static_cast<long>(tablesAt), SEEK_SET) != 0)
            throw std::runtime_error("a damaged proxy table");
        seconds_.resize(static_cast<std::size_t>(frames));
        offset_.resize(static_cast<std::size_t>(frames) + 1);
        get(file_, seconds_.data(), seconds_.size() * sizeof(double));
        get(file_, offset_.data(), offset_.size() * sizeof(std::uint64_t));
        for (std::size_t i = 0; i + 1 < offset_.size(); ++i)
            if (offset_[i] > offset_[i + 1] || offset_[i + 1] - offset_[i] > (64u << 20))
                throw std::runtime_error("a damaged proxy table");
        if (offset_.back() != tablesAt) throw std::runtime_error("a damaged proxy table");
    } catch (...) {
        std::fclose(file_);
        throw;
    }
}

ScrubProxy::~ScrubProxy() {
    if (file_) std::fclose(file_);
}

std::int64_t ScrubProxy::frameAt(Rational t) const {
    if (t.den <= 0 || t.num <= 0) return 0;
    const double at = static_cast<double>(t.num) / static_cast<double>(t.den) + kTimeSlack;
    const auto it = std::upper_bound(seconds_.begin(), seconds_.end(), at);
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(it - seconds_.begin()) - 1, 0,
                                    frameCount() - 1);
}

const fx::Frame& ScrubProxy::frame(std::int64_t index) {
    index = std::clamp<std::int64_t>(index, 0, frameCount() - 1);
    if (index == decodedIndex_) return decoded_;
    const auto i = static_cast<std::size_t>(index);
    jpeg_.resize(offset_[i + 1] - offset_[i]);
    if (std::fseek(file_, static_cast<long>(offset_[i]), SEEK_SET) != 0)
        throw std::runtime_error("cannot read the proxy");
    get(file_, jpeg_.data(), jpeg_.size());
    if (!decoder_->jpeg.decode(jpeg_.data(), jpeg_.size(), decoded_) ||
        decoded_.width() != width_ || decoded_.height() != height_) {
        decodedIndex_ = -1;
        throw std::runtime_error("a damaged proxy frame");
    }
    decodedIndex_ = index;
    return decoded_;
}

} // namespace entropic::engine
