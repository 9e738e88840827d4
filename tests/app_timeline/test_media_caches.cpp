// Thumbnails and waveforms come from worker threads: the first paint never
// waits for them, they arrive later and are drawn. Also writes the screenshots
// timeline.png and timeline-drag.png into the build tree, to look at.
#include <catch2/catch.hpp>

#include <QTest>

#include "commands/edits.h"
#include "timeline/thumbnail_cache.h"
#include "timeline/waveform_cache.h"
#include "timeline_fixture.h"

using namespace entropic;
using namespace entropic::app;
using namespace entropic::app::test;

namespace {

// Height of the thumbnails in a video clip: the clip's body under its title strip.
int thumbnailHeight(const TimelineWidget& w, const engine::Clip& clip) {
    const auto& g = w.geometry();
    return static_cast<int>(g.clipRect(g.rowOfTrack("V1"), clip).height()) - 17;
}

} // namespace

TEST_CASE("thumbnails and waveforms arrive asynchronously and are cached", "[timeline][media]") {
    TimelineFixture f;
    const QString video = mediaPath("bframes.mp4");
    const QString audio = mediaPath("audio-only.m4a");
    const int height = thumbnailHeight(f.w(), *f.clip("a"));

    f.w().grab(); // a paint: asks for what it draws and returns at once
    CHECK_FALSE(f.w().thumbnails().contains(video, 0, height)); // delivered on the UI thread, later
    CHECK_FALSE(f.w().waveforms().isReady(audio));

    QTRY_VERIFY_WITH_TIMEOUT(f.w().thumbnails().contains(video, 0, height), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(f.w().waveforms().isReady(audio), 30000);
    CHECK_FALSE(f.w().waveforms().isSilent(audio));
    CHECK(f.w().thumbnails().aspect(video) == Approx(320.0 / 240.0));
    // b starts 10 frames into the source: its first thumbnail is of frame 10.
    QTRY_VERIFY_WITH_TIMEOUT(f.w().thumbnails().contains(video, 10, height), 30000);
    const QImage thumb = f.w().thumbnails().thumbnail(video, 0, height, {30, 1});
    CHECK(thumb.height() == height);
    CHECK(thumb.width() == qRound(height * 320.0 / 240.0));

    // A cached thumbnail is not decoded again.
    const int count = f.w().thumbnails().count();
    f.w().grab();
    QTest::qWait(50);
    CHECK(f.w().thumbnails().count() >= count);
    auto wave = f.w().waveforms().waveform(audio);
    REQUIRE(wave);
    CHECK(wave->peakBetween(0.5, 0.6) == Approx(0.125).margin(0.02)); // lavfi sine: amplitude 1/8

    // Missing media: remembered as failed, never retried, drawn as offline.
    f.w().thumbnails().thumbnail(QStringLiteral("/nonexistent/x.mp4"), 0, height, {30, 1});
    QTRY_VERIFY_WITH_TIMEOUT(f.w().thumbnails().failed(QStringLiteral("/nonexistent/x.mp4")),
                             10000);
}

TEST_CASE("screenshot of the sample timeline", "[timeline][screenshot]") {
    TimelineFixture f;
    const QString video = mediaPath("bframes.mp4");
    QString error;
    edits::setInPoint(f.doc, 20, &error);
    edits::setOutPoint(f.doc, 90, &error);
    edits::addMarker(f.doc, 45, QStringLiteral("Drop"), &error);
    edits::addMarker(f.doc, 104, QStringLiteral("Glitch"), &error);
    edits::renameTrack(f.doc, QStringLiteral("V2"), QStringLiteral("Overlay"), &error);
    edits::setTrackMuted(f.doc, QStringLiteral("V2"), true, &error);
    f.w().setCachedRanges({{0, 48}, {60, 75}});
    f.selection.set({"b"});
    f.transport.setFrame(57);
    f.w().grab();
    QTRY_VERIFY_WITH_TIMEOUT(f.w().thumbnails().count() >= 8, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(f.w().waveforms().isReady(mediaPath("audio-only.m4a")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(f.w().waveforms().isReady(video), 30000);
    QTest::qWait(300); // the last thumbnails of the screen
    const QImage shot = f.w().grab().toImage();
    CHECK(shot.save(QStringLiteral(ENTROPIC_BINARY_DIR "/timeline.png")));
    // The playhead's colour where it crosses the empty lane of V2 at frame 57.
    CHECK(
        shot.pixelColor(static_cast<int>(f.w().geometry().frameToX(57)), f.at("V2", 57).y()).red() >
        200);

    // Mid-drag: c pulled 20 frames left, its ghost where it would land.
    QTest::mousePress(&f.w(), Qt::LeftButton, {}, f.at("V1", 110));
    QTest::mouseMove(&f.w(), f.at("V1", 100));
    QTest::mouseMove(&f.w(), f.at("V1", 90));
    CHECK(f.w().grab().toImage().save(QStringLiteral(ENTROPIC_BINARY_DIR "/timeline-drag.png")));
    QTest::mouseRelease(&f.w(), Qt::LeftButton, {}, f.at("V1", 90));
}
