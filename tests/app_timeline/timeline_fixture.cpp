#include "timeline_fixture.h"

#include <QFile>
#include <QTest>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace entropic::app::test {

using nlohmann::json;

QString mediaPath(const char* name) {
    return QStringLiteral(ENTROPIC_TEST_MEDIA_DIR "/") + QString::fromLatin1(name);
}

namespace {

json projectJson() {
    const std::string video = mediaPath("bframes.mp4").toStdString();
    const std::string audio = mediaPath("audio-only.m4a").toStdString();
    auto clip = [](const char* id, const std::string& source, int start, int in, int out) {
        return json{{"id", id}, {"source", source}, {"start", start},
                    {"in", in}, {"out", out},       {"effects", json::array()}};
    };
    json b = clip("b", video, 40, 10, 40);
    b["effects"].push_back(
        {{"id", "fx-1"}, {"effect", "fx.noise"}, {"params", {{"amount", 0.3}}}, {"seed", 7}});
    return {{"format", "entropic-project"},
            {"version", 1},
            {"id", "timeline-fixture"},
            {"seed", 3},
            {"frame_rate", {{"num", 30}, {"den", 1}}},
            {"width", 320},
            {"height", 240},
            {"tracks",
             {{{"id", "V1"},
               {"kind", "video"},
               {"name", "Main"},
               {"clips", {clip("a", video, 0, 0, 30), b, clip("c", video, 100, 0, 30)}}},
              {{"id", "V2"}, {"kind", "video"}, {"clips", {clip("d", video, 10, 60, 70)}}},
              {{"id", "A1"}, {"kind", "audio"}, {"clips", {clip("m", audio, 0, 0, 60)}}}}}};
}

} // namespace

TimelineFixture::TimelineFixture() {
    const QString path = dir.filePath(QStringLiteral("timeline.entropic"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::fromStdString(projectJson().dump(2)));
    file.close();
    QString error;
    const bool loaded = doc.load(path, &error);
    INFO(error.toStdString());
    REQUIRE(loaded);
    transport.setLastFrame(1000);

    widget = std::make_unique<TimelineWidget>(doc, transport, selection);
    widget->resize(1000, 300);
    widget->show();
    REQUIRE(QTest::qWaitForWindowExposed(widget.get()));
    widget->setPixelsPerFrame(kPixelsPerFrame);
    widget->setScrollX(0);
}

QPoint TimelineFixture::at(const QString& trackId, double frame, int dy) const {
    const auto& g = widget->geometry();
    const QRect lane = g.laneRect(g.rowOfTrack(trackId));
    return {static_cast<int>(std::lround(g.frameToX(frame))), lane.center().y() + dy};
}

QPoint TimelineFixture::ruler(double frame) const {
    return {static_cast<int>(std::lround(widget->geometry().frameToX(frame))),
            TimelineGeometry::kRulerHeight / 2};
}

const engine::Clip* TimelineFixture::clip(const std::string& id) const {
    for (const auto& t : doc.project().tracks)
        for (const auto& c : t.clips)
            if (c.id == id) return &c;
    return nullptr;
}

std::string TimelineFixture::clipIds(const std::string& trackId) const {
    std::string out;
    for (const auto& t : doc.project().tracks)
        if (t.id == trackId)
            for (const auto& c : t.clips)
                out += (out.empty() ? "" : ",") + c.id;
    return out;
}

void TimelineFixture::click(QPoint pos, Qt::KeyboardModifiers modifiers) {
    // (QTest's widget clicks never pair up into double-clicks.)
    QTest::mouseClick(widget.get(), Qt::LeftButton, modifiers, pos);
}

void TimelineFixture::drag(QPoint from, QPoint to, Qt::KeyboardModifiers modifiers) {
    QTest::mousePress(widget.get(), Qt::LeftButton, modifiers, from);
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(widget.get(), from + (to - from) * i / 4);
    QTest::mouseRelease(widget.get(), Qt::LeftButton, modifiers, to);
}

} // namespace entropic::app::test
