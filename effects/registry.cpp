// Every built-in effect, in one list (like libavfilter's allfilters.c).
// Adding an effect: its file in util/ or fx/ defining builtin::NAME(), one
// line in ENTROPIC_BUILTIN_EFFECTS below, and its test. Old versions of an
// effect stay listed so that saved projects keep rendering the same bytes.
#include "entropic/effects/registry.h"

#include "core/builtin.h"

#define ENTROPIC_BUILTIN_EFFECTS(X)                                                                \
    X(utilLevels)                                                                                  \
    X(utilBlur)                                                                                    \
    X(utilHslAdjust)                                                                               \
    X(utilCurves)                                                                                  \
    X(utilExposure)                                                                                \
    X(utilContrast)                                                                                \
    X(utilColorTemperature)                                                                        \
    X(utilInvert)                                                                                  \
    X(utilChromaKey)                                                                               \
    X(utilLumaKey)                                                                                 \
    X(utilSharpen)                                                                                 \
    X(utilTransform)                                                                               \
    X(utilCrop)                                                                                    \
    X(fxChannelShift)                                                                              \
    X(fxNoise)                                                                                     \
    X(fxFeedback)                                                                                  \
    X(fxPixelSort)                                                                                 \
    X(fxRgbSplit)                                                                                  \
    X(fxPosterize)                                                                                 \
    X(fxBitcrush)                                                                                  \
    X(fxRowShift)                                                                                  \
    X(fxBlockDisplace)                                                                             \
    X(fxScanlines)                                                                                 \
    X(fxMirror)                                                                                    \
    X(fxVhs)                                                                                       \
    X(fxEdges)                                                                                     \
    X(fxJpegDamage)                                                                                \
    X(fxXorGlitch)                                                                                 \
    X(fxSliceRepeat)                                                                               \
    X(fxInvertBands)                                                                               \
    X(fxPixelAnnihilate)                                                                           \
    X(fxChannelDestroy)                                                                            \
    X(fxWaveDistort)                                                                               \
    X(fxSmear)                                                                                     \
    X(fxTvStatic)                                                                                  \
    X(fxEmboss)                                                                                    \
    X(fxContours)                                                                                  \
    X(fxDither)                                                                                    \
    X(fxAscii)                                                                                     \
    X(fxDatamosh)                                                                                  \
    X(fxEcho)                                                                                      \
    X(fxStutter)                                                                                   \
    X(fxFrameHold)                                                                                 \
    X(fxDecimate)                                                                                  \
    X(fxSlitScan)

ENTROPIC_BUILTIN_EFFECTS(ENTROPIC_DECLARE_EFFECT)

namespace entropic::fx {

EffectRegistry::EffectRegistry(std::vector<const EffectDescriptor*> descriptors)
    : all_(std::move(descriptors)) {}

const EffectRegistry& EffectRegistry::builtin() {
#define ENTROPIC_LIST_EFFECT(NAME) &builtin::NAME(),
    static const EffectRegistry registry({ENTROPIC_BUILTIN_EFFECTS(ENTROPIC_LIST_EFFECT)});
#undef ENTROPIC_LIST_EFFECT
    return registry;
}

const EffectDescriptor* EffectRegistry::find(std::string_view id) const {
    const EffectDescriptor* best = nullptr;
    for (const auto* d : all_)
        if (d->id == id && (!best || d->version > best->version)) best = d;
    return best;
}

const EffectDescriptor* EffectRegistry::find(std::string_view id, int version) const {
    for (const auto* d : all_)
        if (d->id == id && d->version == version) return d;
    return nullptr;
}

} // namespace entropic::fx
