// The status line and failure notices from analysis_status replies.
#include <catch2/catch.hpp>

#include <QSignalSpy>

#include "modulation/analysis_monitor.h"

using namespace entropic::app;
using nlohmann::json;

TEST_CASE("analysis progress reads as a percentage, a failed source is reported once",
          "[app][signals]") {
    AnalysisMonitor monitor(nullptr, nullptr);
    QSignalSpy failed(&monitor, &AnalysisMonitor::sourceFailed);
    const json lost = {
        {"id", "lost"},
        {"kind", "audio.rms"},
        {"state", "failed"},
        {"done", 0},
        {"total", 0},
        {"error", {{"code", "media_open_failed"}, {"message", "/music/gone.wav: no such file"}}}};
    monitor.apply(
        {{"ok", true},
         {"busy", true},
         {"done", 184},
         {"total", 240},
         {"sources",
          {lost, {{"id", "kick"}, {"state", "running"}, {"done", 184}, {"total", 240}}}}});
    CHECK(monitor.text() == "Analysing signals 76 %");
    REQUIRE(failed.count() == 1);
    CHECK(failed.at(0).at(0).toString() ==
          "Sound level cannot be measured: /music/gone.wav: no such file");

    monitor.apply(
        {{"ok", true}, {"busy", false}, {"done", 240}, {"total", 240}, {"sources", {lost}}});
    CHECK(monitor.text().isEmpty());
    CHECK(failed.count() == 1); // not again
    // An error reply (no project yet) changes nothing.
    monitor.apply({{"ok", false}, {"error", {{"code", "no_project"}}}});
    CHECK(monitor.text().isEmpty());
}
