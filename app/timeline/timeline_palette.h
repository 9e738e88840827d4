#pragma once
// The timeline's colours in one place: dark, low-saturation surroundings so
// the thumbnails carry the colour, with the playhead, selection and marks in
// hues that read at a glance.
#include <QColor>

namespace entropic::app::palette {

inline const QColor kBackground{0x1a, 0x1b, 0x1e};
inline const QColor kLaneEven{0x22, 0x23, 0x27};
inline const QColor kLaneOdd{0x26, 0x27, 0x2c};
inline const QColor kLaneSeparator{0x14, 0x15, 0x17};
inline const QColor kHeader{0x2b, 0x2c, 0x31};
inline const QColor kHeaderText{0xd8, 0xda, 0xde};
inline const QColor kDimText{0x8c, 0x90, 0x98};
inline const QColor kRuler{0x2e, 0x2f, 0x34};
inline const QColor kTick{0x7a, 0x7e, 0x86};
inline const QColor kCacheBar{0x16, 0x17, 0x19};
inline const QColor kCached{0x3c, 0xb3, 0x71};
inline const QColor kVideoClip{0x35, 0x53, 0x7c};
inline const QColor kVideoClipBorder{0x5a, 0x7d, 0xb0};
inline const QColor kAudioClip{0x2c, 0x66, 0x53};
inline const QColor kAudioClipBorder{0x48, 0x9a, 0x7d};
inline const QColor kWaveform{0x9b, 0xe8, 0xc8};
inline const QColor kSelection{0xff, 0xb2, 0x38};
inline const QColor kPlayhead{0xff, 0x4d, 0x4d};
inline const QColor kInOut{0x5a, 0x8c, 0xff};
inline const QColor kMarker{0xf5, 0xc5, 0x42};
inline const QColor kSnapGuide{0xff, 0xe0, 0x66};
inline const QColor kInvalid{0xe0, 0x40, 0x40};
inline const QColor kDropTarget{0x5c, 0xe1, 0xe6};
inline const QColor kMuteOn{0xe0, 0x9a, 0x2e};
inline const QColor kSoloOn{0xd8, 0xc2, 0x2a};
inline const QColor kLockOn{0xc8, 0x50, 0x50};
// Signals: what moves a parameter, in the inspector, the plots and the lanes.
inline const QColor kModulation{0x5c, 0xd6, 0xf0};
inline const QColor kAutomation{0xf0, 0x9a, 0x3c};
inline const QColor kAutomationLane{0x1e, 0x1f, 0x23};
// Pad events: a lane whose pad names no colour takes the pads' default.
inline const QColor kPerformance{0xd0, 0x64, 0x3c};
inline const QColor kPerformanceLane{0x1d, 0x1e, 0x22};

} // namespace entropic::app::palette
