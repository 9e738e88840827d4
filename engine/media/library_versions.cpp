#include "entropic/engine/media/library_versions.h"

#include <string>

#include <jconfig.h>
#include <zmq.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

namespace entropic::engine {
namespace {

std::string dotted(unsigned version) {
    return std::to_string(AV_VERSION_MAJOR(version)) + "." +
           std::to_string(AV_VERSION_MINOR(version)) + "." +
           std::to_string(AV_VERSION_MICRO(version));
}

#define ENTROPIC_STRINGIFY2(x) #x
#define ENTROPIC_STRINGIFY(x) ENTROPIC_STRINGIFY2(x)

} // namespace

std::vector<std::string> libraryVersions() {
    int zmqMajor = 0, zmqMinor = 0, zmqPatch = 0;
    zmq_version(&zmqMajor, &zmqMinor, &zmqPatch);
    return {
        std::string("FFmpeg ") + av_version_info() + " (libavcodec " + dotted(avcodec_version()) +
            ", libavformat " + dotted(avformat_version()) + ", libswscale " +
            dotted(swscale_version()) + ")",
        "ZeroMQ " + std::to_string(zmqMajor) + "." + std::to_string(zmqMinor) + "." +
            std::to_string(zmqPatch),
        "libjpeg-turbo " ENTROPIC_STRINGIFY(LIBJPEG_TURBO_VERSION),
    };
}

} // namespace entropic::engine
