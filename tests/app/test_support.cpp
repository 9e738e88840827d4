#include "test_support.h"

#include <QFile>

#include <catch2/catch.hpp>

namespace entropic::app::test {

using nlohmann::json;

json fixtureJson() {
    auto clipJson = [](const char* id, int start, int in, int out) {
        return json{{"id", id},       {"source", std::string("media/") + id + ".mp4"},
                    {"start", start}, {"in", in},
                    {"out", out},     {"effects", json::array()}};
    };
    json b = clipJson("b", 40, 10, 40);
    b["effects"].push_back(
        {{"id", "fx-1"}, {"effect", "fx.noise"}, {"params", {{"amount", 0.3}}}, {"seed", 7}});
    json m = {{"id", "m"}, {"source", "media/music.m4a"}, {"start", 0}, {"out", 100}};
    return {{"format", "entropic-project"},
            {"version", 1},
            {"id", "fixture"},
            {"seed", 3},
            {"frame_rate", {{"num", 30}, {"den", 1}}},
            {"width", 320},
            {"height", 240},
            {"tracks",
             {{{"id", "V1"},
               {"kind", "video"},
               {"clips", {clipJson("a", 0, 0, 30), b, clipJson("c", 100, 0, 30)}}},
              {{"id", "V2"}, {"kind", "video"}, {"clips", {clipJson("d", 10, 0, 10)}}},
              {{"id", "A1"}, {"kind", "audio"}, {"clips", {m}}}}}};
}

void loadJson(ProjectDocument& doc, const json& doc_json, const QTemporaryDir& dir,
              const QString& name) {
    const QString path = dir.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    const std::string text = doc_json.dump(2);
    file.write(text.data(), static_cast<qint64>(text.size()));
    file.close();
    QString error;
    const bool loaded = doc.load(path, &error);
    INFO(error.toStdString());
    REQUIRE(loaded);
}

std::string saved(const ProjectDocument& doc) {
    return doc.toJson().dump();
}

const engine::Clip* clip(const ProjectDocument& doc, const std::string& id) {
    for (const auto& t : doc.project().tracks)
        for (const auto& c : t.clips)
            if (c.id == id) return &c;
    return nullptr;
}

const engine::Track* track(const ProjectDocument& doc, const std::string& id) {
    for (const auto& t : doc.project().tracks)
        if (t.id == id) return &t;
    return nullptr;
}

std::string clipIds(const ProjectDocument& doc, const std::string& trackId) {
    std::string out;
    const auto* t = track(doc, trackId);
    if (!t) return "<no track>";
    for (const auto& c : t->clips)
        out += (out.empty() ? "" : ",") + c.id;
    return out;
}

} // namespace entropic::app::test
