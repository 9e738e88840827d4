#pragma once
// The transport bar's icons, drawn as vectors in the palette's text colour:
// crisp at any scale on the dark theme, and no dependence on which symbol
// glyphs the installed fonts happen to carry (⏸ and ⏮ are missing from DejaVu).
#include <QIcon>

namespace entropic::app::transport_icons {

enum class Glyph { Play, Pause, Stop, PreviousFrame, NextFrame, ToStart, ToEnd, Loop, Follow };

// The icon at the sizes a tool button asks for, in `color` (normal) and a dimmed copy (disabled).
QIcon icon(Glyph glyph, const QColor& color);

} // namespace entropic::app::transport_icons
