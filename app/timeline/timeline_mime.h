#pragma once
// The clipboard format of timeline clips. (Drops: the media bin drags
// kMediaMimeType of bin/media_bin.h, the effect browser kEffectMimeType of
// browser/effect_browser.h, file managers text/uri-list.)

namespace entropic::app {

// edits::copyClips JSON (UTF-8): what Copy puts on the clipboard and Paste reads.
inline constexpr const char* kClipsMimeType = "application/x-entropic-clips";

} // namespace entropic::app
