#include "media/gif_palette.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
}

namespace entropic::engine::media {

namespace {
// Bayer dithering rather than error diffusion: the pattern stays put from
// frame to frame, so still areas do not shimmer and compress well;
// diff_mode=rectangle re-dithers only the part of a frame that changed.
constexpr const char* kGraph = "split[a][b];[a]palettegen=stats_mode=full[p];"
                               "[b][p]paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle";
} // namespace

GifPalette::GifPalette(const std::string& path, int width, int height, Rational frameRate)
    : path_(path) {
    graph_ = avfilter_graph_alloc();
    if (!graph_) throw std::bad_alloc();
    graph_->nb_threads = 1;
    const std::string args = "video_size=" + std::to_string(width) + "x" + std::to_string(height) +
                             ":pix_fmt=" + std::to_string(AV_PIX_FMT_RGBA) +
                             ":time_base=" + std::to_string(frameRate.den) + "/" +
                             std::to_string(frameRate.num) + ":pixel_aspect=1/1";
    int err = avfilter_graph_create_filter(&source_, avfilter_get_by_name("buffer"), "in",
                                           args.c_str(), nullptr, graph_);
    if (err >= 0)
        err = avfilter_graph_create_filter(&sink_, avfilter_get_by_name("buffersink"), "out",
                                           nullptr, nullptr, graph_);
    if (err < 0) fail(errc::kEncodeFailed, path_, "cannot set up the GIF palette filters", err);

    AVFilterInOut* outputs = avfilter_inout_alloc();
    AVFilterInOut* inputs = avfilter_inout_alloc();
    outputs->name = av_strdup("in");
    outputs->filter_ctx = source_;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = sink_;
    err = avfilter_graph_parse_ptr(graph_, kGraph, &inputs, &outputs, nullptr);
    avfilter_inout_free(&inputs);
    avfilter_inout_free(&outputs);
    if (err >= 0) err = avfilter_graph_config(graph_, nullptr);
    if (err < 0) fail(errc::kEncodeFailed, path_, "cannot set up the GIF palette filters", err);
}

GifPalette::~GifPalette() {
    avfilter_graph_free(&graph_);
}

void GifPalette::push(const AVFrame* rgba, const std::function<void(AVFrame*)>& out) {
    // AV_BUFFERSRC_FLAG_KEEP_REF: the caller keeps (and reuses) its frame.
    int err = av_buffersrc_add_frame_flags(source_, const_cast<AVFrame*>(rgba),
                                           AV_BUFFERSRC_FLAG_KEEP_REF);
    if (err < 0) fail(errc::kEncodeFailed, path_, "the GIF palette filter refused a frame", err);
    for (;;) {
        err = av_buffersink_get_frame(sink_, result_.get());
        if (err == AVERROR(EAGAIN) || err == AVERROR_EOF) return;
        if (err < 0) fail(errc::kEncodeFailed, path_, "the GIF palette filter failed", err);
        out(result_.get());
        av_frame_unref(result_.get());
    }
}

} // namespace entropic::engine::media
