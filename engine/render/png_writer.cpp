#include "entropic/engine/render/png_writer.h"

#include <cstdio>
#include <memory>

#include "entropic/engine/error.h"
#include "entropic/engine/render/export_job.h"
#include "media/ffmpeg_util.h"

namespace entropic::engine {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& why) {
    throw EngineError(errc::kEncodeFailed, path + ": cannot write PNG (" + why + ")");
}

} // namespace

void writePng(const std::string& path, fx::ConstFrameView rgba) {
    const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
    if (!codec) fail(path, "FFmpeg has no PNG encoder");
    media::CodecContextPtr ctx(avcodec_alloc_context3(codec));
    ctx->width = rgba.width;
    ctx->height = rgba.height;
    ctx->pix_fmt = AV_PIX_FMT_RGBA;
    ctx->time_base = {1, 25};
    if (avcodec_open2(ctx.get(), codec, nullptr) < 0) fail(path, "encoder did not open");

    media::FramePtr frame = media::makeFrame();
    frame->format = AV_PIX_FMT_RGBA;
    frame->width = rgba.width;
    frame->height = rgba.height;
    // The encoder only reads: point it at the caller's pixels.
    frame->data[0] = const_cast<std::uint8_t*>(rgba.data);
    frame->linesize[0] = rgba.stride;

    media::PacketPtr packet = media::makePacket();
    if (avcodec_send_frame(ctx.get(), frame.get()) < 0 ||
        avcodec_send_frame(ctx.get(), nullptr) < 0 ||
        avcodec_receive_packet(ctx.get(), packet.get()) < 0)
        fail(path, "encoding failed");

    writeAtomically(path, [&](const std::string& tmp) {
        std::FILE* file = std::fopen(tmp.c_str(), "wb");
        if (!file) fail(path, "cannot create the file");
        const bool ok = std::fwrite(packet->data, 1, static_cast<std::size_t>(packet->size),
                                    file) == static_cast<std::size_t>(packet->size);
        if (std::fclose(file) != 0 || !ok) fail(path, "write failed");
    });
}

} // namespace entropic::engine
