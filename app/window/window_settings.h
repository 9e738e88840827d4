#pragma once
// The main window's QSettings keys, shared by the files that make up the window.
namespace entropic::app::window_settings {

inline constexpr int kMaxRecent = 10;
inline constexpr const char* kRecentKey = "files/recent";
inline constexpr const char* kImportFolderKey = "files/importFolder";
inline constexpr const char* kGeometryKey = "window/geometry";
inline constexpr const char* kStateKey = "window/state";
inline constexpr int kLayoutVersion = 1;

} // namespace entropic::app::window_settings
