#include "filter_graph.h"

#include <stdexcept>

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/error.h>
#include <libavutil/mem.h>
}

namespace entropic::bench {

namespace {
[[noreturn]] void fail(const std::string& filters, const char* what, int err) {
    char reason[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(err, reason, sizeof reason);
    throw std::runtime_error("filter graph '" + filters + "': " + what + ": " + reason);
}
} // namespace

FilterGraph::FilterGraph(int width, int height, AVPixelFormat format, const std::string& filters,
                         int threads)
    : filters_(filters) {
    graph_ = avfilter_graph_alloc();
    if (!graph_) throw std::bad_alloc();
    graph_->nb_threads = threads;
    // The scalers FFmpeg inserts get the graph's thread count too (vf_scale's
    // default is 1). FFmpeg 5.1's scale filter still converts on one thread
    // (same time, same thread count with 1 or 2): the offer is made all the same.
    graph_->scale_sws_opts = av_strdup(("threads=" + std::to_string(threads)).c_str());
    const std::string args = "video_size=" + std::to_string(width) + "x" + std::to_string(height) +
                             ":pix_fmt=" + std::to_string(format) +
                             ":time_base=1/30:pixel_aspect=1/1";
    int err = avfilter_graph_create_filter(&source_, avfilter_get_by_name("buffer"), "in",
                                           args.c_str(), nullptr, graph_);
    if (err >= 0)
        err = avfilter_graph_create_filter(&sink_, avfilter_get_by_name("buffersink"), "out",
                                           nullptr, nullptr, graph_);
    if (err < 0) fail(filters, "cannot create the source and sink", err);

    AVFilterInOut* outputs = avfilter_inout_alloc();
    AVFilterInOut* inputs = avfilter_inout_alloc();
    outputs->name = av_strdup("in");
    outputs->filter_ctx = source_;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = sink_;
    err = avfilter_graph_parse_ptr(graph_, filters.c_str(), &inputs, &outputs, nullptr);
    avfilter_inout_free(&inputs);
    avfilter_inout_free(&outputs);
    if (err < 0) fail(filters, "cannot parse", err);
    err = avfilter_graph_config(graph_, nullptr);
    if (err < 0) fail(filters, "cannot configure", err);
}

FilterGraph::~FilterGraph() {
    avfilter_graph_free(&graph_);
}

void FilterGraph::run(const AVFrame* in, AVFrame* out) {
    av_frame_unref(out);
    int err =
        av_buffersrc_add_frame_flags(source_, const_cast<AVFrame*>(in), AV_BUFFERSRC_FLAG_KEEP_REF);
    if (err < 0) fail(filters_, "refused a frame", err);
    err = av_buffersink_get_frame(sink_, out);
    if (err < 0) fail(filters_, "gave no frame", err);
}

} // namespace entropic::bench
