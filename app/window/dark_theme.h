#pragma once
class QApplication;

namespace entropic::app {

// A dark, low-saturation theme (Fusion style) so the picture is the brightest
// thing on screen, as video tools do.
void applyDarkTheme(QApplication& app);

} // namespace entropic::app
