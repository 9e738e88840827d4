#pragma once
// Video features of one frame (docs/signals.md, "Extraction"). The engine
// hands in a downscaled copy of the clip's source frame (160×90 is what the
// docs and the benchmark use); every value is in 0..1.
#include <optional>
#include <vector>

#include "entropic/effects/frame.h"
#include "entropic/signal/spec.h"

namespace entropic::sig {

struct VideoFrameFeatures {
    double luma = 0; // mean BT.709 luma
    double red = 0;  // channel means
    double green = 0;
    double blue = 0;
    double hue = 0;        // hue of the mean colour, 0..1 (0 red, 1/3 green, 2/3 blue)
    double saturation = 0; // mean HSV saturation
    double edges = 0;      // mean Sobel magnitude (1 = a full black-to-white step)
    double motion = 0;     // mean absolute luma difference to the previous frame

    // The value a video source of `kind` reads (0 for non-video kinds).
    double get(SourceKind kind) const;
};

// Measures `frame`, inside `region` if given (pixels whose centre lies in it;
// an empty region gives all zeros). Motion compares with `previous` when it
// has the same size, else it is 0.
VideoFrameFeatures measureVideoFrame(fx::ConstFrameView frame,
                                     const std::optional<Region>& region = std::nullopt,
                                     fx::ConstFrameView previous = {});

// Measures a clip's frames in order, keeping only the previous frame's luma
// for motion. The first frame (and one after a size change or reset) has
// motion 0.
class VideoAnalyzer {
  public:
    explicit VideoAnalyzer(std::optional<Region> region = std::nullopt);
    VideoFrameFeatures push(fx::ConstFrameView frame);
    void reset();

  private:
    std::optional<Region> region_;
    std::vector<int> luma_; // this frame's luma plane (kept to avoid an allocation a frame)
    std::vector<int> previousLuma_;
    int previousWidth_ = 0;
    int previousHeight_ = 0;
};

} // namespace entropic::sig
