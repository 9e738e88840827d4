#pragma once
// One libavfilter graph run in-process for the benchmarks: a buffer source of
// a fixed size and pixel format, the filters of an ffmpeg -vf string, a
// buffer sink. Errors throw std::runtime_error naming the filter string.
#include <string>

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavutil/frame.h>
}

namespace entropic::bench {

class FilterGraph {
  public:
    // `threads` is the graph's nb_threads; the scalers it inserts (and those
    // in `filters` that do not set their own) get the same number.
    FilterGraph(int width, int height, AVPixelFormat format, const std::string& filters,
                int threads);
    ~FilterGraph();
    FilterGraph(const FilterGraph&) = delete;
    FilterGraph& operator=(const FilterGraph&) = delete;

    // Pushes `in` (kept by the caller: the filters see a shared, read-only
    // frame and write a new one, as an effect writes its own output) and
    // pulls the filtered frame into `out`, which is unreferenced first.
    void run(const AVFrame* in, AVFrame* out);

    const std::string& filters() const { return filters_; }

  private:
    std::string filters_;
    AVFilterGraph* graph_ = nullptr;
    AVFilterContext* source_ = nullptr;
    AVFilterContext* sink_ = nullptr;
};

} // namespace entropic::bench
