#pragma once
// Turns RGBA frames into palettised (pal8) frames sharing one palette made
// from the whole export, through libavfilter's palettegen/paletteuse. A
// palette of the whole clip keeps colours steady from frame to frame; the
// price is that every frame waits in memory until the last one is in (the
// export job scales GIFs down first, see ExportSettings::gifMaxWidth).
#include <functional>
#include <string>

extern "C" {
#include <libavfilter/avfilter.h>
}

#include "media/ffmpeg_util.h"

namespace entropic::engine::media {

class GifPalette {
  public:
    // Throws EngineError(encode_failed) naming path.
    GifPalette(const std::string& path, int width, int height, Rational frameRate);
    ~GifPalette();
    GifPalette(const GifPalette&) = delete;
    GifPalette& operator=(const GifPalette&) = delete;

    // Adds a frame (nullptr: end of input). Calls out for each pal8 frame ready.
    void push(const AVFrame* rgba, const std::function<void(AVFrame*)>& out);

  private:
    std::string path_;
    AVFilterGraph* graph_ = nullptr;
    AVFilterContext* source_ = nullptr;
    AVFilterContext* sink_ = nullptr;
    FramePtr result_ = makeFrame();
};

} // namespace entropic::engine::media
